namespace Personnel.Rpc.Server;

/// <summary>
/// The request body failed because the client reset the stream or the connection died. Kestrel reports
/// that as an IOException a moment before RequestAborted fires; this names it, so it ends as CANCELLED
/// rather than as a handler failure.
/// </summary>
internal sealed class ClientAbortedException(IOException inner)
    : OperationCanceledException("The client reset the stream or the connection was lost.", inner);
