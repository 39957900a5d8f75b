using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Personnel.Rpc.Internal;

namespace Personnel.Rpc.Server;

/// <summary>A handler bound to one method of <typeparamref name="TService"/>, with typed messages.</summary>
internal abstract class ServerMethodHandler<TService, TRequest, TResponse> : ServerMethodHandler
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected ServerMethodHandler(HandlerSetup<TService, TRequest> setup)
        : base(setup.MethodPath, setup.Options, setup.TimeProvider, setup.Logger)
    {
        Activator = setup.Activator;
        Parser = setup.Parser;
    }

    protected ServiceActivator<TService> Activator { get; }

    protected MessageParser<TRequest> Parser { get; }

    protected async Task<TRequest> ReadSingleRequestAsync(HttpServerCallContext call)
    {
        var request = await ReadRequestMessageAsync(call, Parser, Options.MaxReceiveMessageSize, call.ReadCancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new Status(
                StatusCode.Internal, "The request stream ended before a message arrived; this method takes exactly one request message."));
        var extra = await ReadRequestMessageAsync(call, Parser, Options.MaxReceiveMessageSize, call.ReadCancellationToken).ConfigureAwait(false);
        if (extra is not null)
        {
            throw new RpcException(new Status(
                StatusCode.Internal, "A second request message arrived; this method takes exactly one request message."));
        }

        return request;
    }

    /// <summary>Reads one request message; a body that dies under the reader means the client has gone.</summary>
    internal static async ValueTask<TRequest?> ReadRequestMessageAsync(
        HttpServerCallContext call, MessageParser<TRequest> parser, int maxSize, CancellationToken cancellationToken)
    {
        try
        {
            return await MessageFraming.ReadMessageAsync(
                call.HttpContext.Request.BodyReader, parser, maxSize, call.RequestEncoding, "request", cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new ClientAbortedException(ex);
        }
    }

    /// <summary>Takes the single request message when the whole body has already arrived.</summary>
    protected bool TryReadRequestNow(HttpServerCallContext call, out TRequest? request)
    {
        try
        {
            return MessageFraming.TryReadCompleteSingleMessage(
                call.HttpContext.Request.BodyReader, Parser, Options.MaxReceiveMessageSize, call.RequestEncoding, "request", out request);
        }
        catch (IOException ex)
        {
            throw new ClientAbortedException(ex);
        }
    }

    protected static TResponse EnsureResponse(TResponse? response, string method) =>
        response ?? throw new InvalidOperationException($"The handler of {method} returned a null response.");
}

/// <summary>What every typed handler needs, gathered once at start-up.</summary>
internal sealed record HandlerSetup<TService, TRequest>(
    string MethodPath,
    ServiceActivator<TService> Activator,
    MessageParser<TRequest> Parser,
    RpcServerOptions Options,
    TimeProvider TimeProvider,
    ILogger Logger)
    where TService : class
    where TRequest : class, IMessage<TRequest>;

internal sealed class UnaryMethodHandler<TService, TRequest, TResponse>(
    HandlerSetup<TService, TRequest> setup, Func<TService, TRequest, ServerCallContext, Task<TResponse>> invoker)
    : ServerMethodHandler<TService, TRequest, TResponse>(setup)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override Task RunAsync(HttpServerCallContext call) =>
        TryReadRequestNow(call, out var request) ? InvokeAsync(call, request!) : ReadThenInvokeAsync(call);

    private async Task ReadThenInvokeAsync(HttpServerCallContext call) =>
        await InvokeAsync(call, await ReadSingleRequestAsync(call).ConfigureAwait(false)).ConfigureAwait(false);

    private Task InvokeAsync(HttpServerCallContext call, TRequest request)
    {
        var service = Activator.Create(call.HttpContext);
        Task<TResponse> pending;
        try
        {
            pending = invoker(service, request, call);
        }
        catch (Exception ex)
        {
            pending = Task.FromException<TResponse>(ex);
        }

        if (!pending.IsCompletedSuccessfully)
        {
            return AwaitResponseAsync(call, service, pending);
        }

        // A handler that answered synchronously: write the response without an async state machine.
        var release = Activator.ReleaseAsync(service);
        call.WriteMessage(EnsureResponse(pending.Result, MethodPath));
        return release.IsCompletedSuccessfully ? Task.CompletedTask : release.AsTask();
    }

    private async Task AwaitResponseAsync(HttpServerCallContext call, TService service, Task<TResponse> pending)
    {
        try
        {
            var response = await pending.ConfigureAwait(false);
            call.WriteMessage(EnsureResponse(response, MethodPath));
        }
        finally
        {
            await Activator.ReleaseAsync(service).ConfigureAwait(false);
        }
    }
}

