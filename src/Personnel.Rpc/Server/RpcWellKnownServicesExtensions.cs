using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Personnel.Rpc.Health;
using Personnel.Rpc.Reflection;

namespace Personnel.Rpc;

/// <summary>Maps the standard health and reflection services.</summary>
public static class RpcWellKnownServicesExtensions
{
    /// <summary>
    /// Maps <c>grpc.health.v1.Health</c>. Every mapped service (and the server, under "") reports SERVING,
    /// whenever it was mapped; when the host begins to stop, all report NOT_SERVING so balancers drain the node.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcHealthService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var builder = endpoints.MapGrpcService<HealthService>(Health.V1.HealthReflection.Descriptor.Services[0]);
        var board = endpoints.ServiceProvider.GetRequiredService<HealthStatusBoard>();
        endpoints.ServiceProvider.GetService<IHostApplicationLifetime>()?.ApplicationStopping.Register(board.SetAllNotServing);
        return builder;
    }

    /// <summary>Maps server reflection, <c>grpc.reflection.v1</c> and <c>v1alpha</c>, over every mapped service.</summary>
    public static void MapGrpcReflectionService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcService<ReflectionService>(Reflection.V1.ReflectionReflection.Descriptor.Services[0]);
        endpoints.MapGrpcService<ReflectionServiceV1Alpha>(Reflection.V1Alpha.ReflectionReflection.Descriptor.Services[0]);
    }
}
