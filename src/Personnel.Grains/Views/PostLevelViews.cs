using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Personnel.Grains.Abstractions;

namespace Personnel.Grains.Views;

/// <summary>
/// This silo's view of published post levels, answering <c>GetPostLevel</c> without a grain call. Two kinds of entry:
/// one published by a live activation on this silo is the committed state itself (every write of that employee goes
/// through that activation, which publishes before it answers), so it is used for as long as the activation lives; one
/// fetched from an activation elsewhere is used for at most <see cref="MaxAge"/>, then fetched again — which bounds how
/// stale a read on this silo can be after a write through another (docs/operations.md, "Reads across nodes").
/// </summary>
public sealed class PostLevelViews(TimeProvider timeProvider, TimeSpan maxAge)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Gets how long an entry fetched from another silo is used before it is fetched again.</summary>
    public TimeSpan MaxAge { get; } = maxAge;

    /// <summary>Gets how many entries the view holds.</summary>
    public int Count => _entries.Count;

    /// <summary>Publishes <paramref name="view"/>: <paramref name="owned"/> when a live activation on this silo publishes
    /// its committed state; otherwise a copy fetched from elsewhere, which never replaces a newer or an owned entry.</summary>
    public void Publish(PostLevelView view, bool owned)
    {
        ArgumentNullException.ThrowIfNull(view);
        var entry = new Entry(view, owned, timeProvider.GetTimestamp());
        _entries.AddOrUpdate(view.EmployeeId, entry, (_, current) =>
            owned || (!current.Owned && current.View.Version <= view.Version) || !IsFresh(current) ? entry : current);
    }

    /// <summary>The activation on this silo is going: its entry ages from now like a fetched one.</summary>
    public void Release(string employeeId)
    {
        if (_entries.TryGetValue(employeeId, out var current) && current.Owned)
        {
            _entries.TryUpdate(employeeId, current with { Owned = false, Since = timeProvider.GetTimestamp() }, current);
        }
    }

    /// <summary>Forgets the entry: the committed state is unknown (a write whose fate is unknown), so the next read fetches it.</summary>
    public void Withdraw(string employeeId) => _entries.TryRemove(employeeId, out _);

    /// <summary>A write through this node was acknowledged: an entry fetched from another silo goes (the next read fetches
    /// the new state); an entry a live activation here published is that write's state already and stays.</summary>
    public void Changed(string employeeId)
    {
        if (_entries.TryGetValue(employeeId, out var current) && !current.Owned)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(employeeId, current));
        }
    }

    /// <summary>The entry for <paramref name="employeeId"/> when it may be used now.</summary>
    public bool TryGet(string employeeId, [NotNullWhen(true)] out PostLevelView? view)
    {
        if (_entries.TryGetValue(employeeId, out var entry) && IsFresh(entry))
        {
            view = entry.View;
            return true;
        }

        view = null;
        return false;
    }

    private bool IsFresh(Entry entry) => entry.Owned || timeProvider.GetElapsedTime(entry.Since) <= MaxAge;

    private sealed record Entry(PostLevelView View, bool Owned, long Since);
}

/// <summary>Answers the post-level question from this silo's <see cref="PostLevelViews"/>, fetching the employee's view from
/// its grain when the entry is missing or too old.</summary>
public sealed class PostLevelReader(IGrainFactory grains, PostLevelViews views)
{
    private long _fetches;

    /// <summary>Gets how many reads had to fetch the view from the employee's grain (the others cost no grain call).</summary>
    public long Fetches => Interlocked.Read(ref _fetches);

    /// <summary>The post level of <paramref name="employeeId"/> on <paramref name="asOf"/>; NOT_FOUND (a rule refusal) when
    /// the employee is not appointed or held no post that day.</summary>
    public async ValueTask<PostLevelAnswer> AnswerAsync(string employeeId, DateOnly asOf, CancellationToken cancellationToken)
    {
        if (!views.TryGet(employeeId, out var view))
        {
            Interlocked.Increment(ref _fetches);
            view = await grains.GetGrain<IEmployeeGrain>(employeeId).GetPostLevelViewAsync(cancellationToken).ConfigureAwait(false);
            views.Publish(view, owned: false);
        }

        return view.Answer(asOf);
    }

    /// <summary>A write through this node changed the employee: the next read here fetches it.</summary>
    public void Changed(string employeeId) => views.Changed(employeeId);
}
