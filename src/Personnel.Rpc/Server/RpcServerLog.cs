using Microsoft.Extensions.Logging;

namespace Personnel.Rpc.Server;

/// <summary>Source-generated log messages of the server layer, with stable event ids.</summary>
internal static partial class RpcServerLog
{
    [LoggerMessage(1, LogLevel.Error, "Error executing the handler of {Method}.")]
    public static partial void HandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(2, LogLevel.Debug, "Deadline of {Method} exceeded.")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(3, LogLevel.Debug, "Call {Method} was cancelled by the client.")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(4, LogLevel.Debug, "Refused {Path}: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string path, string reason);

    [LoggerMessage(5, LogLevel.Information, "{Service} has no method {Method}: calls to it answer UNIMPLEMENTED.")]
    public static partial void MethodNotImplemented(ILogger logger, string service, string method);

    [LoggerMessage(6, LogLevel.Debug, "Call {Method} ended with {StatusCode}: {Detail}")]
    public static partial void CallFailed(ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(7, LogLevel.Warning, "Deadline of {Method} passed while a response write was pending: the stream was reset.")]
    public static partial void DeadlineResetStream(ILogger logger, string method);
}
