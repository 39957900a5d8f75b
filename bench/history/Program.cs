using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Personnel.Cluster.Tests.Harness;
using Personnel.History.Bench;

// bench/history driver; every command starts its own server process (HistoryServer) on schema SCHEMA of PERSONNEL_TEST_PG
// and kills it at the end. ARM is off (--Grains:SnapshotEvery 0) or on (the server's default).
//   seed SCHEMA PER_TIER POOL POOL_EVENTS HOT HOT_EVENTS   seeds the population (Population) with snapshots off; prints
//                                                          "seeded GROUP N MIN-VERSION MAX-VERSION SECONDS"
//   cold SCHEMA ARM PER_TIER POOL                          for on, first activates everyone once and restarts (the first
//                                                          activation may write the snapshot); then, on a fresh process,
//                                                          the first GetEmployee of each tier employee, one at a time in
//                                                          a fixed shuffled order, and the first GetTenure after it:
//                                                          "coldread ARM TIER MS VERSION TENURE-MS" each;
//                                                          then WarmCalls on them: "warmcall ARM TIER KIND MS" each
//   mixed SCHEMA ARM SECONDS CALLERS HOT HOT_EVENTS POOL WARMUP [MIX]   MixedLoad on the arm's hot set after WARMUP seconds of
//                                                          the same mix, untimed: "window ARM W count:mean-ms per call kind",
//                                                          "mixcold ARM N P50 P99", "versions ARM BEFORE AFTER", "refusal …", "error …";
//                                                          MIX replaces MixedLoad.Mix, e.g. Record=35,Correct=10,PostLevel=40,Tenure=15
//   drop SCHEMA
var culture = CultureInfo.InvariantCulture;
var connection = Environment.GetEnvironmentVariable("PERSONNEL_TEST_PG") is { Length: > 0 } cs
    ? cs
    : throw new InvalidOperationException("PERSONNEL_TEST_PG is not set: run bench/history/run.sh (it starts a throwaway PostgreSQL).");
int Arg(int i) => int.Parse(args[i], culture);
using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(60));
var ct = limit.Token;
switch (args.ElementAtOrDefault(0))
{
    case "seed":
        await SeedAsync(args[1], Arg(2), Arg(3), Arg(4), Arg(5), Arg(6)).ConfigureAwait(false);
        return 0;
    case "cold":
        await ColdAsync(args[1], args[2], Arg(3), Arg(4)).ConfigureAwait(false);
        return 0;
    case "mixed":
        await MixedAsync(args[1], args[2], Arg(3), Arg(4), Arg(5), Arg(6), Arg(7), Arg(8), args.ElementAtOrDefault(9)).ConfigureAwait(false);
        return 0;
    case "drop":
        await new ClusterStorage(connection, args[1]).DropAsync().ConfigureAwait(false);
        return 0;
    default:
        await Console.Error.WriteLineAsync("usage: seed | cold | mixed | drop (see Program.cs)").ConfigureAwait(false);
        return 2;
}

async Task SeedAsync(string schema, int perTier, int pool, int poolEvents, int hot, int hotEvents)
{
    const int Concurrency = 64;
    var groups = Population.Tiers.Select(t => new Group($"t{t}", Population.TierPrefix(t), perTier, t))
        .Append(new Group("warm", Population.WarmPrefix, Population.WarmCount, Population.Tiers[0]))
        .Append(new Group("pool", Population.PoolPrefix, pool, poolEvents))
        .Concat(new[] { "off", "on" }.Select(arm => new Group($"hot-{arm}", Population.HotPrefix(arm), hot, hotEvents)))
        .ToList();
    await OnServerAsync(schema, "off", async server =>
    {
        var watch = Stopwatch.StartNew();
        foreach (var g in groups)
        {
            await Careers.AppointAsync(server, "d-" + g.Name, g.Prefix, g.Count, Concurrency, ct).ConfigureAwait(false);
        }

        var careers = groups.SelectMany(g => Population.Ids(g.Prefix, g.Count).Select(id => (id, Population.Commands(g.Events)))).ToList();
        await Careers.SeedAsync(server, careers, Concurrency, ct).ConfigureAwait(false);
        var seconds = watch.Elapsed.TotalSeconds;
        foreach (var g in groups)
        {
            var versions = await ColdReads.TouchAsync(server.Nodes[0].Client, Population.Ids(g.Prefix, g.Count), Concurrency, ct).ConfigureAwait(false);
            Console.WriteLine(string.Create(culture, $"seeded {g.Name} {g.Count} {versions.Values.Min()} {versions.Values.Max()} {seconds:F0}"));
        }
    }).ConfigureAwait(false);
}

