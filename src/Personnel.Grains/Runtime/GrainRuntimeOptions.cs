namespace Personnel.Grains.Runtime;

/// <summary>Settings of a <see cref="GrainRuntime"/>.</summary>
public sealed record GrainRuntimeOptions
{
    /// <summary>
    /// Gets or sets how long an activation may stay without a call before it is deactivated.
    /// Defaults to 10 minutes.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gets or sets how often the collector looks for idle activations. Defaults to 1 minute.
    /// </summary>
    public TimeSpan CollectionPeriod { get; init; } = TimeSpan.FromMinutes(1);

    internal void Validate()
    {
        if (IdleTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(IdleTimeout), IdleTimeout, "GrainRuntimeOptions.IdleTimeout must be positive.");
        }

        if (CollectionPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(CollectionPeriod), CollectionPeriod, "GrainRuntimeOptions.CollectionPeriod must be positive.");
        }
    }
}
