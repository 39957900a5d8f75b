using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Personnel.Rpc.Internal;

namespace Personnel.Rpc.Server;

/// <summary>
/// The response side of a call. One gate orders the handler's writes against the deadline timer:
/// whichever ends the call first wins, and the other sees the call completed.
/// </summary>
internal sealed partial class HttpServerCallContext
{
    private const int Writing = 1;
    private const int Completed = 2;

    // Codes 0-16 as header values, so ending a call allocates no string.
    private static readonly string[] StatusCodeText = Enumerable.Range(0, 17)
        .Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    // Writing and Completed bits, changed only by compare-and-swap: cheaper than a lock object per call.
    private int _state;
    private bool _headersPrepared;
    private bool _compressResponse;

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        BeginWrite();
        try
        {
            if (_headersPrepared)
            {
                throw new InvalidOperationException("Response headers were already sent; they can be sent once, before the first message.");
            }

            foreach (var entry in responseHeaders)
            {
                _http.Response.Headers.Append(entry.Key, MetadataCodec.EncodeValue(entry));
            }

            PrepareHeaders();
            await _http.Response.StartAsync(CancellationToken).ConfigureAwait(false);
            await _http.Response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            EndWrite();
        }
    }

    /// <summary>Buffers a message without flushing: a unary response leaves with its trailers in one go.</summary>
    public void WriteMessage(IMessage message)
    {
        BeginWrite();
        try
        {
            PrepareHeaders();
            MessageFraming.WriteMessage(_http.Response.BodyWriter, message, _compressResponse, _options.MaxSendMessageSize, "response");
        }
        finally
        {
            EndWrite();
        }
    }

    /// <summary>Writes and flushes one message of a response stream.</summary>
    public async Task WriteStreamMessageAsync(IMessage message, CancellationToken cancellationToken)
    {
        BeginWrite();
        try
        {
            PrepareHeaders();
            MessageFraming.WriteMessage(_http.Response.BodyWriter, message, _compressResponse, _options.MaxSendMessageSize, "response");
            var token = cancellationToken.CanBeCanceled ? cancellationToken : CancellationToken;
            await _http.Response.BodyWriter.FlushAsync(token).ConfigureAwait(false);
        }
        finally
        {
            EndWrite();
        }
    }

    /// <summary>Sends the status: in trailers, or as a trailers-only response when nothing was sent yet.</summary>
    public void EndCall(Status status)
    {
        // After a client reset Kestrel discards what is written, so there is no need to ask first.
        if ((Interlocked.Or(ref _state, Completed) & Completed) == 0)
        {
            WriteStatus(status);
        }
    }

    /// <summary>
    /// Ends the call with DEADLINE_EXCEEDED while the handler may still run. When a write is in flight
    /// the response cannot be finished cleanly, so the stream is reset instead.
    /// </summary>
    public async Task EndCallOnDeadlineAsync()
    {
        var previous = Interlocked.Or(ref _state, Completed);
        if ((previous & Completed) != 0)
        {
            return;
        }

        if ((previous & Writing) != 0)
        {
            // A flush is blocked (flow control); the response cannot be finished cleanly.
            RpcServerLog.DeadlineResetStream(_logger, _method);
            _http.Abort();
            return;
        }

        RpcServerLog.DeadlineExceeded(_logger, _method);
        WriteStatus(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
        await _http.Response.CompleteAsync().ConfigureAwait(false);
    }

    private void WriteStatus(Status status)
    {
        var response = _http.Response;
        var numeric = (int)status.StatusCode;
        var code = (uint)numeric < StatusCodeText.Length
            ? StatusCodeText[numeric]
            : numeric.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!_headersPrepared && !response.HasStarted)
        {
            // Trailers-only: status and trailing metadata travel in the one HEADERS frame.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = GrpcProtocol.ContentType;
            response.Headers.GrpcAcceptEncoding = GrpcProtocol.SupportedEncodings;
            response.Headers.GrpcStatus = code;
            if (!string.IsNullOrEmpty(status.Detail))
            {
                response.Headers.GrpcMessage = PercentEncoding.Encode(status.Detail);
            }

            if (_responseTrailers is not null)
            {
                foreach (var entry in _responseTrailers)
                {
                    response.Headers.Append(entry.Key, MetadataCodec.EncodeValue(entry));
                }
            }

            return;
        }

        var trailers = _http.Features.Get<IHttpResponseTrailersFeature>()?.Trailers
            ?? throw new InvalidOperationException("The server does not support response trailers, which gRPC needs.");
        trailers.GrpcStatus = code;
        if (!string.IsNullOrEmpty(status.Detail))
        {
            trailers.GrpcMessage = PercentEncoding.Encode(status.Detail);
        }

        if (_responseTrailers is not null)
        {
            foreach (var entry in _responseTrailers)
            {
                trailers.Append(entry.Key, MetadataCodec.EncodeValue(entry));
            }
        }
    }

    private void PrepareHeaders()
    {
        if (_headersPrepared)
        {
            return;
        }

        _headersPrepared = true;
        var response = _http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        if (RequestEncoding is { } requestEncoding
            && !string.Equals(requestEncoding, GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            // compression.md lets a server keep its encodings to itself, but one that receives a compressed
            // request says what it accepts; refusals (trailers-only) always say it. Plain calls skip the header.
            response.Headers.GrpcAcceptEncoding = GrpcProtocol.SupportedEncodings;
        }

        if (ResponseCompression is { } encoding
            && !string.Equals(encoding, GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            if (!string.Equals(encoding, GrpcProtocol.GzipEncoding, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Response compression '{encoding}' is not supported; use 'gzip' or null.");
            }

            // Compress only for a client that said it can decompress (compression.md).
            if (GrpcProtocol.AcceptsEncoding(_http.Request.Headers.GrpcAcceptEncoding.ToString(), GrpcProtocol.GzipEncoding))
            {
                _compressResponse = true;
                response.Headers.GrpcEncoding = GrpcProtocol.GzipEncoding;
            }
        }
    }

    private void BeginWrite()
    {
        var previous = Interlocked.CompareExchange(ref _state, Writing, 0);
        if ((previous & Completed) != 0)
        {
            throw new InvalidOperationException(
                DeadlineExpired ? "The call's deadline has passed; it is already completed." : "The call is already completed.");
        }

        if ((previous & Writing) != 0)
        {
            throw new InvalidOperationException("Another write is still pending; await each write before the next.");
        }
    }

    private void EndWrite() => Interlocked.And(ref _state, ~Writing);
}
