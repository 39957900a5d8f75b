using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Personnel.Rpc.Health;
using Personnel.Rpc.Server;

namespace Personnel.Rpc;

/// <summary>Registers the gRPC server layer.</summary>
public static class RpcServiceCollectionExtensions
{
    /// <summary>Adds the gRPC server layer, the health service's state, and the registry reflection reads.</summary>
    public static IServiceCollection AddPersonnelRpc(this IServiceCollection services, Action<RpcServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RpcServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RpcServiceRegistry>();
        services.TryAddSingleton<HealthStatusBoard>();
        services.TryAddSingleton<Reflection.ReflectionIndex>();
        return services;
    }
}
