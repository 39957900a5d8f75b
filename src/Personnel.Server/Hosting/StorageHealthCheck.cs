using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Personnel.Server.Hosting;

/// <summary>The health of the one thing the service cannot answer without: its store, open and migrated. The gRPC health
/// service (grpc.health.v1.Health) answers NOT_SERVING until it is, SERVING after.</summary>
internal sealed class StorageHealthCheck(StoreHolder store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.IsOpen
            ? HealthCheckResult.Healthy("The store is open.")
            : HealthCheckResult.Unhealthy("The store is not open yet."));
}