internal sealed class ServerStreamingMethodHandler<TService, TRequest, TResponse>(
    HandlerSetup<TService, TRequest> setup, Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker)
    : ServerMethodHandler<TService, TRequest, TResponse>(setup)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task RunAsync(HttpServerCallContext call)
    {
        var request = await ReadSingleRequestAsync(call).ConfigureAwait(false);
        var service = Activator.Create(call.HttpContext);
        try
        {
            await invoker(service, request, new HttpResponseStreamWriter<TResponse>(call), call).ConfigureAwait(false);
        }
        finally
        {
            await Activator.ReleaseAsync(service).ConfigureAwait(false);
        }
    }
}

internal sealed class ClientStreamingMethodHandler<TService, TRequest, TResponse>(
    HandlerSetup<TService, TRequest> setup, Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> invoker)
    : ServerMethodHandler<TService, TRequest, TResponse>(setup)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task RunAsync(HttpServerCallContext call)
    {
        var service = Activator.Create(call.HttpContext);
        try
        {
            var reader = new HttpRequestStreamReader<TRequest>(call, Parser, Options.MaxReceiveMessageSize);
            var response = await invoker(service, reader, call).ConfigureAwait(false);
            call.WriteMessage(EnsureResponse(response, MethodPath));
        }
        finally
        {
            await Activator.ReleaseAsync(service).ConfigureAwait(false);
        }
    }
}

internal sealed class DuplexStreamingMethodHandler<TService, TRequest, TResponse>(
    HandlerSetup<TService, TRequest> setup,
    Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker)
    : ServerMethodHandler<TService, TRequest, TResponse>(setup)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task RunAsync(HttpServerCallContext call)
    {
        var service = Activator.Create(call.HttpContext);
        try
        {
            var reader = new HttpRequestStreamReader<TRequest>(call, Parser, Options.MaxReceiveMessageSize);
            await invoker(service, reader, new HttpResponseStreamWriter<TResponse>(call), call).ConfigureAwait(false);
        }
        finally
        {
            await Activator.ReleaseAsync(service).ConfigureAwait(false);
        }
    }
}

/// <summary>The request messages of a streaming call, read as the handler asks for them.</summary>
internal sealed class HttpRequestStreamReader<T>(HttpServerCallContext call, MessageParser<T> parser, int maxSize) : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private T? _current;

    public T Current => _current ?? throw new InvalidOperationException("No message has been read; call MoveNext first.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.CancellationToken)
            : null;
        try
        {
            _current = await MessageFraming.ReadMessageAsync(
                call.HttpContext.Request.BodyReader, parser, maxSize, call.RequestEncoding, "request", linked?.Token ?? call.ReadCancellationToken)
                .ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new ClientAbortedException(ex);
        }

        return _current is not null;
    }
}

/// <summary>The response messages of a streaming call; each write is flushed to the client.</summary>
internal sealed class HttpResponseStreamWriter<T>(HttpServerCallContext call) : IServerStreamWriter<T>
    where T : class, IMessage<T>
{
    public Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return call.WriteStreamMessageAsync(message, cancellationToken);
    }
}
