namespace Personnel.Rpc;

/// <summary>
/// A call that ended with a non-OK status. Thrown by server handlers to refuse a call (the status and
/// <see cref="Trailers"/> are sent to the client) and raised by the client when a call fails.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(Status status)
        : this(status, Metadata.Empty, status.Detail)
    {
    }

    public RpcException(Status status, string message)
        : this(status, Metadata.Empty, message)
    {
    }

    public RpcException(Status status, Metadata trailers)
        : this(status, trailers, status.Detail)
    {
    }

    public RpcException(Status status, Metadata trailers, string message)
        : base(string.IsNullOrEmpty(message) ? status.ToString() : message)
    {
        Status = status;
        Trailers = trailers;
    }

    /// <summary>Gets the status of the call.</summary>
    public Status Status { get; }

    /// <summary>Gets the status code of the call.</summary>
    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>Gets the trailing metadata: sent by a server handler, or received by the client.</summary>
    public Metadata Trailers { get; }
}
