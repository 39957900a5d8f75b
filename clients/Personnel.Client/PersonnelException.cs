using Google.Rpc;
using Grpc.Core;

namespace Personnel.Client;

/// <summary>
/// A call the service refused or could not complete. <see cref="Exception.Message"/> is the service's own message,
/// which names the rule and its article (e.g. "AS 第八条") and the facts.
/// </summary>
public sealed class PersonnelException : Exception
{
    /// <summary>Creates the exception for a call that ended with <paramref name="statusCode"/>.</summary>
    public PersonnelException(StatusCode statusCode, string message, string method, Exception? innerException = null)
        : base(string.IsNullOrEmpty(message) ? $"{method} failed with {statusCode}." : message, innerException)
    {
        StatusCode = statusCode;
        Method = method;
    }

    /// <summary>Gets the gRPC status code: INVALID_ARGUMENT, FAILED_PRECONDITION, NOT_FOUND, ABORTED …</summary>
    public StatusCode StatusCode { get; }

    /// <summary>Gets the RPC that failed, as <c>/package.Service/Method</c>.</summary>
    public string Method { get; }

    /// <summary>Gets the stable reason the service gave (<c>ErrorInfo.reason</c>, e.g. <c>GOOD_QUOTA_EXCEEDED</c>), for
    /// programs to act on; empty when the call failed before reaching a rule (UNAVAILABLE, DEADLINE_EXCEEDED).</summary>
    public string Reason { get; init; } = "";

    /// <summary>Gets the article of the rule that refused the call (e.g. <c>AS 第八条</c>), when one did.</summary>
    public string? Article { get; init; }

    /// <summary>Gets whether calling again may succeed unchanged (UNAVAILABLE, or ABORTED on a version conflict).</summary>
    public bool IsTransient => StatusCode is StatusCode.Unavailable or StatusCode.Aborted;

    internal static PersonnelException From(RpcException exception, string method)
    {
        var info = exception.GetRpcStatus()?.GetDetail<ErrorInfo>();
        return new(exception.StatusCode, exception.Status.Detail, method, exception)
        {
            Reason = info?.Reason ?? "",
            Article = info is not null && info.Metadata.TryGetValue("article", out var article) ? article : null,
        };
    }
}
