using Personnel.Rpc.Health.V1;

namespace Personnel.Rpc.Health;

/// <summary>The standard <c>grpc.health.v1.Health</c> service over a <see cref="HealthStatusBoard"/>.</summary>
internal sealed class HealthService(HealthStatusBoard board)
{
    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        if (!board.TryGetStatus(request.Service, out var status))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Service '{request.Service}' is not known to the health service."));
        }

        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    public Task<HealthListResponse> List(HealthListRequest request, ServerCallContext context)
    {
        var response = new HealthListResponse();
        foreach (var (service, status) in board.Snapshot())
        {
            response.Statuses.Add(service, new HealthCheckResponse { Status = status });
        }

        return Task.FromResult(response);
    }

    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        // Watching ends only when the client leaves or the deadline passes (the token is cancelled).
        using var subscription = board.Watch(request.Service, out var updates);
        await foreach (var status in updates.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
