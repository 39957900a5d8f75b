using Google.Protobuf;
using Personnel.Rpc.Testing;

namespace Personnel.Rpc.Tests.TestService;

/// <summary>
/// The interop test service's behaviour (grpc/grpc doc/interop-test-descriptions.md): payloads of the asked
/// sizes, echoed status and metadata, compression on request. <c>UnimplementedCall</c> is left out on purpose.
/// </summary>
public sealed class TestServiceImpl(CallObserver observer)
{
    private const string EchoInitialKey = "x-grpc-test-echo-initial";
    private const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";

    public Task<Empty> EmptyCall(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        observer.Started(context);
        try
        {
            await EchoMetadataAsync(context).ConfigureAwait(false);
            CheckCompression(request.ExpectCompressed, context);
            if (request.ResponseCompressed is { } compressed)
            {
                context.ResponseCompression = compressed ? "gzip" : null;
            }

            if (request.SleepMs > 0)
            {
                var token = request.IgnoreCancellation ? CancellationToken.None : context.CancellationToken;
                await Task.Delay(request.SleepMs, token).ConfigureAwait(false);
            }

            if (request.FailWithException)
            {
                throw new InvalidOperationException("secret internal detail at Personnel.Rpc.Tests.TestServiceImpl");
            }

            EchoStatus(request.ResponseStatus);
            return new SimpleResponse { Payload = Payload(request.ResponseSize) };
        }
        finally
        {
            observer.Ended(context);
        }
    }

    public async Task StreamingOutputCall(
        StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context).ConfigureAwait(false);
        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken).ConfigureAwait(false);
            }

            await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = Payload(parameters.Size) }).ConfigureAwait(false);
        }

        EchoStatus(request.ResponseStatus);
    }

    public async Task<StreamingInputCallResponse> StreamingInputCall(
        IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        observer.Started(context);
        try
        {
            var total = 0;
            while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
            {
                CheckCompression(requestStream.Current.ExpectCompressed, context);
                total += requestStream.Current.Payload?.Body.Length ?? 0;
            }

            return new StreamingInputCallResponse { AggregatedPayloadSize = total };
        }
        finally
        {
            observer.Ended(context);
        }
    }

    public async Task FullDuplexCall(
        IAsyncStreamReader<StreamingOutputCallRequest> requestStream,
        IServerStreamWriter<StreamingOutputCallResponse> responseStream,
        ServerCallContext context)
    {
        await EchoMetadataAsync(context).ConfigureAwait(false);
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = requestStream.Current;
            EchoStatus(request.ResponseStatus);
            foreach (var parameters in request.ResponseParameters)
            {
                await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = Payload(parameters.Size) }).ConfigureAwait(false);
            }
        }
    }

    private static Payload Payload(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };

    private static void EchoStatus(EchoStatus? status)
    {
        if (status is { Code: not 0 })
        {
            throw new RpcException(new Status((StatusCode)status.Code, status.Message));
        }
    }

    private static void CheckCompression(bool? expectCompressed, ServerCallContext context)
    {
        var encoding = context.GetHttpContext().Request.Headers["grpc-encoding"].ToString();
        var compressed = encoding.Length > 0 && encoding != "identity";
        if (expectCompressed == true && !compressed)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Expected a compressed request, but it was not compressed."));
        }
    }

    private static async Task EchoMetadataAsync(ServerCallContext context)
    {
        if (context.RequestHeaders.GetValue(EchoInitialKey) is { } initial)
        {
            await context.WriteResponseHeadersAsync(new Metadata { { EchoInitialKey, initial } }).ConfigureAwait(false);
        }

        if (context.RequestHeaders.GetValueBytes(EchoTrailingKey) is { } trailing)
        {
            context.ResponseTrailers.Add(EchoTrailingKey, trailing);
        }
    }
}

/// <summary>Lets tests see what handlers saw: how many calls ran and whether their tokens were cancelled.</summary>
public sealed class CallObserver
{
    private int _started;
    private int _ended;
    private int _cancelled;

    public int StartedCount => Volatile.Read(ref _started);

    public int EndedCount => Volatile.Read(ref _ended);

    public int CancelledCount => Volatile.Read(ref _cancelled);

    public event Action? Changed;

    public void Started(ServerCallContext context)
    {
        Interlocked.Increment(ref _started);
        context.CancellationToken.Register(() =>
        {
            Interlocked.Increment(ref _cancelled);
            Changed?.Invoke();
        });
        Changed?.Invoke();
    }

    public void Ended(ServerCallContext context)
    {
        Interlocked.Increment(ref _ended);

        Changed?.Invoke();
    }

    /// <summary>Waits (bounded) until the condition holds; handlers run on other threads.</summary>
    public async Task WaitForAsync(Func<CallObserver, bool> condition, TimeSpan timeout)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged()
        {
            if (condition(this))
            {
                signal.TrySetResult();
            }
        }

        Changed += OnChanged;
        try
        {
            OnChanged();
            await signal.Task.WaitAsync(timeout);
        }
        finally
        {
            Changed -= OnChanged;
        }
    }
}
