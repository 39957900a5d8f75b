using System.Diagnostics;
using System.Globalization;
using Personnel.Cluster.Tests.Harness;

// bench/cluster driver; each command starts its own servers on a fresh schema of PERSONNEL_TEST_PG and drops it after.
//   writes NODES STAFF WRITERS   NODES servers; STAFF staff graded Average for the four quarters of 2024 by WRITERS
//                                callers through the nodes in turn, after as many writes on other staff, untimed; prints
//                                "writes NODES N SECONDS WRITES/S P50MS P99MS UNKNOWN" (UNKNOWN: calls whose outcome was unknown,
//                                conflicts included, sent again to the next node)
//   failover STAFF WRITERS       three servers under the same load; the second killed with SIGKILL a third of the way in;
//                                prints "failover FIRST-MS LAST-MS N UNKNOWN": the time from the kill to the first and to
//                                the last answer of the dead node's staff on the survivors, the writes acknowledged (all
//                                of them, or the command fails) and the unknown outcomes sent again.
const string AdminKey = "bench-cluster-admin-key-41d9";
var culture = CultureInfo.InvariantCulture;
using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(20));
switch (args.ElementAtOrDefault(0))
{
    case "writes":
        await WritesAsync(int.Parse(args[1], culture), int.Parse(args[2], culture), int.Parse(args[3], culture), limit.Token).ConfigureAwait(false);
        return 0;
    case "failover":
        await FailoverAsync(int.Parse(args[1], culture), int.Parse(args[2], culture), limit.Token).ConfigureAwait(false);
        return 0;
    default:
        await Console.Error.WriteLineAsync("usage: writes NODES STAFF WRITERS | failover STAFF WRITERS (see Program.cs)").ConfigureAwait(false);
        return 2;
}

static async Task WritesAsync(int nodes, int staff, int writers, CancellationToken cancellationToken)
{
    await OnClusterAsync(nodes, async cluster =>
    {
        // The servers' JIT tiers up over thousands of writes: a first load of as many writes on other staff, untimed.
        var warm = await LoadAsync(cluster, "d-warm", "x-", staff, writers, cancellationToken).ConfigureAwait(false);
        await warm.RunAsync(writers, cancellationToken).ConfigureAwait(false);
        var load = await LoadAsync(cluster, "d-write", "w-", staff, writers, cancellationToken).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        await load.RunAsync(writers, cancellationToken).ConfigureAwait(false);
        var seconds = watch.Elapsed.TotalSeconds;
        Complete(load);
        var latencies = load.Latencies.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"writes {nodes} {latencies.Length} {seconds:F2} {latencies.Length / seconds:F0} {latencies[latencies.Length / 2]:F1} {latencies[(int)(latencies.Length * 0.99)]:F1} {load.UnknownOutcomes}"));
    }, cancellationToken).ConfigureAwait(false);
}

static async Task FailoverAsync(int staff, int writers, CancellationToken cancellationToken)
{
    const int Victim = 1;
    await OnClusterAsync(3, async cluster =>
    {
        var load = await LoadAsync(cluster, "d-fail", "f-", staff, writers, cancellationToken).ConfigureAwait(false);
        var writing = load.RunAsync(writers, cancellationToken);
        await load.Reached(load.Total / 3).WaitAsync(cancellationToken).ConfigureAwait(false);
        var killedAt = await cluster.Nodes[Victim].KillAsync(cancellationToken).ConfigureAwait(false);
        var victims = Enumerable.Range(0, staff).Where(i => i % cluster.Size == Victim).Select(i => "f-" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var answered = await FailoverProbe.MeasureAsync(cluster.Alive, victims, killedAt, TimeSpan.FromSeconds(120), cancellationToken).ConfigureAwait(false);
        await writing.ConfigureAwait(false);
        Complete(load);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"failover {answered.Values.Min().TotalMilliseconds:F0} {answered.Values.Max().TotalMilliseconds:F0} {load.Acknowledged.Count} {load.UnknownOutcomes}"));
    }, cancellationToken).ConfigureAwait(false);
}

static async Task OnClusterAsync(int nodes, Func<ServerCluster, Task> measure, CancellationToken cancellationToken)
{
    var storage = ClusterStorage.NewSchema("bench_cl_");
    try
    {
        using var cluster = await ServerCluster.StartAsync(nodes, storage, AdminKey, cancellationToken).ConfigureAwait(false);
        try
        {
            await measure(cluster).ConfigureAwait(false);
        }
        catch
        {
            await Console.Error.WriteLineAsync(cluster.Tails()).ConfigureAwait(false);
            throw;
        }
    }
    finally
    {
        await storage.DropAsync().ConfigureAwait(false);
    }
}

static async Task<GradeLoad> LoadAsync(ServerCluster cluster, string department, string prefix, int staff, int writers, CancellationToken cancellationToken)
{
    await Staffing.CreateDepartmentAsync(cluster, 0, department, cancellationToken).ConfigureAwait(false);
    var ids = await Staffing.AppointStaffAsync(cluster, department, prefix, staff, writers, cancellationToken).ConfigureAwait(false);
    return new GradeLoad(cluster, ids, [(2024, 1), (2024, 2), (2024, 3), (2024, 4)], competeForGood: false);
}

// A figure counts only if every write was acknowledged and none refused.
static void Complete(GradeLoad load)
{
    if (load.Failures.Count > 0 || load.Acknowledged.Count != load.Total)
    {
        throw new InvalidOperationException(
            $"{load.Acknowledged.Count} of {load.Total} writes acknowledged; failures:\n{string.Join('\n', load.Failures.Take(20))}");
    }
}
