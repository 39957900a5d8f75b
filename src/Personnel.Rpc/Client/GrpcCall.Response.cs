using System.Globalization;
using System.IO.Pipelines;
using System.Net.Http;
using Personnel.Rpc.Internal;

namespace Personnel.Rpc.Client;

/// <summary>The response side: headers, messages, trailers, and the status every failure becomes.</summary>
internal sealed partial class GrpcCall<TRequest, TResponse>
{
    private readonly TaskCompletionSource<Metadata> _headers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<bool>? _responseStart;
    private HttpResponseMessage? _response;
    private PipeReader? _reader;
    private string? _responseEncoding;
    private Status? _status;
    private Metadata? _trailers;

    public Task<Metadata> ResponseHeadersAsync => _headers.Task;

    public IAsyncStreamReader<TResponse> ResponseStream => new ResponseStreamReader(this);

    public Status GetStatus() => _status
        ?? throw new InvalidOperationException("The call has not ended yet; its status is known once the response has been read to the end.");

    public Metadata GetTrailers() => _trailers
        ?? throw new InvalidOperationException("The call has not ended yet; its trailers are known once the response has been read to the end.");

    public async Task<TResponse> ReadUnaryResponseAsync()
    {
        if (_responseStart is null || !await _responseStart.ConfigureAwait(false))
        {
            ThrowIfFinishedWithError();
            throw Fail(new Status(StatusCode.Internal, "The server ended the call with OK but sent no response message."));
        }

        var message = await ReadNextAsync().ConfigureAwait(false);
        if (message is null)
        {
            ThrowIfFinishedWithError();
            throw Fail(new Status(StatusCode.Internal, "The server ended the call with OK but sent no response message."));
        }

        if (await ReadNextAsync().ConfigureAwait(false) is not null)
        {
            throw Fail(new Status(StatusCode.Internal, "The server sent more than one response message to a call that expects one."));
        }

        ThrowIfFinishedWithError();
        return message;
    }

