namespace Personnel.Client;

/// <summary>Options of a <see cref="PersonnelClient"/> and of each typed service client.</summary>
public sealed class PersonnelClientOptions
{
    /// <summary>The address a client uses when none is configured.</summary>
    public static readonly Uri DefaultAddress = new("http://127.0.0.1:5000");

    /// <summary>Gets or sets the server's address (<c>http://</c> for h2c, <c>https://</c> for TLS). Defaults to http://127.0.0.1:5000.</summary>
    public Uri Address { get; set; } = DefaultAddress;

    /// <summary>Gets or sets the API key sent as <c>authorization: Bearer …</c>; null sends none. Defaults to null.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Gets or sets the deadline of each attempt of a call, measured from the moment the attempt starts;
    /// null for no deadline. Defaults to 30 seconds.
    /// </summary>
    public TimeSpan? DefaultDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how many times an idempotent call (a read, or a write carrying a <c>request_id</c>) is retried
    /// after the server answered UNAVAILABLE or could not be reached. Retries resend the same <c>request_id</c>, so
    /// the service records nothing twice. 0 disables retries. Defaults to 3.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the pause before the first retry; it doubles on each further retry. Defaults to 200 milliseconds.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets the clock of deadlines and retry pauses. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets the HTTP handler of the channel (e.g. an in-process test server's handler); null for the
    /// channel's own. Defaults to null.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>
    /// Gets or sets a PEM file of the certificate authority that signed the server's certificate, for an <c>https://</c>
    /// address whose certificate the system does not trust (a zone's own CA). Null trusts the system's roots. Defaults to null.
    /// </summary>
    public string? CaFile { get; set; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Address);
        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "MaxRetries must be 0 or more.");
        }

        if (DefaultDeadline is { } deadline && deadline <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultDeadline), deadline, "DefaultDeadline must be positive, or null for none.");
        }

        if (RetryBackoff < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryBackoff), RetryBackoff, "RetryBackoff must not be negative.");
        }
    }
}
