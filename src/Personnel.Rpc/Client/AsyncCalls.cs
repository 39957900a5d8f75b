using System.Runtime.CompilerServices;

namespace Personnel.Rpc;

/// <summary>The parts every call shares: response headers, and status and trailers once it has ended.</summary>
public abstract class AsyncCallBase : IDisposable
{
    private readonly Func<Status> _getStatus;
    private readonly Func<Metadata> _getTrailers;
    private readonly Action _dispose;

    protected AsyncCallBase(Task<Metadata> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
    {
        ResponseHeadersAsync = responseHeadersAsync;
        _getStatus = getStatus;
        _getTrailers = getTrailers;
        _dispose = dispose;
    }

    /// <summary>Gets the response headers, when they arrive.</summary>
    public Task<Metadata> ResponseHeadersAsync { get; }

    /// <summary>Gets the status; only once the call has ended.</summary>
    public Status GetStatus() => _getStatus();

    /// <summary>Gets the trailing metadata; only once the call has ended.</summary>
    public Metadata GetTrailers() => _getTrailers();

    /// <summary>Ends the call; if it is still running it is cancelled (the stream is reset).</summary>
    public void Dispose()
    {
        _dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A unary call: await it for the response.</summary>
public sealed class AsyncUnaryCall<TResponse>(
    Task<TResponse> responseAsync, Task<Metadata> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
    : AsyncCallBase(responseHeadersAsync, getStatus, getTrailers, dispose)
{
    /// <summary>Gets the response; faults with <see cref="RpcException"/> on a non-OK status.</summary>
    public Task<TResponse> ResponseAsync { get; } = responseAsync;

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();
}

/// <summary>A server-streaming call: read <see cref="ResponseStream"/> to its end.</summary>
public sealed class AsyncServerStreamingCall<TResponse>(
    IAsyncStreamReader<TResponse> responseStream, Task<Metadata> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
    : AsyncCallBase(responseHeadersAsync, getStatus, getTrailers, dispose)
{
    /// <summary>Gets the responses; the reader throws <see cref="RpcException"/> when the call ends with a non-OK status.</summary>
    public IAsyncStreamReader<TResponse> ResponseStream { get; } = responseStream;
}

/// <summary>A client-streaming call: write <see cref="RequestStream"/>, complete it, then await the response.</summary>
public sealed class AsyncClientStreamingCall<TRequest, TResponse>(
    IClientStreamWriter<TRequest> requestStream,
    Task<TResponse> responseAsync,
    Task<Metadata> responseHeadersAsync,
    Func<Status> getStatus,
    Func<Metadata> getTrailers,
    Action dispose)
    : AsyncCallBase(responseHeadersAsync, getStatus, getTrailers, dispose)
{
    public IClientStreamWriter<TRequest> RequestStream { get; } = requestStream;

    public Task<TResponse> ResponseAsync { get; } = responseAsync;

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();
}

/// <summary>A bidirectional call: requests and responses flow independently.</summary>
public sealed class AsyncDuplexStreamingCall<TRequest, TResponse>(
    IClientStreamWriter<TRequest> requestStream,
    IAsyncStreamReader<TResponse> responseStream,
    Task<Metadata> responseHeadersAsync,
    Func<Status> getStatus,
    Func<Metadata> getTrailers,
    Action dispose)
    : AsyncCallBase(responseHeadersAsync, getStatus, getTrailers, dispose)
{
    public IClientStreamWriter<TRequest> RequestStream { get; } = requestStream;

    public IAsyncStreamReader<TResponse> ResponseStream { get; } = responseStream;
}
