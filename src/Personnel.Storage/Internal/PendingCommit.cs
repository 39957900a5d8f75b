namespace Personnel.Storage.Internal;

/// <summary>A caller's commit waiting for its batch; completed exactly once.</summary>
internal sealed class PendingCommit(Commit commit, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<AppendOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Commit Commit { get; } = commit;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<AppendOutcome> Task => _completion.Task;

    public void Complete(AppendOutcome outcome) => _completion.TrySetResult(outcome);

    public void Fail(Exception exception) => _completion.TrySetException(exception);

    public void Cancel() => _completion.TrySetCanceled(CancellationToken);
}

internal readonly record struct QuarterKey(string DepartmentId, int Year, int Quarter);

internal readonly record struct YearKey(string DepartmentId, int Year);

internal readonly record struct DocumentKey(string Kind, string Key);

internal sealed record QuarterCounters(int EligibleCount, int GoodCount);

internal sealed record YearCounters(int Tier, int EligibleCount, int ExcellentCount);

internal sealed record StoredRequest(string Fingerprint, string Result);

/// <summary>The keys a batch touches: what its transaction must read before deciding.</summary>
internal sealed class BatchKeys
{
    public BatchKeys(IReadOnlyList<PendingCommit> batch)
    {
        foreach (var pending in batch)
        {
            var c = pending.Commit;
            RequestIds.Add(c.RequestId);
            foreach (var a in c.Appends)
            {
                StreamIds.Add(a.StreamId);
            }

            foreach (var w in c.ReadModelWrites)
            {
                switch (w)
                {
                    case SetQuarterEligible q:
                        Quarters.Add(new QuarterKey(q.DepartmentId, q.Year, q.Quarter));
                        break;
                    case AddQuarterGood q:
                        Quarters.Add(new QuarterKey(q.DepartmentId, q.Year, q.Quarter));
                        break;
                    case SetYearQuota y:
                        Years.Add(new YearKey(y.DepartmentId, y.Year));
                        break;
                    case AddYearExcellent y:
                        Years.Add(new YearKey(y.DepartmentId, y.Year));
                        break;
                }
            }
        }
    }

    public HashSet<string> RequestIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> StreamIds { get; } = new(StringComparer.Ordinal);

    public HashSet<QuarterKey> Quarters { get; } = [];

    public HashSet<YearKey> Years { get; } = [];
}

/// <summary>The database state a batch depends on, read inside its transaction (under the write lock).</summary>
internal sealed class BatchState
{
    public long LastPosition { get; set; }

    public Dictionary<string, long> StreamVersions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredRequest> Requests { get; } = new(StringComparer.Ordinal);

    public Dictionary<QuarterKey, QuarterCounters> Quarters { get; } = [];

    public Dictionary<YearKey, YearCounters> Years { get; } = [];
}

internal sealed record EventRow(long Position, string StreamId, long Version, NewEvent Event, string RecordedBy, string RequestId);

internal sealed record RequestRow(string RequestId, string Fingerprint, string Result, long FirstPosition);
