namespace Personnel.Storage.CrashWriter;

/// <summary>Forwards to a store and reports every append refused for a stale expected version, so a node
/// can show its conflicts surfacing as retries.</summary>
internal sealed class ConflictReportingStore(IEventStore inner, Action<string> onConflict) : IEventStore
{
    public string NodeId => inner.NodeId;

    public IReadModelQueries ReadModels => inner.ReadModels;

    public IStreamChangeFeed Changes => inner.Changes;

    public async Task<AppendOutcome> AppendAsync(Commit commit, CancellationToken cancellationToken = default)
    {
        var outcome = await inner.AppendAsync(commit, cancellationToken).ConfigureAwait(false);
        if (outcome is WrongExpectedVersion conflict)
        {
            onConflict(conflict.StreamId);
        }

        return outcome;
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(streamId, fromVersion, cancellationToken);

    public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.GetStreamVersionAsync(streamId, cancellationToken);

    public Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadAllAsync(afterPosition, maxCount, cancellationToken);

    public Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default) => inner.GetLastPositionAsync(cancellationToken);

    public Task<RecordedRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken = default) =>
        inner.GetRequestAsync(requestId, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
