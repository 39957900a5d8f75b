using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Personnel.Storage.Orleans;

namespace Personnel.Storage.Tests;

/// <summary>A real silo in a generic host on a test database's Orleans schema: AdoNet grain storage and reminders,
/// AdoNet clustering on PostgreSQL (localhost clustering on SQLite, as the server runs it), its own ports.</summary>
public sealed class SiloHost : IAsyncDisposable
{
    public const string StorageName = "store";

    private readonly IHost _host;

    private SiloHost(IHost host, int siloPort)
    {
        _host = host;
        SiloPort = siloPort;
    }

    public int SiloPort { get; }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<SiloHost> StartAsync(OrleansDatabaseKind kind, OrleansDatabase database, string clusterId, TickLog ticks)
    {
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(ticks);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId + "-service"));
            if (kind == OrleansDatabaseKind.Postgres)
            {
                silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
                silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (database.Invariant, database.ConnectionString));
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, null, clusterId + "-service", clusterId);
            }

            silo.AddAdoNetGrainStorage(StorageName, o => (o.Invariant, o.ConnectionString) = (database.Invariant, database.ConnectionString));
            silo.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (database.Invariant, database.ConnectionString));
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        return new SiloHost(host, siloPort);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
