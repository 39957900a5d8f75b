using System.Net;
using System.Net.Sockets;

namespace Personnel.Cluster.Tests.Harness;

/// <summary>The loopback ports of one node: gRPC (<c>--urls</c>), and Orleans' silo-to-silo and client gateway ports
/// (<c>--Cluster:SiloPort</c>, <c>--Cluster:GatewayPort</c>).</summary>
internal sealed record NodePorts(int Grpc, int Silo, int Gateway)
{
    /// <summary>Three ports free now. Each is bound and held until all three are chosen, so they differ; another process
    /// may still take one before the node binds it, which fails that node's start loudly.</summary>
    public static NodePorts Free()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
            return new NodePorts(ports[0], ports[1], ports[2]);
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
