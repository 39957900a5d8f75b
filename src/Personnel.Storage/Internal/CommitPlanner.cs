namespace Personnel.Storage.Internal;

/// <summary>
/// Decides every commit of a batch in memory, in arrival order, from the state read under the write lock.
/// Because the lock serialises all writers (every node), deciding here is as safe as a savepoint per
/// commit, and lets the batch be written with a handful of set-based statements: the rows to write are
/// the final state of each key, so a key touched by several commits in one batch is written once.
/// </summary>
internal sealed class CommitPlanner
{
    private readonly BatchState _state;
    private readonly List<(PendingCommit Pending, AppendOutcome? Outcome, Exception? Error)> _results = [];

    public CommitPlanner(BatchState state)
    {
        _state = state;
        LastPosition = state.LastPosition;
    }

    public long LastPosition { get; private set; }

    public List<EventRow> Events { get; } = [];

    public Dictionary<string, long> StreamVersions { get; } = new(StringComparer.Ordinal);

    public List<RequestRow> Requests { get; } = [];

    public Dictionary<QuarterKey, QuarterCounters> Quarters { get; } = [];

    public Dictionary<YearKey, YearCounters> Years { get; } = [];

    public Dictionary<string, EmployeeView> Views { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyList<RotationDuePeriod>> RotationTimelines { get; } = new(StringComparer.Ordinal);

    /// <summary>Final document state per key: null means delete.</summary>
    public Dictionary<DocumentKey, string?> Documents { get; } = [];

    public IReadOnlyList<(PendingCommit Pending, AppendOutcome? Outcome, Exception? Error)> Results => _results;

    public bool HasWrites => Requests.Count > 0;

    public void Plan(IEnumerable<PendingCommit> batch)
    {
        foreach (var pending in batch)
        {
            try
            {
                _results.Add((pending, Decide(pending.Commit), null));
            }
            catch (InvalidOperationException ex)
            {
                _results.Add((pending, null, ex));
            }
        }
    }

    /// <summary>The changes to announce: each appended stream once, at its final version.</summary>
    public IReadOnlyList<StreamChange> Changes()
    {
        var last = new Dictionary<string, (long Version, long Position)>(StringComparer.Ordinal);
        foreach (var e in Events)
        {
            last[e.StreamId] = (e.Version, e.Position);
        }

        return last.Select(kv => new StreamChange(kv.Key, kv.Value.Version, kv.Value.Position)).ToList();
    }

    private AppendOutcome Decide(Commit commit)
    {
        if (_state.Requests.TryGetValue(commit.RequestId, out var first))
        {
            return first.Fingerprint == commit.RequestFingerprint
                ? new Duplicate(commit.RequestId, first.Result)
                : new RequestIdReused(commit.RequestId, first.Fingerprint, commit.RequestFingerprint);
        }

        foreach (var append in commit.Appends)
        {
            var actual = _state.StreamVersions.GetValueOrDefault(append.StreamId);
            if (append.ExpectedVersion != ExpectedVersion.Any && append.ExpectedVersion != actual)
            {
                return new WrongExpectedVersion(append.StreamId, append.ExpectedVersion, actual);
            }
        }

        // Quota checks on scratch copies, so a refused commit leaves the batch state untouched.
        var quarters = new Dictionary<QuarterKey, QuarterCounters>();
        var years = new Dictionary<YearKey, YearCounters>();
        foreach (var write in commit.ReadModelWrites)
        {
            var refusal = ApplyCounter(write, quarters, years);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        // Accepted: from here on nothing can refuse the commit.
        var firstPosition = LastPosition + 1;
        var streams = new List<AppendedStream>(commit.Appends.Count);
        foreach (var append in commit.Appends)
        {
            var version = _state.StreamVersions.GetValueOrDefault(append.StreamId);
            var firstVersion = version + 1;
            foreach (var e in append.Events)
            {
                Events.Add(new EventRow(++LastPosition, append.StreamId, ++version, e, commit.RecordedBy, commit.RequestId));
            }

            _state.StreamVersions[append.StreamId] = version;
            StreamVersions[append.StreamId] = version;
            streams.Add(new AppendedStream(append.StreamId, firstVersion, version));
        }

        foreach (var (key, value) in quarters)
        {
            _state.Quarters[key] = value;
            Quarters[key] = value;
        }

        foreach (var (key, value) in years)
        {
            _state.Years[key] = value;
            Years[key] = value;
        }

        foreach (var write in commit.ReadModelWrites)
        {
            switch (write)
            {
                case UpsertEmployeeView u:
                    Views[u.View.EmployeeId] = u.View;
                    break;
                case ReplaceRotationTimeline r:
                    RotationTimelines[r.EmployeeId] = r.Periods;
                    break;
                case PutDocument d:
                    Documents[new DocumentKey(d.Kind, d.Key)] = d.Json;
                    break;
                case DeleteDocument d:
                    Documents[new DocumentKey(d.Kind, d.Key)] = null;
                    break;
            }
        }

        var hasEvents = LastPosition >= firstPosition;
        var outcome = new Appended(streams, hasEvents ? firstPosition : 0, hasEvents ? LastPosition : 0);
        Requests.Add(new RequestRow(commit.RequestId, commit.RequestFingerprint, commit.Result, outcome.FirstPosition));
        _state.Requests[commit.RequestId] = new StoredRequest(commit.RequestFingerprint, commit.Result);
        return outcome;
    }

    private QuotaExceeded? ApplyCounter(
        ReadModelWrite write,
        Dictionary<QuarterKey, QuarterCounters> quarters,
        Dictionary<YearKey, YearCounters> years)
    {
        switch (write)
        {
            case SetQuarterEligible q:
            {
                var key = new QuarterKey(q.DepartmentId, q.Year, q.Quarter);
                quarters[key] = CurrentQuarter(key, quarters) with { EligibleCount = q.EligibleCount };
                return null;
            }

            case AddQuarterGood q:
            {
                var key = new QuarterKey(q.DepartmentId, q.Year, q.Quarter);
                var current = CurrentQuarter(key, quarters);
                var next = current.GoodCount + q.Delta;
                if (q.Delta > 0 && next > q.Cap)
                {
                    return new QuotaExceeded(q.DepartmentId, q.Year, q.Quarter, q.Cap, current.GoodCount, q.Delta);
                }

                if (next < 0)
                {
                    throw new InvalidOperationException($"Good count of department '{q.DepartmentId}' in {q.Year} Q{q.Quarter} is {current.GoodCount}; subtracting {-q.Delta} would make it negative. Nothing was recorded.");
                }

                quarters[key] = current with { GoodCount = next };
                return null;
            }

            case SetYearQuota y:
            {
                var key = new YearKey(y.DepartmentId, y.Year);
                years[key] = CurrentYear(key, years) with { Tier = y.Tier, EligibleCount = y.EligibleCount };
                return null;
            }

            case AddYearExcellent y:
            {
                var key = new YearKey(y.DepartmentId, y.Year);
                var current = CurrentYear(key, years);
                var next = current.ExcellentCount + y.Delta;
                if (y.Delta > 0 && next > y.Cap)
                {
                    return new QuotaExceeded(y.DepartmentId, y.Year, null, y.Cap, current.ExcellentCount, y.Delta);
                }

                if (next < 0)
                {
                    throw new InvalidOperationException($"Excellent count of department '{y.DepartmentId}' in {y.Year} is {current.ExcellentCount}; subtracting {-y.Delta} would make it negative. Nothing was recorded.");
                }

                years[key] = current with { ExcellentCount = next };
                return null;
            }

            default:
                return null;
        }
    }

    private QuarterCounters CurrentQuarter(QuarterKey key, Dictionary<QuarterKey, QuarterCounters> scratch) =>
        scratch.TryGetValue(key, out var s) ? s
        : _state.Quarters.TryGetValue(key, out var c) ? c
        : new QuarterCounters(0, 0);

    private YearCounters CurrentYear(YearKey key, Dictionary<YearKey, YearCounters> scratch) =>
        scratch.TryGetValue(key, out var s) ? s
        : _state.Years.TryGetValue(key, out var c) ? c
        : new YearCounters(0, 0, 0);
}
