using System.Net;

namespace Personnel.Rpc.Client;

/// <summary>
/// A request body written message by message while the call runs: HttpClient hands over the HTTP/2
/// stream, the call's writer writes into it, and completing the body ends the request (half-close).
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _streamReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent()
    {
        Headers.TryAddWithoutValidation("Content-Type", Internal.GrpcProtocol.ContentType);
    }

    public Task<Stream> StreamReady => _streamReady.Task;

    public void Complete() => _completed.TrySetResult();

    public void Abort()
    {
        _streamReady.TrySetCanceled();
        _completed.TrySetCanceled();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _streamReady.TrySetResult(stream);
        return _completed.Task;
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>A unary request body: one framed message, already serialized.</summary>
internal sealed class UnaryRequestContent : HttpContent
{
    private readonly byte[] _frame;
    private readonly int _length;

    public UnaryRequestContent(byte[] frame, int length)
    {
        _frame = frame;
        _length = length;
        Headers.TryAddWithoutValidation("Content-Type", Internal.GrpcProtocol.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_frame, 0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_frame.AsMemory(0, _length), cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
