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

    public Task HandleCallAsync(HttpContext http)
    {
        if (RefusalOf(http) is { } refusal)
        {
            return RefuseAsync(http, refusal.HttpStatus, refusal.Reason, Logger);
        }

        var call = new HttpServerCallContext(http, MethodPath, Options, Logger);
        if (call.Initialize(TimeProvider) is { } early)
        {
            RpcServerLog.CallFailed(Logger, MethodPath, early.StatusCode, early.Detail);
            call.EndCall(early);
            call.Dispose();
            return Task.CompletedTask;
        }

        Task run;
        try
        {
            run = RunAsync(call);
        }
        catch (Exception ex)
        {
            run = Task.FromException(ex);
        }

        if (run.IsCompletedSuccessfully)
        {
            // The usual unary call: everything happened synchronously, nothing to await.
            call.EndCall(call.Status);
            call.Dispose();
            return Task.CompletedTask;
        }

        return CompleteAsync(call, run);
    }

    private static async Task CompleteAsync(HttpServerCallContext call, Task run)
    {
        using (call)
        {
            if (call.DeadlineReached is { } deadline && !run.IsCompleted
                && await Task.WhenAny(run, deadline).ConfigureAwait(false) == deadline)
            {
                await call.EndCallOnDeadlineAsync().ConfigureAwait(false);
            }

            Status status;
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
    }

    /// <summary>Reads the request, invokes the handler and writes the response messages.</summary>
    protected abstract Task RunAsync(HttpServerCallContext call);

    /// <summary>
    /// What is not a gRPC request is refused before any handler runs: HTTP/1.x cannot carry trailers
    /// (426), and a content type other than application/grpc[+proto] gets 415, as the spec asks.
    /// </summary>
    public static (int HttpStatus, string Reason)? RefusalOf(HttpContext http)
    {
        var request = http.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            return (StatusCodes.Status426UpgradeRequired, $"Request protocol '{request.Protocol}' is not supported; gRPC needs HTTP/2.");
        }

        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            return (StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{request.ContentType}' is not supported; gRPC needs application/grpc.");
        }

        return null;
    }

    public static async Task RefuseAsync(HttpContext http, int httpStatus, string reason, ILogger logger)
    {
        RpcServerLog.RequestRefused(logger, http.Request.Path, reason);
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
    public Task HandleCallAsync(HttpContext http)
    {
        if (ServerMethodHandler.RefusalOf(http) is { } refusal)
        {
            return ServerMethodHandler.RefuseAsync(http, refusal.HttpStatus, refusal.Reason, logger);
        }

        using var call = new HttpServerCallContext(http, http.Request.Path, new RpcServerOptions(), logger);
        call.EndCall(new Status(StatusCode.Unimplemented, detail));
        return Task.CompletedTask;
    }
}
