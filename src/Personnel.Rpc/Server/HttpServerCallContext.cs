using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Personnel.Rpc.Internal;

namespace Personnel.Rpc.Server;

/// <summary>
/// One call on Kestrel: the context handed to the handler, and the owner of the response (headers,
/// messages, trailers). Properties here; response writing in HttpServerCallContext.Response.cs.
/// </summary>
internal sealed partial class HttpServerCallContext : ServerCallContext, IDisposable
{
    private readonly HttpContext _http;
    private readonly string _method;
    private readonly RpcServerOptions _options;
    private readonly ILogger _logger;
    private DeadlineState? _deadlineState;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;

    public HttpServerCallContext(HttpContext http, string method, RpcServerOptions options, ILogger logger)
    {
        _http = http;
        _method = method;
        _options = options;
        _logger = logger;
        ResponseCompression = options.ResponseCompression;
    }

    public override string Method => _method;

    public override string Host => _http.Request.Host.Value ?? string.Empty;

    public override string Peer
    {
        get
        {
            var address = _http.Connection.RemoteIpAddress;
            if (address is null)
            {
                return "unknown";
            }

            return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? $"ipv6:[{address}]:{_http.Connection.RemotePort}"
                : $"ipv4:{address}:{_http.Connection.RemotePort}";
        }
    }

    public override DateTime Deadline => _deadlineState?.Deadline ?? DateTime.MaxValue;

    public override Metadata RequestHeaders => _requestHeaders ??= MetadataCodec.FromRequestHeaders(_http.Request.Headers);

    // RequestAborted is created on first use by Kestrel; a handler that never asks does not pay for it.
    public override CancellationToken CancellationToken => _deadlineState?.Linked.Token ?? _http.RequestAborted;

    /// <summary>The token for reading the body: Kestrel's reader already fails when the client resets, so only a deadline adds one.</summary>
    public CancellationToken ReadCancellationToken => _deadlineState?.Linked.Token ?? default;

    public override Metadata ResponseTrailers => _responseTrailers ??= [];

    public override Status Status { get; set; } = Status.DefaultSuccess;

    public override string? ResponseCompression { get; set; }

    /// <summary>The encoding of request messages, from <c>grpc-encoding</c>.</summary>
    public string? RequestEncoding { get; private set; }

    /// <summary>Completes when the deadline passes; null when the call has none.</summary>
    public Task? DeadlineReached => _deadlineState?.Reached.Task;

    public bool DeadlineExpired => _deadlineState?.Timer.IsCancellationRequested == true;

    public HttpContext HttpContext => _http;

    public override HttpContext GetHttpContext() => _http;

    /// <summary>
    /// Reads the protocol headers. Returns the status to refuse the call with, or null to go on.
    /// </summary>
    public Status? Initialize(TimeProvider timeProvider)
    {
        var headers = _http.Request.Headers;
        var metadataSize = 0;
        foreach (var (name, values) in headers)
        {
            // HPACK counts 32 bytes of overhead per field (RFC 7541 4.1); the C core's limit does too.
            metadataSize += name.Length + 32;
            foreach (var value in values)
            {
                metadataSize += value?.Length ?? 0;
            }
        }

        if (metadataSize > _options.MaxReceiveMetadataSize)
        {
            return new Status(
                StatusCode.ResourceExhausted,
                $"Request metadata is {metadataSize} bytes, over the limit of {_options.MaxReceiveMetadataSize}.");
        }

        // The typed gRPC header properties hit Kestrel's known-header fast path.
        var encoding = headers.GrpcEncoding;
        if (encoding.Count > 0)
        {
            RequestEncoding = encoding.ToString();
        }

        var timeoutHeader = headers.GrpcTimeout;
        if (timeoutHeader.Count > 0)
        {
            if (!GrpcTimeout.TryParse(timeoutHeader.ToString(), out var timeout))
            {
                return new Status(
                    StatusCode.Internal,
                    $"Malformed grpc-timeout '{timeoutHeader}': it must be 1 to 8 digits followed by one of H M S m u n.");
            }

            if (timeout <= TimeSpan.Zero)
            {
                return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            }

            var now = timeProvider.GetUtcNow().UtcDateTime;
            _deadlineState = new DeadlineState(timeout >= DateTime.MaxValue - now ? DateTime.MaxValue : now + timeout, timeout, timeProvider, _http.RequestAborted);
        }

        return null;
    }

    /// <summary>The status a handler failure turns into; never exposes exception text.</summary>
    public Status StatusFromException(Exception exception)
    {
        switch (exception)
        {
            case RpcException rpc:
                foreach (var entry in rpc.Trailers)
                {
                    ResponseTrailers.Add(entry);
                }

                RpcServerLog.CallFailed(_logger, _method, rpc.StatusCode, rpc.Status.Detail);
                return rpc.Status;
            case OperationCanceledException or IOException when DeadlineExpired:
                RpcServerLog.DeadlineExceeded(_logger, _method);
                return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            case ClientAbortedException:
            case OperationCanceledException or IOException when _http.RequestAborted.IsCancellationRequested:
                RpcServerLog.CallCancelled(_logger, _method);
                return new Status(StatusCode.Cancelled, "Cancelled");
            default:
                RpcServerLog.HandlerFailed(_logger, _method, exception);
                return new Status(StatusCode.Unknown, "Exception was thrown by handler.");
        }
    }

    public void Dispose()
    {
        _deadlineState?.Dispose();
    }

    /// <summary>Only calls with a deadline carry these, so the common call stays small.</summary>
    private sealed class DeadlineState : IDisposable
    {
        public DeadlineState(DateTime deadline, TimeSpan timeout, TimeProvider timeProvider, CancellationToken requestAborted)
        {
            Deadline = deadline;
            Timer = new CancellationTokenSource(timeout, timeProvider);
            Timer.Token.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), Reached);
            Linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, Timer.Token);
        }

        public DateTime Deadline { get; }

        public CancellationTokenSource Timer { get; }

        public CancellationTokenSource Linked { get; }

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Dispose()
        {
            Linked.Dispose();
            Timer.Dispose();
        }
    }
}
