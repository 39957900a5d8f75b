using Microsoft.AspNetCore.Http;

namespace Personnel.Rpc;

/// <summary>What a server handler knows about, and can do to, the call it is serving.</summary>
public abstract class ServerCallContext
{
    /// <summary>Gets the method path, e.g. <c>/personnel.v1.Employees/GetEmployee</c>.</summary>
    public abstract string Method { get; }

    /// <summary>Gets the <c>:authority</c> the client called.</summary>
    public abstract string Host { get; }

    /// <summary>Gets the caller's address, e.g. <c>ipv4:127.0.0.1:50312</c>.</summary>
    public abstract string Peer { get; }

    /// <summary>Gets the UTC deadline from <c>grpc-timeout</c>, or <see cref="DateTime.MaxValue"/> when there is none.</summary>
    public abstract DateTime Deadline { get; }

    /// <summary>Gets the client's metadata (reserved and pseudo headers excluded).</summary>
    public abstract Metadata RequestHeaders { get; }

    /// <summary>Gets a token cancelled when the client cancels or the deadline passes.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Gets the trailers sent with the status at the end of the call.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>Gets or sets the status sent when the handler returns normally. Defaults to OK.</summary>
    public abstract Status Status { get; set; }

    /// <summary>
    /// Gets or sets the encoding for response messages ("gzip" or null for none). Applies when the client
    /// accepts it and before the response headers are sent. Defaults to the server option.
    /// </summary>
    public abstract string? ResponseCompression { get; set; }

    /// <summary>Sends the response headers now, with the given metadata; at most once, before any message.</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);

    /// <summary>Gets the underlying ASP.NET Core request (authentication reads its headers and user).</summary>
    public abstract HttpContext GetHttpContext();
}
