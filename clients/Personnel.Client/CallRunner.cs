using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Personnel.Client;

/// <summary>
/// What every typed client shares: the invoker, the bearer key, deadlines, request ids and retries. One instance
/// serves all the typed clients of a <see cref="PersonnelClient"/>.
/// </summary>
internal sealed class CallRunner
{
    private readonly CallInvoker _invoker;
    private readonly PersonnelClientOptions _options;
    private readonly Metadata? _headers;

    public CallRunner(CallInvoker invoker, PersonnelClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _invoker = invoker;
        _options = options;
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            _headers = new Metadata { { "authorization", "Bearer " + options.ApiKey } };
        }
    }

    /// <summary>Builds a client-side method from the service descriptor, failing at start-up if the proto changed shape.</summary>
    public static Method<TRequest, TResponse> Method<TRequest, TResponse>(ServiceDescriptor service, string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var descriptor = service.FindMethodByName(name)
            ?? throw new InvalidOperationException($"{service.FullName} has no method {name}.");
        if (descriptor.InputType.ClrType != typeof(TRequest) || descriptor.OutputType.ClrType != typeof(TResponse))
        {
            throw new InvalidOperationException(
                $"{service.FullName}/{name} takes {descriptor.InputType.FullName} and returns {descriptor.OutputType.FullName}, not {typeof(TRequest).Name} and {typeof(TResponse).Name}.");
        }

        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.DuplexStreaming,
        };
        return new Method<TRequest, TResponse>(type, service.FullName, name, ProtobufMarshaller<TRequest>.Instance, ProtobufMarshaller<TResponse>.Instance);
    }

    /// <summary>The protobuf marshaller of one message type, made once.</summary>
    private static class ProtobufMarshaller<T>
        where T : class, IMessage<T>, new()
    {
        private static readonly MessageParser<T> Parser = new(() => new T());

        public static readonly Marshaller<T> Instance = Marshallers.Create(m => m.ToByteArray(), Parser.ParseFrom);
    }

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        var idempotent = RequestIds.FillIfEmpty(request) || IsRead(method.Name);
        var retries = idempotent ? _options.MaxRetries : 0;
        var backoff = _options.RetryBackoff;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var call = _invoker.AsyncUnaryCall(method, null, NewCallOptions(cancellationToken), request);
                return await call.ResponseAsync.ConfigureAwait(false);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && attempt < retries && !cancellationToken.IsCancellationRequested)
            {
                // The same message, so the same request_id: the service returns the first answer if the lost
                // attempt was in fact recorded.
                await Task.Delay(backoff, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                backoff *= 2;
            }
            catch (RpcException ex)
            {
                throw PersonnelException.From(ex, method.FullName);
            }
        }
    }

    public async IAsyncEnumerable<TResponse> ServerStreamingAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        TRequest request,
        bool withDeadline,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        using var call = _invoker.AsyncServerStreamingCall(method, null, NewCallOptions(cancellationToken, withDeadline), request);
        while (true)
        {
            bool moved;
            try
            {
                moved = await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException ex)
            {
                throw PersonnelException.From(ex, method.FullName);
            }

            if (!moved)
            {
                yield break;
            }

            yield return call.ResponseStream.Current;
        }
    }

    public async Task<TResponse> ClientStreamingAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        IAsyncEnumerable<TRequest> requests,
        Action<TRequest>? prepare,
        CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(requests);
        using var call = _invoker.AsyncClientStreamingCall(method, null, NewCallOptions(cancellationToken));
        try
        {
            try
            {
                await foreach (var request in requests.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    prepare?.Invoke(request);
                    await call.RequestStream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
                }

                await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            }
            catch (RpcException)
            {
                // A write fails when the server already ended the call; its status (awaited below) says why.
            }

            return await call.ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            throw PersonnelException.From(ex, method.FullName);
        }
    }

    private CallOptions NewCallOptions(CancellationToken cancellationToken, bool withDeadline = true)
    {
        DateTime? deadline = withDeadline && _options.DefaultDeadline is { } timeout
            ? _options.TimeProvider.GetUtcNow().UtcDateTime + timeout
            : null;
        return new CallOptions(headers: _headers, deadline: deadline, cancellationToken: cancellationToken);
    }

    // Reads change nothing, so repeating one is always safe.
    private static bool IsRead(string methodName) =>
        methodName.StartsWith("Get", StringComparison.Ordinal) || methodName.StartsWith("List", StringComparison.Ordinal);
}