async Task ColdAsync(string schema, string arm, int perTier, int pool)
{
    var tiers = Population.Tiers.SelectMany(t => Population.Tier(t, perTier).Select(id => (Id: id, Tier: t))).ToDictionary(e => e.Id, e => e.Tier);
    if (arm == "on")
    {
        await OnServerAsync(schema, arm, server => ColdReads.TouchAsync(
            server.Nodes[0].Client, [.. tiers.Keys, .. Population.Warm, .. Population.Pool(pool)], 16, ct)).ConfigureAwait(false);
    }

    await OnServerAsync(schema, arm, async server =>
    {
        await ColdReads.TouchAsync(server.Nodes[0].Client, Population.Warm, 1, ct).ConfigureAwait(false);
        var timed = await ColdReads.TimeAsync(server.Nodes[0].Client, Population.Shuffled(tiers.Keys, 12), ct).ConfigureAwait(false);
        foreach (var (id, ms, tenureMs, version) in timed)
        {
            Console.WriteLine(string.Create(culture, $"coldread {arm} {tiers[id]} {ms:F2} {version} {tenureMs:F2}"));
        }

        // Then each call once more per repeat on the grains now active; the records of arm "on" follow those of "off".
        const int Repeats = 3;
        var offset = arm == "on" ? Repeats : 0;
        var calls = await WarmCalls.TimeAsync(server.Nodes[0].Client, Population.Shuffled(tiers.Keys, 13),
            id => Population.Commands(tiers[id]) + offset, Repeats, ct).ConfigureAwait(false);
        foreach (var (id, kind, ms) in calls)
        {
            Console.WriteLine(string.Create(culture, $"warmcall {arm} {tiers[id]} {kind} {ms:F2}"));
        }
    }).ConfigureAwait(false);
}

async Task MixedAsync(string schema, string arm, int seconds, int callers, int hot, int hotEvents, int pool, int warmup, string? mix)
{
    var window = TimeSpan.FromSeconds(30);
    var ids = Population.Hot(arm, hot);
    await OnServerAsync(schema, arm, async server =>
    {
        var client = server.Nodes[0].Client;
        await ColdReads.TouchAsync(client, Population.Warm, 1, ct).ConfigureAwait(false);
        var before = await ColdReads.TouchAsync(client, ids, callers, ct).ConfigureAwait(false);
        var load = new MixedLoad(client, ids, Population.Commands(hotEvents), mix is null ? null : MixedLoad.ParseMix(mix));
        await load.RunAsync(callers, TimeSpan.FromSeconds(warmup), window, [], ct).ConfigureAwait(false);
        var tally = await load.RunAsync(callers, TimeSpan.FromSeconds(seconds), window, Population.Shuffled(Population.Pool(pool), 7), ct).ConfigureAwait(false);
        var after = await ColdReads.TouchAsync(client, ids, callers, ct).ConfigureAwait(false);
        Report(arm, tally, before.Values.Average(), after.Values.Average());
    }).ConfigureAwait(false);
}

void Report(string arm, LoadTally tally, double before, double after)
{
    var kinds = Enum.GetValues<MixedLoad.Op>();
    for (var w = 0; w < tally.Windows; w++)
    {
        var cells = kinds.Select(op => tally.In(w, op)).Select(c => string.Create(culture, $"{c.Count}:{c.MeanMs:F2}"));
        Console.WriteLine($"window {arm} {w} {string.Join(' ', cells)}");
    }

    var cold = tally.ColdLatencies.Order().ToArray();
    Console.WriteLine(cold.Length == 0
        ? $"mixcold {arm} 0 0 0"
        : string.Create(culture, $"mixcold {arm} {cold.Length} {cold[cold.Length / 2]:F2} {cold[Math.Min(cold.Length - 1, (int)(cold.Length * 0.99))]:F2}"));
    Console.WriteLine(string.Create(culture, $"versions {arm} {before:F0} {after:F0}"));
    foreach (var (reason, count) in tally.Refusals)
    {
        Console.WriteLine($"refusal {arm} {count} {reason}");
    }

    foreach (var (kind, (count, first)) in tally.Errors)
    {
        Console.WriteLine($"error {arm} {count} {kind}: {first.ReplaceLineEndings(" ")}");
    }
}

async Task OnServerAsync(string schema, string arm, Func<ServerCluster, Task> run)
{
    using var server = await HistoryServer.StartAsync(connection, schema, arm, ct).ConfigureAwait(false);

    // Stopped from outside (kill, Ctrl-C), the driver takes its server process with it.
    using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => server.Dispose());
    using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => server.Dispose());
    try
    {
        await run(server).ConfigureAwait(false);
    }
    catch
    {
        await Console.Error.WriteLineAsync(server.Tails()).ConfigureAwait(false);
        throw;
    }
}
