using Personnel.Storage;

namespace Personnel.Grains.Tests.Integration;

/// <summary>
/// A store that forwards everything and watches the appends to one stream: how many were in flight at
/// once (one grain's turns never overlap, so never more than one) and how many conflicted. It can also lose the
/// answer of the next append to that stream after storage committed it, as a dropped connection would.
/// </summary>
internal sealed class ProbeStore(IEventStore inner, string watchedStream) : IEventStore
{
    private int _inFlight;
    private int _maxInFlight;
    private int _conflicts;
    private int _requestLookups;
    private int _loseNextOutcome;
    private readonly System.Collections.Concurrent.ConcurrentQueue<Commit> _commits = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<long> _reads = new();
    private long _hideFrom = long.MaxValue;

    /// <summary>The versions the reads of the watched stream started from, in order.</summary>
    public IReadOnlyCollection<long> StreamReads => _reads;

    /// <summary>Forgets the reads seen so far.</summary>
    public void ClearReads() => _reads.Clear();

    /// <summary>Reads of the watched stream end before <paramref name="version"/>, as a store restored from an older backup would.</summary>
    public void HideFrom(long version) => Volatile.Write(ref _hideFrom, version);

    /// <summary>The commits that appended to the watched stream, in the order they were sent.</summary>
    public IReadOnlyCollection<Commit> Commits => _commits;

    public int RequestLookups => Volatile.Read(ref _requestLookups);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Conflicts => Volatile.Read(ref _conflicts);

    /// <summary>The next append to the watched stream is committed, and then the caller gets an IOException.</summary>
    public void LoseNextOutcome() => Volatile.Write(ref _loseNextOutcome, 1);

    public string NodeId => inner.NodeId;

    public IReadModelQueries ReadModels => inner.ReadModels;

    public IStreamChangeFeed Changes => inner.Changes;

    public async Task<AppendOutcome> AppendAsync(Commit commit, CancellationToken cancellationToken = default)
    {
        var watched = commit.Appends.Any(a => a.StreamId == watchedStream);
        if (watched)
        {
            _commits.Enqueue(commit);
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _maxInFlight, now);
        }

        try
        {
            // Yield first so that an overlapping turn, if the runtime allowed one, would be caught in flight.
            await Task.Yield();
            var outcome = await inner.AppendAsync(commit, cancellationToken);
            if (watched && outcome is WrongExpectedVersion)
            {
                Interlocked.Increment(ref _conflicts);
            }

            if (watched && Interlocked.Exchange(ref _loseNextOutcome, 0) == 1)
            {
                throw new IOException($"the connection dropped after the commit of {watchedStream} ({outcome.GetType().Name})");
            }

            return outcome;
        }
        finally
        {
            if (watched)
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken cancellationToken = default)
    {
        var events = await inner.ReadStreamAsync(streamId, fromVersion, cancellationToken);
        if (streamId != watchedStream)
        {
            return events;
        }

        _reads.Enqueue(fromVersion);
        var hideFrom = Volatile.Read(ref _hideFrom);
        return events.Any(e => e.Version >= hideFrom) ? events.Where(e => e.Version < hideFrom).ToList() : events;
    }

    public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.GetStreamVersionAsync(streamId, cancellationToken);

    public Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadAllAsync(afterPosition, maxCount, cancellationToken);

    public Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default) => inner.GetLastPositionAsync(cancellationToken);

    public Task<RecordedRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _requestLookups);
        return inner.GetRequestAsync(requestId, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
