namespace Personnel.Grains.Queries;

/// <summary>The recorded events of every stream in commit order, for downstream systems (<c>WatchEvents</c>).</summary>
public interface IEventFeed
{
    /// <summary>Up to <paramref name="maxCount"/> events after <paramref name="afterPosition"/>, in position order.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(long afterPosition, int maxCount, CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="onAppended"/> after every append from now on (on this node or another). The handler runs
    /// on the feed's thread: keep it short, never block. Dispose the result to stop.</summary>
    IDisposable Subscribe(Action onAppended);
}
