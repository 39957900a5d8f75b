using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;

namespace Personnel.Grains.Tests.Integration;

public abstract partial class GrainSuite
{
    [Fact]
    public async Task A_deactivated_employee_grain_is_activated_again_by_the_next_call_with_its_state_intact()
    {
        await Run("sun", "2024-01-02", Appointment("sun", Planning));
        await Run("sun", "2024-03-31", new RecordQuarterlyGrade(new Domain.Common.Quarter(2024, 1), Domain.Grading.QuarterlyGrade.Average));
        var before = await Employee("sun").GetSnapshotAsync(CancellationToken.None);
        // The employee and the department the appointment asked (AM 第二条: it must exist).
        Assert.True(Cluster.IsActive(Employee("sun")) && Cluster.IsActive(Department("planning")));

        await Cluster.DeactivateAsync(Employee("sun"));
        Assert.False(Cluster.IsActive(Employee("sun")));

        var after = await Employee("sun").GetSnapshotAsync(CancellationToken.None);
        var next = await Run("sun", "2024-06-30", new RecordQuarterlyGrade(new Domain.Common.Quarter(2024, 2), Domain.Grading.QuarterlyGrade.FairlyGood));
        Assert.Equal(before, after);
        Assert.Equal(2, (await Employee("sun").ListGradesAsync(CancellationToken.None)).Quarterly.Count);
        Assert.Equal(before.Version + 1, next.Snapshot.Version);
        Assert.True(Cluster.IsActive(Employee("sun")));
    }

    [Fact]
    public async Task A_thousand_concurrent_commands_on_one_employee_run_one_at_a_time_and_each_is_recorded_once()
    {
        const int calls = 1000;
        var probe = new ProbeStore(Store, "employee:solo");
        var node = await StartNode(probe);
        var solo = node.GetGrain<IEmployeeGrain>("solo");
        await EnsureDepartmentAsync(Planning);
        await solo.ExecuteAsync(Appointment("solo", Planning), Context("2024-01-02"), CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(1, calls).Select(i => solo.ExecuteAsync(
            new RecordQualifications(AdministrativeRank.DeputySection, D("2015-07-01").AddDays(-i), Education.Bachelor),
            Context("2024-02-01", $"q-{i}"),
            CancellationToken.None)));

        Assert.Equal(1, probe.MaxInFlight);
        Assert.Equal(0, probe.Conflicts);
        Assert.Equal(Enumerable.Range(3, calls).Select(v => (long)v), results.Select(r => r.Snapshot.Version).Order());
        var stream = await Store.ReadStreamAsync("employee:solo");
        Assert.Equal(calls + 2, stream.Count);
        var sinceDates = stream.Where(e => e.Type == "qualifications-recorded").Select(e => e.Payload).ToHashSet();
        Assert.Equal(calls, sinceDates.Count);
        Assert.Equal(calls, stream.Select(e => e.RequestId).Where(r => r.StartsWith("q-", StringComparison.Ordinal)).Distinct().Count());
        Assert.Equal(calls + 2, (await Store.ReadModels.GetEmployeeAsync("solo"))!.UpdatedVersion);
    }
}
