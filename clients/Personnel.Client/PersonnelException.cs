using Personnel.Rpc;

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

    /// <summary>Gets whether calling again may succeed unchanged (UNAVAILABLE, or ABORTED on a version conflict).</summary>
    public bool IsTransient => StatusCode is StatusCode.Unavailable or StatusCode.Aborted;

    internal static PersonnelException From(RpcException exception, string method) =>
        new(exception.StatusCode, exception.Status.Detail, method, exception);
}
