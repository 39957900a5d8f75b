using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using Personnel.Grains;

namespace Personnel.Server.Hosting;

/// <summary>How this process joins the Orleans cluster (configuration section <c>Cluster</c>).</summary>
public sealed class ClusterSettings
{
    /// <summary>Gets or sets the port silos talk to each other on (default 11111; 0 picks a free one, for tests).</summary>
    public int SiloPort { get; set; } = EndpointOptions.DEFAULT_SILO_PORT;

    /// <summary>Gets or sets the port Orleans clients would connect to (default 30000; 0 picks a free one).</summary>
    public int GatewayPort { get; set; } = EndpointOptions.DEFAULT_GATEWAY_PORT;

    /// <summary>Gets or sets the address other silos reach this one on (default 127.0.0.1 with SQLite, else this host's
    /// first address that is not a loopback one).</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Gets or sets the cluster's id: every process of one deployment names the same one.</summary>
    public string ClusterId { get; set; } = "personnel";

    /// <summary>Gets or sets the service's id: stable across deployments (reminders and grain state are keyed by it).</summary>
    public string ServiceId { get; set; } = "personnel";

    /// <summary>Gets or sets how long a silo waits for a probe's answer (failure detection; production: 5 s).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how many missed probes make a silo suspect a peer (production: 3).</summary>
    public int NumMissedProbesLimit { get; set; } = 3;

    /// <summary>Gets or sets how long a vote that a silo is dead counts (production: 2 min).</summary>
    public TimeSpan DeathVoteExpirationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets how often each silo re-reads the membership table (production: 1 min).</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Hosts the Orleans silo in the server's process: clustering and reminders by the storage provider, the
/// membership timing, the endpoints and the personnel grains.</summary>
internal static class Silo
{
    /// <summary>Adds the silo to <paramref name="builder"/>'s host.</summary>
    public static void Configure(WebApplicationBuilder builder, StorageOptions storage, Storage.Orleans.OrleansDatabase database)
    {
        var cluster = builder.Configuration.GetSection("Cluster").Get<ClusterSettings>() ?? new ClusterSettings();
        var grains = builder.Configuration.GetSection("Grains").Get<PersonnelGrainOptions>() ?? new PersonnelGrainOptions();
        var postgres = StorageFactory.IsPostgres(storage);
        var siloPort = PortOrFree(cluster.SiloPort);
        var gatewayPort = PortOrFree(cluster.GatewayPort);
        builder.UseOrleans(silo =>
        {
            OrleansStorage.Use(silo, database, postgres, siloPort, gatewayPort);

            // After the clustering provider, whose localhost variant sets its own ids and ports: these are the ones used.
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            var address = cluster.AdvertisedAddress is { Length: > 0 } named
                ? IPAddress.Parse(named)
                : postgres ? FirstHostAddress() : IPAddress.Loopback;
            silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: false);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = cluster.ProbeTimeout;
                o.NumMissedProbesLimit = cluster.NumMissedProbesLimit;
                o.DeathVoteExpirationTimeout = cluster.DeathVoteExpirationTimeout;
                o.TableRefreshTimeout = cluster.TableRefreshTimeout;
            });
            silo.AddPersonnelGrains(grains);
        });
    }

    private static int PortOrFree(int port)
    {
        if (port != 0)
        {
            return port;
        }

        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static IPAddress FirstHostAddress() =>
        Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? IPAddress.Loopback;
}
