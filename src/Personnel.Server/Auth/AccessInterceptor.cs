using System.Collections.Frozen;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Personnel.Server.Hosting;
using Personnel.Server.Services;

namespace Personnel.Server.Auth;

/// <summary>
/// The one place a call is authenticated and its role checked, before any handler runs, whichever way it came in: gRPC,
/// gRPC-Web or JSON over HTTP (docs/api.md, "Calling the service"). It reads the bearer key, finds it, and checks its role
/// against <see cref="Permissions.Table"/> by the method's full name. It is also where every refused call is logged, once,
/// with its status, reason, article and the caller's key id (never the key).
/// </summary>
/// <remarks>
/// A gRPC interceptor rather than an ASP.NET Core authentication handler with authorization policies: a refusal thrown
/// here is an <see cref="RpcException"/> carrying the rule and its <see cref="ErrorInfo"/>, which Grpc.AspNetCore then
/// writes in each protocol's own shape (gRPC trailers, gRPC-Web trailers, an HTTP 401/403 with a JSON status for JSON
/// transcoding). The authorization middleware would answer a bare 401/403 before gRPC, with no message naming the rule.
/// </remarks>
public sealed partial class AccessInterceptor(ApiKeyRegistry keys, ServerInstruments instruments, ILogger<AccessInterceptor> logger) : Interceptor
{
    /// <summary>The methods this interceptor guards: every RPC of the personnel.v1 package.</summary>
    private const string PersonnelPackage = "/personnel.v1.";

    /// <summary>The rule of each method by the full name Grpc.AspNetCore gives (<c>/package.Service/Method</c>).</summary>
    private static readonly FrozenDictionary<string, MethodRule> Rules = Permissions.Table
        .ToFrozenDictionary(p => "/" + p.Key, p => new MethodRule(p.Key, p.Value), StringComparer.Ordinal);

    /// <summary>Gets the caller the interceptor authenticated for this call.</summary>
    public static Caller GetCaller(HttpContext http) =>
        http.Features.Get<Caller>()
            ?? throw new InvalidOperationException("No authenticated caller: is AccessInterceptor registered (AddGrpc)?");

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        // The common case without an async state machine: a key already known is admitted synchronously, and a handler
        // that completes synchronously (a read answered from a published view) is passed through as it is.
        var admitted = AdmitAsync(context);
        if (!admitted.IsCompletedSuccessfully)
        {
            return AdmitThenRunAsync(admitted, request, context, continuation);
        }

        if (!admitted.Result)
        {
            return continuation(request, context);
        }

        var answer = continuation(request, context);
        return answer.IsCompletedSuccessfully ? answer : LoggingRefusalAsync(answer, context);
    }

    private async Task<TResponse> AdmitThenRunAsync<TRequest, TResponse>(
        ValueTask<bool> admitted, TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        if (!await admitted.ConfigureAwait(false))
        {
            return await continuation(request, context).ConfigureAwait(false);
        }

        return await LoggingRefusalAsync(continuation(request, context), context).ConfigureAwait(false);
    }

    private async Task<TResponse> LoggingRefusalAsync<TResponse>(Task<TResponse> answer, ServerCallContext context)
    {
        try
        {
            return await answer.ConfigureAwait(false);
        }
        catch (RpcException refused)
        {
            LogRefusal(context, refused);
            throw;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context).ConfigureAwait(false);
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (RpcException refused)
        {
            LogRefusal(context, refused);
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context).ConfigureAwait(false);
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (RpcException refused)
        {
            LogRefusal(context, refused);
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        // Only reflection is bidirectional, and it is open.
        await AdmitAsync(context).ConfigureAwait(false);
        await continuation(requestStream, responseStream, context).ConfigureAwait(false);
    }

    /// <summary>Admits the call or throws its refusal; false for a service outside personnel.v1 (health, reflection, which
    /// generic tools call without a key), which is not ours to guard.</summary>
    private async ValueTask<bool> AdmitAsync(ServerCallContext context)
    {
        if (!Rules.TryGetValue(context.Method, out var rule))
        {
            if (!context.Method.StartsWith(PersonnelPackage, StringComparison.Ordinal))
            {
                return false;
            }

            // A method of ours missing from the table is refused to everyone (a test proves none is missing).
            throw Refuse(context, StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED", $"{context.Method.TrimStart('/')} is allowed to no role.");
        }

        var http = context.GetHttpContext();
        var (presented, key) = await keys.AuthenticateBearerAsync(http.Request.Headers.Authorization.ToString(), context.CancellationToken)
            .ConfigureAwait(false);
        if (!presented)
        {
            throw Refuse(context, StatusCode.Unauthenticated, "API_KEY_MISSING",
                "No API key: send the header 'authorization: Bearer <key>' with a key an admin created (personnel keys create).");
        }

        if (key is null)
        {
            throw Refuse(context, StatusCode.Unauthenticated, "API_KEY_INVALID",
                "The API key is not valid: it is unknown or was revoked. Ask an admin for a key.");
        }

        var permission = rule.Permission;
        if (!permission.Roles.Contains(key.Role))
        {
            var allowed = string.Join(", ", permission.Roles.Select(Permissions.Name).Order());
            throw Refuse(context, StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED",
                $"Key '{key.KeyId}' has role {Permissions.Name(key.Role)}; {rule.Name} is allowed to {allowed}.", key.KeyId);
        }

        http.Features.Set(new Caller(key.KeyId, key.Role, key.DepartmentId.Length == 0 ? null : key.DepartmentId, permission.Scope));
        return true;
    }

    private RpcException Refuse(ServerCallContext context, StatusCode code, string reason, string message, string? keyId = null)
    {
        instruments.Refused(code, reason);
        LogRefused(logger, context.Method, code, reason, "", keyId ?? "(none)");
        return Refusals.Refuse(code, reason, message);
    }

    /// <summary>Counts and logs a handler's refusal once, from its status details; errors that are not refusals (INTERNAL,
    /// UNKNOWN) are Grpc.AspNetCore's to log.</summary>
    private void LogRefusal(ServerCallContext context, RpcException refused)
    {
        if (refused.StatusCode is StatusCode.Internal or StatusCode.Unknown)
        {
            return;
        }

        var info = refused.GetRpcStatus()?.GetDetail<ErrorInfo>();
        instruments.Refused(refused.StatusCode, info?.Reason ?? "");
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var keyId = context.GetHttpContext().Features.Get<Caller>()?.KeyId ?? "(none)";
        LogRefused(logger, context.Method, refused.StatusCode, info?.Reason ?? "", info?.Metadata.GetValueOrDefault("article") ?? "", keyId);
    }

    private sealed record MethodRule(string Name, Permission Permission);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Refused {Method}: {Status} {Reason} [{Article}] key {KeyId}")]
    private static partial void LogRefused(ILogger logger, string method, StatusCode status, string reason, string article, string keyId);
}
