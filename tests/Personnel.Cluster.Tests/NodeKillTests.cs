using System.Globalization;
using Personnel.Api.V1;
using Personnel.Cluster.Tests.Harness;
using Xunit.Abstractions;

namespace Personnel.Cluster.Tests;

/// <summary>
/// Issue 12 item 7: three server processes on one PostgreSQL, HR clerks grading through all three, one node killed with
/// SIGKILL mid-load while the clerks go on through the two others. Every acknowledged grade is then stored exactly once
/// and reads back through a survivor as acknowledged; no quarter holds more Goods than its quota (AS 第八条); the dead
/// node's employees answer on the survivors (the time to their first answer is the failover figure, printed); and a
/// leadership adjustment ordered through the dead node just before it died reaches the head on the survivors (AM 第十七条).
/// </summary>
public sealed partial class NodeKillTests(ITestOutputHelper output)
{
    private const string AdminKey = "cluster-admin-key-5b1e0c7a93";
    private const string Graded = "grading";
    private const string Led = "leading";
    private const string Head = "lead-head";
    private const int Nodes = 3;
    private const int Victim = 1;
    private const int Staff = 30;

    // AS 第八条: at most floor(40 % × N) Goods, N the staff who may be graded in the quarter.
    private const int Cap = Staff * 40 / 100;

    private const int Writers = 6;

    private static readonly (int Year, int Quarter)[] Quarters =
        [.. Enumerable.Range(2024, 2).SelectMany(y => Enumerable.Range(1, 4).Select(q => (y, q)))];

    private static readonly TimeSpan FailoverLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AS8_AM17_a_node_killed_mid_load_loses_and_doubles_no_acknowledged_grade_passes_no_quota_and_its_work_goes_on_on_the_survivors()
    {
        var storage = ClusterStorage.NewSchema("cl_");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            using var cluster = await ServerCluster.StartAsync(Nodes, storage, AdminKey, timeout.Token);
            try
            {
                await KillMidLoadAndCheckAsync(cluster, timeout.Token);
            }
            catch
            {
                output.WriteLine(cluster.Tails());
                throw;
            }
        }
        finally
        {
            await storage.DropAsync();
        }
    }

    private async Task KillMidLoadAndCheckAsync(ServerCluster cluster, CancellationToken cancellationToken)
    {
        var staff = await ArrangeAsync(cluster, cancellationToken);
        var load = new GradeLoad(cluster, staff, Quarters, competeForGood: true);
        var writing = load.RunAsync(Writers, cancellationToken);
        await load.Reached(load.Total / 3).WaitAsync(cancellationToken);

        // The second yellow card in a row, through the node about to die: it orders the adjustment (AM 第十七条).
                var order = await Staffing.AssessAsync(cluster, Victim, Led, 2024, DepartmentTier._4, cancellationToken);
        Assert.True(order.LeadershipAdjustment, "the second yellow card in a row did not order a leadership adjustment");
        var killedAt = await cluster.Nodes[Victim].KillAsync(cancellationToken);
        var settledAtKill = load.Acknowledged.Count;

        var survivors = cluster.Alive;
        Assert.Equal(Nodes - 1, survivors.Count);
        var victimsStaff = staff.Where((_, i) => i % Nodes == Victim).ToList();
        var failover = await FailoverProbe.MeasureAsync(survivors, victimsStaff, killedAt, FailoverLimit, cancellationToken);
        await writing;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"failover: the dead node's {failover.Count} employees answered on the survivors {Ms(failover.Values.Min())} to {Ms(failover.Values.Max())} after kill -9"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"writes: {load.Acknowledged.Count} acknowledged ({settledAtKill} before the kill), {load.QuotaRefusals} Goods refused for the quota, {load.UnknownOutcomes} unknown outcomes sent again"));

        Assert.Empty(load.Failures);
        AssertTheLoadCrossedTheKill(load);
        await AssertEveryAcknowledgedGradeStoredOnceAsync(survivors, load, cancellationToken);
        await AssertNoQuarterPastItsQuotaAsync(survivors, load, cancellationToken);
        await AssertTheAdjustmentReachedTheHeadAsync(survivors, cancellationToken);
    }

    /// <summary>Two departments, created and staffed through different nodes: <see cref="Staff"/> graded staff, and a head
    /// whose department had its first yellow card in 2023.</summary>
    private static async Task<IReadOnlyList<string>> ArrangeAsync(ServerCluster cluster, CancellationToken cancellationToken)
    {
        await Staffing.CreateDepartmentAsync(cluster, 0, Graded, cancellationToken);
        await Staffing.CreateDepartmentAsync(cluster, 2, Led, cancellationToken);
        var staff = await Staffing.AppointStaffAsync(cluster, Graded, "g-", Staff, Writers, cancellationToken);
        await Staffing.AppointHeadAsync(cluster, 2, Led, Head, cancellationToken);
        var first = await Staffing.AssessAsync(cluster, 0, Led, 2023, DepartmentTier._3, cancellationToken);
        Assert.True(first.YellowCard);
        Assert.False(first.LeadershipAdjustment);
        return staff;
    }

    /// <summary>The kill fell inside the load: the dead node acknowledged writes before it, and writes first meant for it
    /// were acknowledged by a survivor after it.</summary>
    private static void AssertTheLoadCrossedTheKill(GradeLoad load)
    {
        Assert.Contains(load.Acknowledged, a => a.Node == Victim);
        Assert.Contains(load.Acknowledged, a => a.Node != Victim && a.Attempt > 1);
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";
}
