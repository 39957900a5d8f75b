using Personnel.Api.V1;
using Personnel.Server.Auth;

namespace Personnel.Server.Hosting;

/// <summary>
/// Who reaches <see cref="ServerMetrics.Path"/>: a connection on the HTTP/1.1 port only (elsewhere 404, as for a path that does
/// not exist), and, unless access is open (<paramref name="keys"/> null), a caller presenting an admin key as
/// <c>authorization: Bearer …</c>: 401 without a key or with one unknown or revoked, 403 for a key of another role. A refusal is
/// logged once, with the key id (never the key), as refused RPCs are.
/// </summary>
internal sealed partial class MetricsGate(Endpoints endpoints, ApiKeyRegistry? keys, ILogger<MetricsGate> logger)
{
    /// <summary>Runs before the exporter in its branch: lets the scrape through or answers the refusal.</summary>
    public async Task AdmitAsync(HttpContext context, RequestDelegate next)
    {
        if (!endpoints.IsWeb(context.Connection))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (keys is not null)
        {
            var (presented, key) = await keys.AuthenticateBearerAsync(context.Request.Headers.Authorization.ToString(), context.RequestAborted)
                .ConfigureAwait(false);
            if (!presented)
            {
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "API_KEY_MISSING",
                    $"No API key: scraping {ServerMetrics.Path} needs the header 'authorization: Bearer <key>' with an admin key.", null).ConfigureAwait(false);
                return;
            }

            if (key is null)
            {
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "API_KEY_INVALID",
                    "The API key is not valid: it is unknown or was revoked. Ask an admin for a key.", null).ConfigureAwait(false);
                return;
            }

            if (key.Role != Role.Admin)
            {
                await RefuseAsync(context, StatusCodes.Status403Forbidden, "ROLE_NOT_ALLOWED",
                    $"Key '{key.KeyId}' has role {Permissions.Name(key.Role)}; {ServerMetrics.Path} is allowed to {Permissions.Name(Role.Admin)}.",
                    key.KeyId).ConfigureAwait(false);
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }

    private Task RefuseAsync(HttpContext context, int status, string reason, string message, string? keyId)
    {
        LogRefused(logger, ServerMetrics.Path, status, reason, keyId ?? "(none)");
        var response = context.Response;
        response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }

        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync($"{reason}: {message}\n", context.RequestAborted);
    }

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Refused {Path}: {Status} {Reason} key {KeyId}")]
    private static partial void LogRefused(ILogger logger, string path, int status, string reason, string keyId);
}
