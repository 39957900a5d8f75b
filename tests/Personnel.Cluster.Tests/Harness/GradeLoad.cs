using System.Collections.Concurrent;
using System.Globalization;
using Personnel.Api.V1;
using Personnel.Client;

namespace Personnel.Cluster.Tests.Harness;

/// <summary>
/// HR clerks recording quarterly grades through every node of a cluster: one grade per (employee, quarter), quarter by
/// quarter, the writes of the i-th member of staff first sent to node i mod n and, when their outcome is unknown, on to
/// the next nodes with the same request id (<see cref="RoundRobin"/>). When
/// <c>competeForGood</c>, each grade is first asked as Good, and a Good refused for the department's quota
/// (AS 第八条) is recorded as FairlyGood under a request id of its own; otherwise every grade is Average.
/// </summary>
internal sealed class GradeLoad(ServerCluster cluster, IReadOnlyList<string> staff, IReadOnlyList<(int Year, int Quarter)> quarters, bool competeForGood)
{
    /// <summary>The refusal of a Good past the department's quota.</summary>
    public const string QuotaExceeded = "GOOD_QUOTA_EXCEEDED";

    private readonly ConcurrentQueue<AcknowledgedGrade> _acknowledged = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentQueue<double> _latencies = new();
    private readonly Lock _milestoneLock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _milestones = [];
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private int _completed;
    private int _quotaRefusals;
    private int _unknownOutcomes;

    /// <summary>Gets the number of (employee, quarter) grades the load records.</summary>
    public int Total => staff.Count * quarters.Count;

    /// <summary>Gets every write a node acknowledged, with the grade its answer carried.</summary>
    public IReadOnlyCollection<AcknowledgedGrade> Acknowledged => _acknowledged;

    /// <summary>Gets the writes refused for a reason other than the Good quota, or given up: each a line saying why.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    /// <summary>Gets the Goods refused for the department's quota.</summary>
    public int QuotaRefusals => Volatile.Read(ref _quotaRefusals);

    /// <summary>Gets the calls whose outcome was unknown and which were sent again with the same request id.</summary>
    public int UnknownOutcomes => Volatile.Read(ref _unknownOutcomes);

    /// <summary>Gets the latency of each acknowledged call, in milliseconds (the attempt that was answered).</summary>
    public IReadOnlyCollection<double> Latencies => _latencies;

    /// <summary>Completes once <paramref name="count"/> (employee, quarter) grades are settled.</summary>
    public Task Reached(int count)
    {
        lock (_milestoneLock)
        {
            if (_completed >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _milestones.Add((count, reached));
            return reached.Task;
        }
    }

    /// <summary>Records every grade with <paramref name="writers"/> concurrent callers.</summary>
    public Task RunAsync(int writers, CancellationToken cancellationToken)
    {
        var slots = quarters.SelectMany(q => Enumerable.Range(0, staff.Count).Select(e => (Employee: e, Quarter: q)));
        return Parallel.ForEachAsync(slots, new ParallelOptions { MaxDegreeOfParallelism = writers, CancellationToken = cancellationToken }, async (slot, ct) =>
        {
            await RecordAsync(slot.Employee, slot.Quarter, ct).ConfigureAwait(false);
            Settled();
        });
    }

    private async Task RecordAsync(int employee, (int Year, int Quarter) quarter, CancellationToken cancellationToken)
    {
        if (competeForGood && await SendAsync(employee, Request(employee, quarter, QuarterlyGrade.Good), cancellationToken).ConfigureAwait(false) != Outcome.QuotaRefused)
        {
            return;
        }

        var grade = competeForGood ? QuarterlyGrade.FairlyGood : QuarterlyGrade.Average;
        if (await SendAsync(employee, Request(employee, quarter, grade), cancellationToken).ConfigureAwait(false) == Outcome.QuotaRefused)
        {
            _failures.Enqueue($"{staff[employee]} {quarter.Year}Q{quarter.Quarter} {grade}: refused for the Good quota");
        }
    }

    private async Task<Outcome> SendAsync(int employee, RecordQuarterlyGradeRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var answered = await RoundRobin.CallAsync(cluster, employee, (client, ct) => client.Grading.RecordQuarterlyGradeAsync(request, ct),
                () => Interlocked.Increment(ref _unknownOutcomes), cancellationToken).ConfigureAwait(false);
            _latencies.Enqueue(answered.Latency.TotalMilliseconds);
            _acknowledged.Enqueue(new AcknowledgedGrade(
                request.EmployeeId, request.Year, request.Quarter, answered.Response.Record.Grade, request.Grade, request.RequestId, answered.Node, answered.Attempt));
            return Outcome.Recorded;
        }
        catch (PersonnelException e) when (e.Reason == QuotaExceeded)
        {
            Interlocked.Increment(ref _quotaRefusals);
            return Outcome.QuotaRefused;
        }
        catch (Exception e) when (e is PersonnelException or TimeoutException)
        {
            _failures.Enqueue($"{request.EmployeeId} {request.Year}Q{request.Quarter} {request.Grade}: {(e as PersonnelException)?.StatusCode} {(e as PersonnelException)?.Reason} {e.Message}");
            return Outcome.Failed;
        }
    }

    private RecordQuarterlyGradeRequest Request(int employee, (int Year, int Quarter) quarter, QuarterlyGrade grade) => new()
    {
        RequestId = string.Create(CultureInfo.InvariantCulture, $"cluster-{_runId}-{staff[employee]}-{quarter.Year}Q{quarter.Quarter}-{grade}"),
        EmployeeId = staff[employee],
        Year = quarter.Year,
        Quarter = quarter.Quarter,
        Grade = grade,
        DecidedOn = Staffing.Day(new DateOnly(quarter.Year, quarter.Quarter * 3, 1).AddMonths(1).AddDays(2)),
    };

    private void Settled()
    {
        lock (_milestoneLock)
        {
            _completed++;
            foreach (var milestone in _milestones.Where(m => m.Count <= _completed).ToList())
            {
                milestone.Reached.SetResult();
                _milestones.Remove(milestone);
            }
        }
    }

    private enum Outcome
    {
        Recorded,
        QuotaRefused,
        Failed,
    }
}

/// <summary>A grade write a node acknowledged: the grade its answer recorded, the grade asked, the request id, the node
/// that answered (its index in the cluster) and the attempt it answered (1 when the first node asked did).</summary>
internal sealed record AcknowledgedGrade(
    string EmployeeId, int Year, int Quarter, QuarterlyGrade Grade, QuarterlyGrade Asked, string RequestId, int Node, int Attempt);
