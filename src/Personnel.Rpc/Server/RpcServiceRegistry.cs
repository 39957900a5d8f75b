using Google.Protobuf.Reflection;

namespace Personnel.Rpc.Server;

/// <summary>The services mapped on this server: reflection lists them, the fallback route tells unknown services from unknown methods.</summary>
public sealed class RpcServiceRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ServiceDescriptor> _services = new(StringComparer.Ordinal);
    private bool _fallbackClaimed;

    /// <summary>Gets the mapped services, by full name.</summary>
    public IReadOnlyCollection<ServiceDescriptor> Services
    {
        get
        {
            lock (_gate)
            {
                return [.. _services.Values];
            }
        }
    }

    public bool Contains(string serviceFullName)
    {
        lock (_gate)
        {
            return _services.ContainsKey(serviceFullName);
        }
    }

    /// <summary>True the first time only: the UNIMPLEMENTED fallback route is mapped once per server.</summary>
    internal bool TryClaimFallback()
    {
        lock (_gate)
        {
            var first = !_fallbackClaimed;
            _fallbackClaimed = true;
            return first;
        }
    }

    internal void Add(ServiceDescriptor service)
    {
        lock (_gate)
        {
            if (!_services.TryAdd(service.FullName, service))
            {
                throw new InvalidOperationException($"Service {service.FullName} is already mapped; map each service once.");
            }
        }
    }
}
