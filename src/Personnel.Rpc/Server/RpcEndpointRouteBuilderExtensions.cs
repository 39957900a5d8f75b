using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personnel.Rpc.Server;

namespace Personnel.Rpc;

/// <summary>Maps gRPC services onto endpoint routing.</summary>
public static class RpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every RPC of <paramref name="service"/> to the method of <typeparamref name="TService"/> with the
    /// same name. RPCs the type does not define answer UNIMPLEMENTED; a method whose signature does not fit
    /// its RPC fails here, at start-up.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints, ServiceDescriptor service)
        where TService : class =>
        Map<TService>(endpoints, service, instance: null);

    /// <summary>
    /// Maps every RPC of <paramref name="service"/> as <see cref="MapGrpcService{TService}(IEndpointRouteBuilder, ServiceDescriptor)"/>
    /// does, every call served by <paramref name="instance"/>: for a service that keeps no per-call state (a singleton),
    /// so no call opens a DI scope to find it.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints, ServiceDescriptor service, TService instance)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Map(endpoints, service, instance);
    }

    private static IEndpointConventionBuilder Map<TService>(IEndpointRouteBuilder endpoints, ServiceDescriptor service, TService? instance)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(service);
        var root = endpoints.ServiceProvider;
        var registry = root.GetService<RpcServiceRegistry>()
            ?? throw new InvalidOperationException("Call services.AddPersonnelRpc() before mapping gRPC services.");
        var options = root.GetRequiredService<IOptions<RpcServerOptions>>().Value;
        var logger = root.GetRequiredService<ILoggerFactory>().CreateLogger("Personnel.Rpc.Server");
        var timeProvider = root.GetRequiredService<TimeProvider>();

        registry.Add(service);
        root.GetRequiredService<Health.HealthStatusBoard>().SetStatus(
            service.FullName, Health.V1.HealthCheckResponse.Types.ServingStatus.Serving);
        MapFallback(endpoints, registry, logger);

        var builders = new List<IEndpointConventionBuilder>();
        foreach (var (method, path, handler) in ServiceBinder.Bind(service, root, options, timeProvider, logger, instance))
        {
            builders.Add(endpoints.MapPost(path, new RequestDelegate(handler))
                .WithDisplayName($"gRPC {path}")
                .WithMetadata(method));
        }

        return new CompositeConventionBuilder(builders);
    }

    /// <summary>
    /// Answers UNIMPLEMENTED for any <c>/{service}/{method}</c> that no mapped RPC claims. Literal routes take
    /// precedence over this pattern, so it never hides a mapped endpoint.
    /// </summary>
    private static void MapFallback(IEndpointRouteBuilder endpoints, RpcServiceRegistry registry, ILogger logger)
    {
        if (!registry.TryClaimFallback())
        {
            return;
        }

        endpoints.MapPost("/{unimplementedService}/{unimplementedMethod}", async http =>
        {
            var serviceName = (string)http.Request.RouteValues["unimplementedService"]!;
            var methodName = (string)http.Request.RouteValues["unimplementedMethod"]!;
            var detail = registry.Contains(serviceName)
                ? $"Method {methodName} of service {serviceName} is unimplemented."
                : $"Service {serviceName} is unimplemented.";
            await new UnimplementedMethodHandler(detail, logger).HandleCallAsync(http).ConfigureAwait(false);
        })
        .WithDisplayName("gRPC unimplemented");
    }

    private sealed class CompositeConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finallyConvention);
            }
        }
    }
}
