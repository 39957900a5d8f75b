using System.Threading.Channels;
using Personnel.Rpc.Health.V1;

namespace Personnel.Rpc.Health;

/// <summary>
/// The serving status of each service, as <c>grpc.health.v1.Health</c> reports it. The empty name is the
/// server as a whole. Mapped services start SERVING; everything turns NOT_SERVING when shutdown begins.
/// </summary>
public sealed class HealthStatusBoard
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HealthCheckResponse.Types.ServingStatus> _statuses = new(StringComparer.Ordinal)
    {
        [string.Empty] = HealthCheckResponse.Types.ServingStatus.Serving,
    };

    private readonly List<(string Service, Channel<HealthCheckResponse.Types.ServingStatus> Channel)> _watchers = [];

    /// <summary>Sets a service's status and tells its watchers.</summary>
    public void SetStatus(string service, HealthCheckResponse.Types.ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_gate)
        {
            _statuses[service] = status;
            Notify(service, status);
        }
    }

    /// <summary>Forgets a service: checks answer NOT_FOUND, watchers see SERVICE_UNKNOWN.</summary>
    public void ClearStatus(string service)
    {
        lock (_gate)
        {
            if (_statuses.Remove(service))
            {
                Notify(service, HealthCheckResponse.Types.ServingStatus.ServiceUnknown);
            }
        }
    }

    /// <summary>Sets every known service NOT_SERVING (graceful shutdown).</summary>
    public void SetAllNotServing()
    {
        lock (_gate)
        {
            foreach (var service in _statuses.Keys.ToList())
            {
                _statuses[service] = HealthCheckResponse.Types.ServingStatus.NotServing;
                Notify(service, HealthCheckResponse.Types.ServingStatus.NotServing);
            }
        }
    }

    public bool TryGetStatus(string service, out HealthCheckResponse.Types.ServingStatus status)
    {
        lock (_gate)
        {
            return _statuses.TryGetValue(service, out status);
        }
    }

    public IReadOnlyDictionary<string, HealthCheckResponse.Types.ServingStatus> Snapshot()
    {
        lock (_gate)
        {
            return new Dictionary<string, HealthCheckResponse.Types.ServingStatus>(_statuses, StringComparer.Ordinal);
        }
    }

    /// <summary>Watches a service: the channel holds its current status, then each change (only the latest if the reader lags).</summary>
    internal IDisposable Watch(string service, out ChannelReader<HealthCheckResponse.Types.ServingStatus> updates)
    {
        var channel = Channel.CreateBounded<HealthCheckResponse.Types.ServingStatus>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            channel.Writer.TryWrite(_statuses.TryGetValue(service, out var current)
                ? current
                : HealthCheckResponse.Types.ServingStatus.ServiceUnknown);
            _watchers.Add((service, channel));
        }

        updates = channel.Reader;
        return new Subscription(this, channel);
    }

    private void Notify(string service, HealthCheckResponse.Types.ServingStatus status)
    {
        foreach (var (watched, channel) in _watchers)
        {
            if (watched == service)
            {
                channel.Writer.TryWrite(status);
            }
        }
    }

    private sealed class Subscription(HealthStatusBoard board, Channel<HealthCheckResponse.Types.ServingStatus> channel) : IDisposable
    {
        public void Dispose()
        {
            lock (board._gate)
            {
                board._watchers.RemoveAll(w => ReferenceEquals(w.Channel, channel));
            }
        }
    }
}
