using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Client;

/// <summary>The typed client of <c>personnel.v1.RotationService</c>: one method per RPC. Refusals throw <see cref="PersonnelException"/>.</summary>
public sealed class RotationServiceClient
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service =
        RotationReflection.Descriptor.Services.Single(s => s.Name == "RotationService");

    private static readonly Method<ListRotationDueRequest, ListRotationDueResponse> ListRotationDueMethod = CallRunner.Method<ListRotationDueRequest, ListRotationDueResponse>(Service, "ListRotationDue");

    private readonly CallRunner _runner;

    /// <summary>Creates the client over <paramref name="invoker"/> (e.g. a channel's), with <paramref name="options"/>' key, deadline and retries.</summary>
    public RotationServiceClient(CallInvoker invoker, PersonnelClientOptions options)
        : this(new CallRunner(invoker, options))
    {
    }

    internal RotationServiceClient(CallRunner runner)
    {
        _runner = runner;
    }

    /// <summary>Calls <c>ListRotationDue</c>.</summary>
    public Task<ListRotationDueResponse> ListRotationDueAsync(ListRotationDueRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(ListRotationDueMethod, request, cancellationToken);
}
