using System.Globalization;
using Personnel.Storage.CrashWriter;
using Personnel.Storage.Postgres;

using Personnel.Tests.Shared;

namespace Personnel.Storage.Tests;

/// <summary>
/// Acceptance 4 at storage level: two processes on one PostgreSQL update the same employees and record
/// Good grades in the same department-quarter at once. No update is lost, the 40 % Good cap is never
/// passed, conflicts come back as retries (ABORTED after 5). (The nodes of a cluster agree through Orleans; the store's own
/// guarantees are what this shows.)
/// </summary>
public sealed class TwoNodeTests
{
    private const int Employees = 3;
    private const int OperationsPerNode = 160;
    private const int Eligible = 100;
    private const int Cap = Eligible * 40 / 100;

    [Fact]
    public async Task AS13_two_nodes_lose_no_update_never_pass_the_Good_cap()
    {
        var schema = PostgresTestDatabase.NewSchema();
        var spec = StoreSpec.Postgres(schema, PostgresTestDatabase.ConnectionString);
        try
        {
            // Create the schema first, so the nodes race on writes, not on the migration.
            await using var observer = await PostgresEventStore.OpenAsync(PostgresTestDatabase.ConnectionString, new PostgresEventStoreOptions { Schema = schema });
            using var a = new WriterProcess("node", spec, "A", $"{Employees}", $"{OperationsPerNode}", $"{Cap}");
            using var b = new WriterProcess("node", spec, "B", $"{Employees}", $"{OperationsPerNode}", $"{Cap}");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var linesA = new List<string[]>();
            var linesB = new List<string[]>();
            await a.ReadLinesUntilAsync(linesA, "ready", timeout.Token);
            await b.ReadLinesUntilAsync(linesB, "ready", timeout.Token);

            await a.WriteLineAsync("go");
            await b.WriteLineAsync("go");
            var finishedA = a.ReadLinesUntilAsync(linesA, "finished", timeout.Token);
            var finishedB = b.ReadLinesUntilAsync(linesB, "finished", timeout.Token);
            await Task.WhenAll(finishedA, finishedB);

            await a.WriteLineAsync("stop");
            await b.WriteLineAsync("stop");
            await a.ReadLinesToEndAsync(linesA, timeout.Token);
            await b.ReadLinesToEndAsync(linesB, timeout.Token);
            Assert.True(a.ExitCode == 0, await a.StandardError);
            Assert.True(b.ExitCode == 0, await b.StandardError);

            var all = linesA.Concat(linesB).ToList();

            // No lost update: every acknowledged update is one distinct version, and the versions are all there.
            var oks = all.Where(l => l[0] == "ok").Select(l => (Employee: l[1], Version: long.Parse(l[2], CultureInfo.InvariantCulture))).ToList();
            var aborted = all.Count(l => l[0] == "aborted");
            Assert.Equal(2 * OperationsPerNode, oks.Count + aborted);
            Assert.Equal(oks.Count, oks.Distinct().Count());
            for (var e = 0; e < Employees; e++)
            {
                var id = $"e-{e}";
                var version = await observer.GetStreamVersionAsync(id);
                Assert.Equal(Enumerable.Range(1, (int)version).Select(v => (long)v), oks.Where(o => o.Employee == id).Select(o => o.Version).Order());
                Assert.Equal(NodeWriter.View(id, version), await observer.ReadModels.GetEmployeeAsync(id));
            }

            // Conflicts surfaced as retries.
            Assert.True(all.Count(l => l[0] == "conflict") > 0, "the two nodes never conflicted: the race did not happen");

            // The cap held: exactly Cap Goods recorded, every other refused naming the cap.
            Assert.Equal(Cap, all.Count(l => l[0] == "good"));
            Assert.Equal(2 * OperationsPerNode - Cap, all.Count(l => l[0] == "quota"));
            Assert.All(all.Where(l => l[0] == "quota"), l => Assert.Equal((Cap.ToString(CultureInfo.InvariantCulture), $"{Cap}"), (l[1], l[2])));
            Assert.Equal(Cap, (await observer.ReadModels.GetQuarterQuotaAsync(NodeWriter.Department, 2024, 1))!.GoodCount);

        }
        finally
        {
            await PostgresTestDatabase.DropSchemaAsync(schema);
        }
    }
}
