using Google.Protobuf;
using Grpc.Core;

namespace Personnel.Client.Tests;

/// <summary>A call invoker that records each call and answers from a script, so retries and headers can be observed exactly.</summary>
internal sealed class RecordingInvoker : CallInvoker
{
    private readonly Queue<Func<IMessage, IMessage>> _answers = new();

    public List<(string Method, CallOptions Options, IMessage Request)> Calls { get; } = [];

    public List<IMessage> StreamedRequests { get; } = [];

    public RecordingInvoker Answer(Func<IMessage, IMessage> answer)
    {
        _answers.Enqueue(answer);
        return this;
    }

    public RecordingInvoker Fail(StatusCode code, string detail) =>
        Answer(_ => throw new RpcException(new Status(code, detail)));

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Calls.Add((method.FullName, options, ((IMessage)request).Clone()));
        Task<TResponse> response;
        try
        {
            response = Task.FromResult((TResponse)_answers.Dequeue()((IMessage)request));
        }
        catch (RpcException ex)
        {
            response = Task.FromException<TResponse>(ex);
        }

        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => new Metadata(), () => { });
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException("Server streaming is not scripted by this invoker.");

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        Calls.Add((method.FullName, options, new Google.Protobuf.WellKnownTypes.Empty()));
        var writer = new ListWriter<TRequest>(StreamedRequests);
        var response = writer.Completed.ContinueWith(_ => (TResponse)_answers.Dequeue()(new Google.Protobuf.WellKnownTypes.Empty()), TaskScheduler.Default);
        return new AsyncClientStreamingCall<TRequest, TResponse>(
            writer, response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => new Metadata(), () => { });
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException("Duplex streaming is not scripted by this invoker.");

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException("The client makes no blocking calls.");

    private sealed class ListWriter<T>(List<IMessage> sink) : IClientStreamWriter<T>
    {
        private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Completed => _completed.Task;

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

        public Task WriteAsync(T message, CancellationToken cancellationToken)
        {
            sink.Add(((IMessage)message!).Clone());
            return Task.CompletedTask;
        }

        public Task CompleteAsync()
        {
            _completed.TrySetResult();
            return Task.CompletedTask;
        }
    }
}

internal static class MessageExtensions
{
    public static IMessage Clone(this IMessage message)
    {
        var copy = message.Descriptor.Parser.ParseFrom(message.ToByteArray());
        return copy;
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
