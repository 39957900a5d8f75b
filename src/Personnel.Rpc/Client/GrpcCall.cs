using System.Buffers;
using System.Net.Http.Headers;
using Google.Protobuf;
using Personnel.Rpc.Internal;

namespace Personnel.Rpc.Client;

/// <summary>
/// One client call as one HTTP/2 request. This part starts it (headers, deadline, request body) and ends it;
/// GrpcCall.Response.cs reads the response and turns every failure into a status.
/// </summary>
internal sealed partial class GrpcCall<TRequest, TResponse> : IDisposable
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private const string UserAgent = "personnel-rpc-dotnet/1.0";

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _callSource;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _deadlineSource;
    private CancellationTokenRegistration _deadlineRegistration;
    private Task<HttpResponseMessage>? _sendTask;
    private StreamingRequestContent? _streamingContent;
    private bool _requestCompleted;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _callSource = options.CancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken)
            : new CancellationTokenSource();
    }

    private bool Compress => _options.RequestCompression is { } encoding
        && !string.Equals(encoding, GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase);

    /// <summary>Starts a call with one request message (unary or server-streaming).</summary>
    public void Start(TRequest request)
    {
        if (!TryStartDeadline())
        {
            return;
        }

        var writer = new ArrayBufferWriter<byte>();
        try
        {
            MessageFraming.WriteMessage(writer, request, Compress, _channel.Options.MaxSendMessageSize, "request");
        }
        catch (RpcException ex)
        {
            Finish(ex.Status, Metadata.Empty);
            return;
        }

        // ArrayBufferWriter exposes its array through its memory; copying would cost a second buffer.
        var frame = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(writer.WrittenMemory, out var segment)
            ? segment.Array!
            : writer.WrittenSpan.ToArray();
        Send(new UnaryRequestContent(frame, writer.WrittenCount));
    }

    /// <summary>Starts a call whose request messages are written later (client- or bidirectional streaming).</summary>
    public IClientStreamWriter<TRequest> StartStreaming()
    {
        _streamingContent = new StreamingRequestContent();
        if (TryStartDeadline())
        {
            Send(_streamingContent);
        }

        return new RequestStreamWriter(this);
    }

    public void Dispose()
    {
        Finish(new Status(StatusCode.Cancelled, "Call canceled by the client."), Metadata.Empty);
        _callSource.Cancel();
        _streamingContent?.Abort();
        _response?.Dispose();
        _deadlineRegistration.Dispose();
        _deadlineSource?.Dispose();
    }

    private bool TryStartDeadline()
    {
        if (_options.Deadline is not { } deadline || deadline == DateTime.MaxValue)
        {
            return true;
        }

        var timeout = deadline.ToUniversalTime() - _channel.Options.TimeProvider.GetUtcNow().UtcDateTime;
        if (timeout <= TimeSpan.Zero)
        {
            Finish(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), Metadata.Empty);
            return false;
        }

        _deadlineSource = new CancellationTokenSource(timeout, _channel.Options.TimeProvider);
        _deadlineRegistration = _deadlineSource.Token.Register(static state => ((CancellationTokenSource)state!).Cancel(), _callSource);
        return true;
    }

    private void Send(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_channel.Address, _method.FullName))
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        headers.TryAddWithoutValidation(GrpcProtocol.UserAgentHeader, UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.SupportedEncodings);
        if (Compress)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, _options.RequestCompression);
        }

        if (_deadlineSource is not null && _options.Deadline is { } deadline)
        {
            var timeout = deadline.ToUniversalTime() - _channel.Options.TimeProvider.GetUtcNow().UtcDateTime;
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(timeout));
        }

        if (_options.Headers is { } metadata)
        {
            foreach (var entry in metadata)
            {
                headers.TryAddWithoutValidation(entry.Key, MetadataCodec.EncodeValue(entry));
            }
        }

        _sendTask = _channel.HttpInvoker.SendAsync(request, _callSource.Token);
        _responseStart = StartResponseAsync();
    }

    /// <summary>Writes request messages into the streaming body.</summary>
    private sealed class RequestStreamWriter(GrpcCall<TRequest, TResponse> call) : IClientStreamWriter<TRequest>
    {
        public async Task WriteAsync(TRequest message, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(message);
            lock (call._gate)
            {
                if (call._requestCompleted)
                {
                    throw new InvalidOperationException("The request stream is already completed; no more messages can be written.");
                }
            }

            call.ThrowIfFinishedWithError();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call._callSource.Token);
            try
            {
                var stream = await call._streamingContent!.StreamReady.WaitAsync(linked.Token).ConfigureAwait(false);
                var writer = new ArrayBufferWriter<byte>();
                MessageFraming.WriteMessage(writer, message, call.Compress, call._channel.Options.MaxSendMessageSize, "request");
                await stream.WriteAsync(writer.WrittenMemory, linked.Token).ConfigureAwait(false);
                await stream.FlushAsync(linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not RpcException)
            {
                if (cancellationToken.IsCancellationRequested && !call._callSource.IsCancellationRequested)
                {
                    // Only this write was cancelled, by the caller's own token; the call goes on.
                    throw;
                }

                // The call has ended (or ends now): report its status, not the transport's exception.
                throw call.Fail(ex);
            }
        }

        public Task CompleteAsync()
        {
            lock (call._gate)
            {
                call._requestCompleted = true;
            }

            call._streamingContent!.Complete();
            return Task.CompletedTask;
        }
    }
}
