using System.Globalization;
using Personnel.Storage.CrashWriter;
using Personnel.Storage.Postgres;
using Personnel.Storage.Sqlite;

using Personnel.Tests.Shared;
using Xunit.Abstractions;

namespace Personnel.Storage.Tests;

/// <summary>
/// Acceptance 3: a separate process records 10,000 events as fast as it can and acknowledges each once
/// durable; it is killed with SIGKILL at a random moment mid-stream 20 times over, then finishes. Every
/// acknowledged event must be present exactly once, and the read models must equal a rebuild from the events.
/// </summary>
/// <remarks>
/// A kill decided after the k-th acknowledgement lands some time later, and the writer keeps writing until it
/// does; on a loaded machine that can be long. So a killed run may attempt only <see cref="Headroom"/> events
/// past its kill point, then answers them, prints "capped" and waits. A run whose kill came only after that had
/// nothing in flight, so it does not count as a mid-stream kill and another run is made (its acknowledgements
/// still count), at most <see cref="Attempts"/> killed runs in all; and a killed run can never finish the
/// events, however late its kill, so the final run always has some left.
/// </remarks>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Total = 10_000;
    private const int Kills = 20;

    /// <summary>A killed run is killed after 1 to KillPoint - 1 acknowledgements.</summary>
    private const int KillPoint = 300;

    /// <summary>How many events past its kill point a killed run may attempt.</summary>
    private const int Headroom = 400;

    /// <summary>Killed runs allowed for 20 kills to land mid-stream. A killed run also starts only while more
    /// events are left than its cap, so it cannot finish them: 20 mid-stream kills take about 20 × (150 + a few
    /// dozen read past the kill point) of the 10,000 events, which leaves room for several late runs of up to
    /// 699 each, and a final run with events to record.</summary>
    private const int Attempts = 30;

    [Fact]
    public async Task Sqlite_keeps_every_acknowledged_event_exactly_once_through_20_SIGKILLs()
    {
        var directory = Path.Combine(Path.GetTempPath(), "personnel-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var path = Path.Combine(directory, "store.db");
            var acked = await RunKilledWriterAsync(StoreSpec.Sqlite(path), directory);
            await using var store = await SqliteEventStore.OpenAsync(path);
            await VerifyAsync(store, acked);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_keeps_every_acknowledged_event_exactly_once_through_20_SIGKILLs()
    {
        var schema = PostgresTestDatabase.NewSchema();
        var directory = Path.Combine(Path.GetTempPath(), "personnel-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var acked = await RunKilledWriterAsync(StoreSpec.Postgres(schema, PostgresTestDatabase.ConnectionString), directory);
            await using var store = await PostgresEventStore.OpenAsync(PostgresTestDatabase.ConnectionString, new PostgresEventStoreOptions { Schema = schema });
            await VerifyAsync(store, acked);
        }
        finally
        {
            await PostgresTestDatabase.DropSchemaAsync(schema);
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<HashSet<int>> RunKilledWriterAsync(string spec, string directory)
    {
        var random = new Random();
        var ackFile = Path.Combine(directory, "acked.txt");
        var acked = new HashSet<int>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        var landed = 0;
        var late = new List<string>();
        var overshoots = new List<int>();
        for (var attempt = 1; landed < Kills; attempt++)
        {
            Assert.True(
                attempt <= Attempts,
                $"only {landed} of {Kills} kills landed mid-stream in {Attempts} killed runs; the others landed after the writer had "
                + $"answered every event it was allowed ({string.Join(", ", late)}): the test falls too far behind the writer it kills");

            // Each killed run dies after a random number of acknowledgements (plus a random few milliseconds, so
            // the kill lands anywhere in a batch) and may attempt at most Headroom events more than that.
            var killAfter = random.Next(1, KillPoint);
            var cap = killAfter + Headroom;
            Assert.True(Total - acked.Count > cap, $"only {Total - acked.Count} events left for a run allowed {cap}: raise Total");
            var run = await RunWriterAsync(spec, ackFile, acked, cap, killAfter, random, timeout.Token);
            Assert.False(run.Done, $"killed run {attempt} finished all {Total} events");
            Assert.True(
                run.Acknowledged >= killAfter && run.ExitCode == 128 + 9,
                $"killed run {attempt} ended by itself after {run.Acknowledged} acknowledgements (exit {run.ExitCode}): {run.Error}");
            overshoots.Add(run.Acknowledged - killAfter);
            if (run.Capped || run.Acknowledged == cap)
            {
                // The kill landed once every allowed event was answered: nothing was in flight, so it proves
                // nothing about a mid-stream kill. Its acknowledgements still count; try again.
                late.Add($"run {attempt}: {run.Acknowledged} acknowledged, the kill meant after {killAfter}");
            }
            else
            {
                landed++;
            }
        }

        var final = await RunWriterAsync(spec, ackFile, acked, cap: null, killAfter: 0, random, timeout.Token);
        Assert.True(final.Done && final.ExitCode == 0, $"the final run failed (exit {final.ExitCode}): {final.Error}");
        Assert.Equal(Total, acked.Count);
        output.WriteLine(
            $"{Kills} kills landed mid-stream in {Kills + late.Count} killed runs; acknowledgements read past the kill point: "
            + $"median {overshoots.Order().ElementAt(overshoots.Count / 2)}, max {overshoots.Max()}; the final run recorded {final.Acknowledged}"
            + (late.Count > 0 ? $"; late kills: {string.Join(", ", late)}" : ""));
        return acked;
    }

    /// <summary>One writer process, killed after <paramref name="killAfter"/> acknowledgements (never when 0),
    /// its acknowledgements added to <paramref name="acked"/> and written to the file the next run skips.</summary>
    private static async Task<WriterRun> RunWriterAsync(
        string spec, string ackFile, HashSet<int> acked, int? cap, int killAfter, Random random, CancellationToken cancellationToken)
    {
        var total = Total.ToString(CultureInfo.InvariantCulture);
        using var writer = cap is { } c
            ? new WriterProcess("crash", spec, total, ackFile, c.ToString(CultureInfo.InvariantCulture))
            : new WriterProcess("crash", spec, total, ackFile);
        using var expire = cancellationToken.Register(writer.Kill);

        // Read on a thread of our own, not the thread pool, which the tests running alongside may keep busy:
        // a starved reader lets the writer run thousands of acknowledgements ahead in the pipe, and kill late.
        var (done, capped, seen) = await Task.Factory.StartNew(
            () =>
            {
                var seen = 0;
                var done = false;
                var capped = false;
                while (writer.ReadLine() is { } line)
                {
                    switch (line)
                    {
                        case "done":
                            done = true;
                            continue;
                        case "capped":
                            capped = true;
                            continue;
                    }

                    Assert.StartsWith("ack ", line);
                    var i = int.Parse(line[4..], CultureInfo.InvariantCulture);
                    Assert.True(acked.Add(i), $"event {i} was acknowledged twice");
                    if (++seen == killAfter)
                    {
                        Thread.Sleep(random.Next(0, 15));
                        writer.Kill();
                    }
                }

                return (done, capped, seen);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        await writer.WaitForExitAsync(CancellationToken.None);
        Assert.False(cancellationToken.IsCancellationRequested, "the kill runs took too long");

        // Acknowledgements read after the kill decision were still durable before they were printed.
        await File.WriteAllLinesAsync(ackFile, acked.Select(i => $"ack {i}"), CancellationToken.None);
        return new WriterRun(done, capped, seen, writer.ExitCode, done ? "" : await writer.StandardError);
    }

    private sealed record WriterRun(bool Done, bool Capped, int Acknowledged, int ExitCode, string Error);

    private static async Task VerifyAsync(IEventStore store, HashSet<int> acked)
    {
        var events = new List<RecordedEvent>();
        long after = 0;
        while (await store.ReadAllAsync(after, 5000) is { Count: > 0 } page)
        {
            events.AddRange(page);
            after = page[^1].Position;
        }

        // Exactly once: one event per request, and every acknowledged one is there.
        Assert.Equal(Enumerable.Range(1, events.Count).Select(p => (long)p), events.Select(e => e.Position));
        var byRequest = events.GroupBy(e => e.RequestId).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(byRequest, kv => Assert.True(kv.Value == 1, $"request {kv.Key} recorded {kv.Value} times"));
        Assert.All(acked, i => Assert.True(byRequest.ContainsKey(CrashWorkload.RequestId(i)), $"acknowledged event {i} is missing"));
        Assert.Equal(Total, events.Count);

        // Read models equal a rebuild from the events.
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            var list = stream.OrderBy(e => e.Version).ToList();
            Assert.Equal(Enumerable.Range(1, list.Count).Select(v => (long)v), list.Select(e => e.Version));
            var lastI = CrashWorkload.ParseI(list[^1].Payload);
            Assert.Equal(CrashWorkload.View(stream.Key, list.Count, lastI), await store.ReadModels.GetEmployeeAsync(stream.Key));
            Assert.Equal(CrashWorkload.Payload(lastI), await store.ReadModels.GetDocumentAsync("progress", stream.Key));
        }

        foreach (var department in events.GroupBy(e => CrashWorkload.DepartmentId(CrashWorkload.ParseI(e.Payload))))
        {
            var quota = await store.ReadModels.GetQuarterQuotaAsync(department.Key, 2024, 1);
            Assert.Equal(department.Count(), quota!.GoodCount);
        }
    }
}
