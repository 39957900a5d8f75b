using Microsoft.Extensions.Logging;

namespace Personnel.Storage.Internal;

/// <summary>Fans stream changes out to subscribers; a failing subscriber never stops the others.</summary>
internal sealed class ChangeFeedHub(ILogger logger) : IStreamChangeFeed
{
    private readonly object _gate = new();
    private Action<StreamChange>[] _subscribers = [];

    public IDisposable Subscribe(Action<StreamChange> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, onChange];
        }

        return new Subscription(this, onChange);
    }

    public void Publish(IReadOnlyList<StreamChange> changes)
    {
        var subscribers = Volatile.Read(ref _subscribers);
        if (subscribers.Length == 0)
        {
            return;
        }

        foreach (var change in changes)
        {
            foreach (var subscriber in subscribers)
            {
                try
                {
                    subscriber(change);
                }
                catch (Exception ex)
                {
                    StorageLog.SubscriberFailed(logger, change.StreamId, ex);
                }
            }
        }
    }

    private void Unsubscribe(Action<StreamChange> onChange)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Where(s => s != onChange).ToArray();
        }
    }

    private sealed class Subscription(ChangeFeedHub hub, Action<StreamChange> onChange) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                hub.Unsubscribe(onChange);
            }
        }
    }
}
