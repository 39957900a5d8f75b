using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Personnel.Server.Hosting;

namespace Personnel.Server.Tests;

/// <summary>The health service's one check: NOT_SERVING (unhealthy) until the store is open and migrated, SERVING after.</summary>
public sealed class StorageHealthCheckTests
{
    [Fact]
    public async Task The_store_not_yet_open_is_unhealthy()
    {
        var check = new StorageHealthCheck(new StoreHolder());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task A_running_server_reports_healthy_storage()
    {
        var server = new ServerFixture();
        await server.InitializeAsync();
        try
        {
            var check = new StorageHealthCheck(server.Services.GetRequiredService<StoreHolder>());

            Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
