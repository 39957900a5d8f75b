using Personnel.Storage;

namespace Personnel.Grains.Queries;

/// <summary><see cref="IEventFeed"/> over the event store's global order and its change feed.</summary>
internal sealed class EventFeed(IEventStore store) : IEventFeed
{
    public async Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(long afterPosition, int maxCount, CancellationToken cancellationToken)
    {
        var events = await store.ReadAllAsync(afterPosition, maxCount, cancellationToken).ConfigureAwait(false);
        return [.. events.Select(JournalEntry.From)];
    }

    public IDisposable Subscribe(Action onAppended)
    {
        ArgumentNullException.ThrowIfNull(onAppended);
        return store.Changes.Subscribe(_ => onAppended());
    }
}