    private async Task<bool> StartResponseAsync()
    {
        try
        {
            var response = await _sendTask!.ConfigureAwait(false);
            _response = response;
            var headers = new Metadata();
            MetadataCodec.AddFromHttp(response.Headers, headers);
            var grpcStatus = MetadataCodec.GetHeader(response, GrpcProtocol.StatusHeader, trailers: false);
            if ((int)response.StatusCode != 200)
            {
                Finish(new Status(
                    GrpcProtocol.StatusFromHttp((int)response.StatusCode),
                    $"Bad gRPC response: HTTP status {(int)response.StatusCode}."), headers);
                return false;
            }

            var contentType = response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values) ? values.ToString() : null;
            if (!GrpcProtocol.IsGrpcContentType(contentType))
            {
                Finish(new Status(StatusCode.Internal, $"Bad gRPC response: content-type '{contentType}' is not application/grpc."), headers);
                return false;
            }

            _headers.TrySetResult(headers.Freeze());
            if (grpcStatus is not null)
            {
                // Trailers-only: the status, and any trailing metadata, came in the headers.
                Finish(ReadStatus(grpcStatus, MetadataCodec.GetHeader(response, GrpcProtocol.MessageHeader, trailers: false)), headers);
                return false;
            }

            _responseEncoding = MetadataCodec.GetHeader(response, GrpcProtocol.EncodingHeader, trailers: false);
            var stream = await response.Content.ReadAsStreamAsync(_callSource.Token).ConfigureAwait(false);
            _reader = PipeReader.Create(stream);
            return true;
        }
        catch (Exception ex)
        {
            Fail(ex);
            return false;
        }
    }

    private async Task<TResponse?> ReadNextAsync()
    {
        if (_status is not null || _reader is null)
        {
            return null;
        }

        TResponse? message;
        try
        {
            message = await MessageFraming.ReadMessageAsync(
                _reader, _method.ResponseParser, _channel.Options.MaxReceiveMessageSize, _responseEncoding, "response", _callSource.Token)
                .ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw Fail(ex);
        }

        if (message is null)
        {
            var trailers = new Metadata();
            MetadataCodec.AddFromHttp(_response!.TrailingHeaders, trailers);
            var grpcStatus = MetadataCodec.GetHeader(_response, GrpcProtocol.StatusHeader, trailers: true);
            Finish(
                grpcStatus is null
                    ? new Status(StatusCode.Unknown, "No grpc-status found on the response.")
                    : ReadStatus(grpcStatus, MetadataCodec.GetHeader(_response, GrpcProtocol.MessageHeader, trailers: true)),
                trailers);
        }

        return message;
    }

    private static Status ReadStatus(string grpcStatus, string? grpcMessage)
    {
        var detail = grpcMessage is null ? string.Empty : PercentEncoding.Decode(grpcMessage);
        return int.TryParse(grpcStatus, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? new Status((StatusCode)code, detail)
            : new Status(StatusCode.Unknown, $"Bad gRPC response: grpc-status '{grpcStatus}' is not a number.");
    }

    /// <summary>Records the final status once; the first status wins.</summary>
    private void Finish(Status status, Metadata trailers)
    {
        lock (_gate)
        {
            if (_status is not null)
            {
                return;
            }

            _status = status;
            _trailers = trailers.IsReadOnly ? trailers : trailers.Freeze();
        }

        if (status.StatusCode != StatusCode.OK && _headers.TrySetException(new RpcException(status, _trailers)))
        {
            // Nobody has to look at the headers task; without this a failed call would report an unobserved exception.
            _ = _headers.Task.Exception;
        }

        _headers.TrySetResult(Metadata.Empty);
        _streamingContent?.Complete();
        if (status.StatusCode != StatusCode.OK)
        {
            // A failed call must not leave its HTTP/2 stream open.
            _callSource.Cancel();
        }
    }

    private RpcException Fail(Status status)
    {
        Finish(status, Metadata.Empty);
        return new RpcException(_status!.Value, _trailers!);
    }

    private RpcException Fail(Exception exception)
    {
        Finish(StatusFromException(exception), Metadata.Empty);
        return new RpcException(_status!.Value, _trailers!);
    }

    private void ThrowIfFinishedWithError()
    {
        if (_status is { StatusCode: not StatusCode.OK } status)
        {
            throw new RpcException(status, _trailers!);
        }
    }

    private Status StatusFromException(Exception exception)
    {
        if (exception is RpcException rpc)
        {
            return rpc.Status;
        }

        if (_deadlineSource?.IsCancellationRequested == true)
        {
            return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }

        if (_callSource.IsCancellationRequested)
        {
            return new Status(StatusCode.Cancelled, "Call canceled by the client.");
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpProtocolException protocol)
            {
                // RST_STREAM codes, as PROTOCOL-HTTP2.md maps them.
                return protocol.ErrorCode switch
                {
                    0x7 => new Status(StatusCode.Unavailable, "The server refused the stream (REFUSED_STREAM)."),
                    0x8 => new Status(StatusCode.Cancelled, "The server cancelled the stream (CANCEL)."),
                    0xB => new Status(StatusCode.ResourceExhausted, "The server asked the client to slow down (ENHANCE_YOUR_CALM)."),
                    0xC => new Status(StatusCode.PermissionDenied, "The connection's security is inadequate (INADEQUATE_SECURITY)."),
                    _ => new Status(StatusCode.Internal, $"The HTTP/2 stream failed with error code 0x{protocol.ErrorCode:X}."),
                };
            }
        }

        return exception switch
        {
            HttpRequestException http => new Status(StatusCode.Unavailable, $"Error starting the gRPC call: {http.Message}"),
            IOException io => new Status(StatusCode.Unavailable, $"Error reading the response: {io.Message}"),
            OperationCanceledException => new Status(StatusCode.Cancelled, "The call was cancelled."),
            _ => new Status(StatusCode.Internal, $"Error in the gRPC call: {exception.GetType().Name}: {exception.Message}"),
        };
    }

    /// <summary>Response messages, read as the caller asks for them.</summary>
    private sealed class ResponseStreamReader(GrpcCall<TRequest, TResponse> call) : IAsyncStreamReader<TResponse>
    {
        private TResponse? _current;

        public TResponse Current => _current ?? throw new InvalidOperationException("No message has been read; call MoveNext first.");

        public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
        {
            using var registration = cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), call._callSource);
            if (call._responseStart is null || !await call._responseStart.ConfigureAwait(false))
            {
                call.ThrowIfFinishedWithError();
                return false;
            }

            _current = await call.ReadNextAsync().ConfigureAwait(false);
            if (_current is null)
            {
                call.ThrowIfFinishedWithError();
                return false;
            }

            return true;
        }
    }
}
