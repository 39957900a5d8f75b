using System.Globalization;
using Personnel.Storage.CrashWriter;
using Personnel.Storage.Postgres;
using Personnel.Storage.Sqlite;

using Personnel.Tests.Shared;

namespace Personnel.Storage.Tests;

/// <summary>
/// Acceptance 3: a separate process records 10,000 events as fast as it can and acknowledges each once
/// durable; it is killed with SIGKILL at a random moment 20 times over, then finishes. Every
/// acknowledged event must be present exactly once, and the read models must equal a rebuild from the events.
/// </summary>
public sealed class CrashSafetyTests
{
    private const int Total = 10_000;
    private const int Kills = 20;

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

    private static async Task<HashSet<int>> RunKilledWriterAsync(string spec, string directory)
    {
        var random = new Random();
        var ackFile = Path.Combine(directory, "acked.txt");
        var acked = new HashSet<int>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        for (var run = 0; run <= Kills; run++)
        {
            // The last run is left to finish; the others die after a random number of acknowledgements
            // (so always mid-stream, and 20 runs cannot reach 10,000 between them), plus a random few
            // milliseconds so the kill lands anywhere in a batch.
            var killAfter = run < Kills ? random.Next(1, 350) : int.MaxValue;
            using var writer = new WriterProcess("crash", spec, Total.ToString(CultureInfo.InvariantCulture), ackFile);
            var seen = 0;
            var done = false;
            while (await writer.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line == "done")
                {
                    done = true;
                    continue;
                }

                Assert.StartsWith("ack ", line);
                var i = int.Parse(line[4..], CultureInfo.InvariantCulture);
                Assert.True(acked.Add(i), $"event {i} was acknowledged twice");
                if (++seen == killAfter)
                {
                    await Task.Delay(random.Next(0, 15), timeout.Token);
                    writer.Kill();
                }
            }

            await writer.WaitForExitAsync(timeout.Token);

            // Acknowledgements read after the kill decision were still durable before they were printed.
            await File.WriteAllLinesAsync(ackFile, acked.Select(i => $"ack {i}"), timeout.Token);
            if (run == Kills)
            {
                Assert.True(done && writer.ExitCode == 0, $"the final run failed (exit {writer.ExitCode}): {await writer.StandardError}");
            }
            else
            {
                Assert.False(done, $"run {run} finished before it was killed: raise Total or lower the kill point");
            }
        }

        Assert.Equal(Total, acked.Count);
        return acked;
    }

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
