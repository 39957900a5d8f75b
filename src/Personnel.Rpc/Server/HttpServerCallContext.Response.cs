using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Personnel.Rpc.Internal;

namespace Personnel.Rpc.Server;

/// <summary>
/// The response side of a call. One gate orders the handler's writes against the deadline timer:
/// whichever ends the call first wins, and the other sees the call completed.
/// </summary>
internal sealed partial class HttpServerCallContext
{
    private readonly Lock _gate = new();
    private bool _writing;
    private bool _completed;
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
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
        }

        if (_http.RequestAborted.IsCancellationRequested)
        {
            // The client reset the stream: nobody is listening for a status.
            return;
        }

        WriteStatus(status);
    }

    /// <summary>
    /// Ends the call with DEADLINE_EXCEEDED while the handler may still run. When a write is in flight
    /// the response cannot be finished cleanly, so the stream is reset instead.
    /// </summary>
    public async Task EndCallOnDeadlineAsync()
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            if (_writing)
            {
                // A flush is blocked (flow control); the response cannot be finished cleanly.
                RpcServerLog.DeadlineResetStream(_logger, _method);
                _http.Abort();
                return;
            }
        }

        RpcServerLog.DeadlineExceeded(_logger, _method);
        WriteStatus(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
        await _http.Response.CompleteAsync().ConfigureAwait(false);
    }

    private void WriteStatus(Status status)
    {
        var response = _http.Response;
        var code = ((int)status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!_headersPrepared && !response.HasStarted)
        {
            // Trailers-only: status and trailing metadata travel in the one HEADERS frame.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = GrpcProtocol.ContentType;
            response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
            response.Headers[GrpcProtocol.StatusHeader] = code;
            if (!string.IsNullOrEmpty(status.Detail))
            {
                response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(status.Detail);
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

        response.AppendTrailer(GrpcProtocol.StatusHeader, code);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            response.AppendTrailer(GrpcProtocol.MessageHeader, PercentEncoding.Encode(status.Detail));
        }

        if (_responseTrailers is not null)
        {
            foreach (var entry in _responseTrailers)
            {
                response.AppendTrailer(entry.Key, MetadataCodec.EncodeValue(entry));
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
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
        if (ResponseCompression is { } encoding
            && !string.Equals(encoding, GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            if (!string.Equals(encoding, GrpcProtocol.GzipEncoding, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Response compression '{encoding}' is not supported; use 'gzip' or null.");
            }

            // Compress only for a client that said it can decompress (compression.md).
            if (GrpcProtocol.AcceptsEncoding(_http.Request.Headers[GrpcProtocol.AcceptEncodingHeader].ToString(), GrpcProtocol.GzipEncoding))
            {
                _compressResponse = true;
                response.Headers[GrpcProtocol.EncodingHeader] = GrpcProtocol.GzipEncoding;
            }
        }
    }

    private void BeginWrite()
    {
        lock (_gate)
        {
            if (_completed)
            {
                throw new InvalidOperationException(
                    DeadlineExpired ? "The call's deadline has passed; it is already completed." : "The call is already completed.");
            }

            if (_writing)
            {
                throw new InvalidOperationException("Another write is still pending; await each write before the next.");
            }

            _writing = true;
        }
    }

    private void EndWrite()
    {
        lock (_gate)
        {
            _writing = false;
        }
    }
}
