using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Client;

/// <summary>The typed client of <c>personnel.v1.EventService</c>: one method per RPC. Refusals throw <see cref="PersonnelException"/>.</summary>
public sealed class EventServiceClient
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service =
        EventsReflection.Descriptor.Services.Single(s => s.Name == "EventService");

    private static readonly Method<WatchEventsRequest, WatchEventsResponse> WatchEventsMethod = CallRunner.Method<WatchEventsRequest, WatchEventsResponse>(Service, "WatchEvents");

    private readonly CallRunner _runner;

    /// <summary>Creates the client over <paramref name="invoker"/> (e.g. a channel's), with <paramref name="options"/>' key, deadline and retries.</summary>
    public EventServiceClient(CallInvoker invoker, PersonnelClientOptions options)
        : this(new CallRunner(invoker, options))
    {
    }

    internal EventServiceClient(CallRunner runner)
    {
        _runner = runner;
    }

    /// <summary>Calls <c>WatchEvents</c>. Streams recorded events from a position, then new ones as they are recorded, until the caller cancels. Resume after a disconnect with the last position seen. The stream has no deadline: it ends when the caller cancels.</summary>
    public IAsyncEnumerable<WatchEventsResponse> WatchEventsAsync(WatchEventsRequest request, CancellationToken cancellationToken = default) =>
        _runner.ServerStreamingAsync(WatchEventsMethod, request, withDeadline: false, cancellationToken);
}
