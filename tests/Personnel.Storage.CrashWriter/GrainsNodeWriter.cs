using System.Globalization;
using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using Personnel.Domain.Profiles;
using Personnel.Grains;
using Personnel.Grains.Abstractions;

namespace Personnel.Storage.CrashWriter;

/// <summary>
/// One of two server nodes racing on one PostgreSQL THROUGH THE GRAINS (a <see cref="PersonnelCluster"/> each).
/// Four workers send conflicting commands to the shared employees e-0..e-(n-1) and Good grades for the
/// members d-00.. of department "dq" in 2024 Q1 (both nodes try every member). A stream conflict shows as
/// "conflict" (the grain reloads and retries), ABORTED after 5 attempts as "aborted". Every write of the
/// other node to a shared employee makes this node read that employee through its grain and print the
/// version it answered with. Lines end with a UTC timestamp (ticks).
/// </summary>
public static class GrainsNodeWriter
{
    public const string Department = "dq";

    public static readonly DateOnly AppointedOn = new(2024, 1, 2);

    public static string Member(int i) => $"d-{i:D2}";

    public static AppointEmployee Appointment(string id, string department) =>
        new(new AppointmentRequest(
            new EmployeeId(id), new DepartmentId(department), new PostLevel(Post.DeputySectionChief, new PostGrade(6, 5)), AppointmentMethod.Competition,
            ProbationKind.None, new DateOnly(2050, 6, 30), AdministrativeRank.DeputySection, new DateOnly(2015, 7, 1), Education.Bachelor), id);

    public static async Task<int> RunAsync(string spec, string nodeId, int employees, int operations, int members)
    {
        var output = Console.Out;
        void Print(string line)
        {
            lock (output)
            {
                output.WriteLine($"{line} {DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)}");
                output.Flush();
            }
        }

        await using var inner = await StoreSpec.OpenAsync(spec, nodeId);
        var store = new ConflictReportingStore(inner, stream => Print($"conflict {stream}"));
        await using var cluster = PersonnelCluster.Start(store, PolicyProfiles.Default, new PersonnelClusterOptions { MaxAttempts = 5 });
        using var subscription = inner.Changes.Subscribe(change =>
        {
            if (!change.IsLocal && change.StreamId.StartsWith("employee:e-", StringComparison.Ordinal))
            {
                var id = change.StreamId["employee:".Length..];
                _ = Task.Run(async () =>
                {
                    var snapshot = await cluster.GetGrain<IEmployeeGrain>(id).GetSnapshotAsync(CancellationToken.None);
                    Print($"read {id} {snapshot.Version}");
                });
            }
        });
        // Warm up (JIT, activations) so the race measures the nodes, not their start-up.
        for (var e = 0; e < employees; e++)
        {
            await cluster.GetGrain<IEmployeeGrain>($"e-{e}").GetSnapshotAsync(CancellationToken.None);
        }

        Print("ready");

        await Console.In.ReadLineAsync();
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var k = w; k < operations; k += 4)
            {
                await UpdateAsync(cluster, nodeId, $"e-{k % employees}", k, Print);
                if (k < members)
                {
                    await GradeAsync(cluster, nodeId, Member(k), k, Print);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        Print("finished");

        await Console.In.ReadLineAsync();
        return 0;
    }

    private static async Task UpdateAsync(PersonnelCluster cluster, string nodeId, string employee, int k, Action<string> print)
    {
        var requestId = $"{nodeId}-u{k}";
        var since = new DateOnly(2015, 7, 1).AddDays(-(2 * k) - (nodeId == "A" ? 0 : 1));
        try
        {
            var result = await cluster.GetGrain<IEmployeeGrain>(employee).ExecuteAsync(
                new RecordQualifications(AdministrativeRank.DeputySection, since, Education.Bachelor),
                new CommandContext(requestId, nodeId, new DateOnly(2024, 2, 1)),
                CancellationToken.None);
            print($"ok {employee} {result.Snapshot.Version} {requestId}");
        }
        catch (ConcurrencyExhaustedException)
        {
            print($"aborted {employee} {requestId}");
        }
    }

    private static async Task GradeAsync(PersonnelCluster cluster, string nodeId, string member, int k, Action<string> print)
    {
        try
        {
            await cluster.GetGrain<IEmployeeGrain>(member).ExecuteAsync(
                new RecordQuarterlyGrade(new Quarter(2024, 1), QuarterlyGrade.Good),
                new CommandContext($"{nodeId}-g{k}", nodeId, new DateOnly(2024, 3, 31)),
                CancellationToken.None);
            print($"good {member}");
        }
        catch (QuotaExhaustedException quota)
        {
            print($"quota {quota.Count} {quota.Cap}");
        }
        catch (RuleViolationException refusal) when (refusal.Kind == ViolationKind.AlreadyExists)
        {
            print($"graded {member}");
        }
        catch (ConcurrencyExhaustedException)
        {
            print($"aborted-grade {member}");
        }
    }
}
