using System.Runtime.CompilerServices;
using System.Text;
using Google.Protobuf.Reflection;
using Personnel.Rpc;

namespace Personnel.Server.Auth;

/// <summary>
/// The one place a call is authenticated and its role checked: after routing, before the handler. Reads
/// the bearer token, finds its key, and checks the role against <see cref="Permissions.Table"/> by the
/// endpoint's full method name. Refusals are trailers-only gRPC responses (UNAUTHENTICATED, PERMISSION_DENIED).
/// </summary>
public sealed partial class AuthenticationMiddleware(RequestDelegate next, ApiKeyRegistry keys, ILogger<AuthenticationMiddleware> logger)
{
    /// <summary>What the middleware needs of each endpoint, worked out on its first call: its full method name, whether it
    /// is open, and its row of <see cref="Permissions.Table"/>.</summary>
    private static readonly ConditionalWeakTable<MethodDescriptor, MethodRule> Rules = [];

    /// <summary>Gets the caller the middleware authenticated for this call.</summary>
    public static Caller GetCaller(HttpContext http) =>
        http.Features.Get<Caller>()
            ?? throw new InvalidOperationException("No authenticated caller: is AuthenticationMiddleware in the pipeline?");

    /// <summary>Handles one request.</summary>
    public Task InvokeAsync(HttpContext http)
    {
        var method = http.GetEndpoint()?.Metadata.GetMetadata<MethodDescriptor>();
        if (method is null)
        {
            // Not an RPC of ours (unknown paths answer UNIMPLEMENTED).
            return next(http);
        }

        var rule = Rules.GetValue(method, static m => new MethodRule(m));
        if (rule.Open)
        {
            // Health/reflection.
            return next(http);
        }

        return AuthenticateAsync(http, rule);
    }

    private async Task AuthenticateAsync(HttpContext http, MethodRule rule)
    {
        var fullName = rule.FullName;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= "Bearer ".Length)
        {
            await RefuseAsync(http, StatusCode.Unauthenticated,
                "No API key: send the header 'authorization: Bearer <token>' with a key an admin created (KeyService.CreateApiKey).")
                .ConfigureAwait(false);
            return;
        }

        // A token already matched is found without a copy of it or the request's abort token (which Kestrel makes on demand).
        if (!keys.TryAuthenticateKnown(header.AsSpan("Bearer ".Length).Trim(), out var key))
        {
            key = await keys.AuthenticateAsync(header["Bearer ".Length..].Trim(), http.RequestAborted).ConfigureAwait(false);
        }

        if (key is null)
        {
            LogUnknownKey(logger, fullName);
            await RefuseAsync(http, StatusCode.Unauthenticated,
                "The API key is not valid: it is unknown or was revoked. Ask an admin for a key.").ConfigureAwait(false);
            return;
        }

        var permission = rule.Permission;
        if (permission is null || !permission.Roles.Contains(key.Role))
        {
            var allowed = permission is null ? "no role" : string.Join(", ", permission.Roles.Select(Permissions.Name).Order());
            LogDenied(logger, key.KeyId, Permissions.Name(key.Role), fullName);
            await RefuseAsync(http, StatusCode.PermissionDenied,
                $"Key '{key.KeyId}' has role {Permissions.Name(key.Role)}; {fullName} is allowed to {allowed} (docs/api.md, permissions).")
                .ConfigureAwait(false);
            return;
        }

        http.Features.Set(new Caller(key.KeyId, key.Role, key.DepartmentId.Length == 0 ? null : key.DepartmentId, permission.Scope));
        await next(http).ConfigureAwait(false);
    }

    private sealed class MethodRule(MethodDescriptor method)
    {
        public string FullName { get; } = method.Service.FullName + "/" + method.Name;

        public bool Open { get; } = Permissions.OpenServices.Contains(method.Service.FullName);

        public Permission? Permission { get; } =
            Permissions.Table.TryGetValue(method.Service.FullName + "/" + method.Name, out var permission) ? permission : null;
    }

    private static async Task RefuseAsync(HttpContext http, StatusCode code, string message)
    {
        // A trailers-only response: the status rides in the only HEADERS frame (PROTOCOL-HTTP2.md).
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/grpc";
        http.Response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["grpc-message"] = PercentEncode(message);
        await http.Response.CompleteAsync().ConfigureAwait(false);
    }

    private static string PercentEncode(string message)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Refused {Method}: unknown or revoked API key")]
    private static partial void LogUnknownKey(ILogger logger, string method);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Refused {Method} to key {KeyId} with role {Role}")]
    private static partial void LogDenied(ILogger logger, string keyId, string role, string method);
}
