using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Personnel.Rpc.Internal;

namespace Personnel.Rpc.Server;

/// <summary>
/// Serves one RPC path: checks the request is gRPC, sets up the call, runs it, and sends the status.
/// Subclasses differ only in how messages flow (unary, client-, server- or bidirectional streaming).
/// </summary>
internal abstract class ServerMethodHandler
{
    protected ServerMethodHandler(string methodPath, RpcServerOptions options, TimeProvider timeProvider, ILogger logger)
    {
        MethodPath = methodPath;
        Options = options;
        TimeProvider = timeProvider;
        Logger = logger;
    }

    public string MethodPath { get; }

    protected RpcServerOptions Options { get; }

    protected TimeProvider TimeProvider { get; }

    protected ILogger Logger { get; }

    public async Task HandleCallAsync(HttpContext http)
    {
        if (!await CheckRequestIsGrpcAsync(http, Logger).ConfigureAwait(false))
        {
            return;
        }

        using var call = new HttpServerCallContext(http, MethodPath, Options, Logger);
        var refusal = call.Initialize(TimeProvider);
        if (refusal is { } early)
        {
            RpcServerLog.CallFailed(Logger, MethodPath, early.StatusCode, early.Detail);
            call.EndCall(early);
            return;
        }

        Status status;
        var run = RunAsync(call);
        if (call.DeadlineReached is { } deadline && !run.IsCompleted)
        {
            if (await Task.WhenAny(run, deadline).ConfigureAwait(false) == deadline)
            {
                await call.EndCallOnDeadlineAsync().ConfigureAwait(false);
            }
        }

        try
        {
            await run.ConfigureAwait(false);
            status = call.Status;
        }
        catch (Exception ex)
        {
            status = call.StatusFromException(ex);
        }

        call.EndCall(status);
    }

    /// <summary>Reads the request, invokes the handler and writes the response messages.</summary>
    protected abstract Task RunAsync(HttpServerCallContext call);

    /// <summary>
    /// Refuses what is not a gRPC request before any handler runs: HTTP/1.x cannot carry trailers
    /// (426), and a content type other than application/grpc[+proto] gets 415, as the spec asks.
    /// </summary>
    public static async Task<bool> CheckRequestIsGrpcAsync(HttpContext http, ILogger logger)
    {
        var request = http.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            var reason = $"Request protocol '{request.Protocol}' is not supported; gRPC needs HTTP/2.";
            RpcServerLog.RequestRefused(logger, request.Path, reason);
            await RefuseAsync(http, StatusCodes.Status426UpgradeRequired, reason).ConfigureAwait(false);
            return false;
        }

        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            var reason = $"Content-Type '{request.ContentType}' is not supported; gRPC needs application/grpc.";
            RpcServerLog.RequestRefused(logger, request.Path, reason);
            await RefuseAsync(http, StatusCodes.Status415UnsupportedMediaType, reason).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private static async Task RefuseAsync(HttpContext http, int httpStatus, string reason)
    {
        var response = http.Response;
        response.StatusCode = httpStatus;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers[GrpcProtocol.StatusHeader] = ((int)StatusCode.Internal).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(reason);
        await response.WriteAsync(reason, http.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>Answers every call with UNIMPLEMENTED: unknown services and methods, and RPCs a service type does not define.</summary>
internal sealed class UnimplementedMethodHandler(string detail, ILogger logger)
{
    public async Task HandleCallAsync(HttpContext http)
    {
        if (!await ServerMethodHandler.CheckRequestIsGrpcAsync(http, logger).ConfigureAwait(false))
        {
            return;
        }

        using var call = new HttpServerCallContext(http, http.Request.Path, new RpcServerOptions(), logger);
        call.EndCall(new Status(StatusCode.Unimplemented, detail));
    }
}
