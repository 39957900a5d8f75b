using System.Collections.Concurrent;
using Personnel.Storage.Postgres;
using Personnel.Tests.Shared;

namespace Personnel.Storage.Tests;

/// <summary>The storage suite on PostgreSQL (a fresh schema per test), plus what only several nodes on
/// one database can show: racing migrations.</summary>
public sealed class PostgresEventStoreTests : EventStoreContract
{
    private readonly string _schema = PostgresTestDatabase.NewSchema();

    [Fact]
    public async Task A_lost_writer_connection_fails_the_batch_clearly_and_a_retry_with_the_same_request_id_records_it_once()
    {
        await Store.AppendAsync(Commits.Append("r1", "emp-1", 0));
        await PostgresTestDatabase.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'personnel-node-a'");
        var commit = Commits.Append("r2", "emp-1", 1);

        var first = await Record.ExceptionAsync(() => Store.AppendAsync(commit));
        var retry = await Store.AppendAsync(commit);

        var error = Assert.IsType<StorageException>(first);
        Assert.Contains("retrying with the same request id is safe", error.Message);
        Assert.Equal([new AppendedStream("emp-1", 2, 2)], Assert.IsType<Appended>(retry).Streams);
        Assert.Equal(2, await Store.GetLastPositionAsync());
    }

    [Fact]
    public async Task Nodes_with_their_own_connection_pools_never_both_win_a_version_nor_pass_a_cap()
    {
        var nodes = new[] { Store, await OpenAsync("node-b"), await OpenAsync("node-c") };
        await Store.AppendAsync(Commits.Append("seed", "emp-0", 0));

        var races = Enumerable.Range(0, 30).Select(i => nodes[i % 3].AppendAsync(Commits.Append($"v{i}", "emp-0", 1)));
        var goods = Enumerable.Range(0, 30).Select(i => nodes[i % 3].AppendAsync(Commits.Good($"g{i}", $"emp-{i + 1}", 0, "dept-1", cap: 12)));
        var versions = await Task.WhenAll(races);
        var grades = await Task.WhenAll(goods);

        Assert.Single(versions.OfType<Appended>());
        Assert.Equal(29, versions.OfType<WrongExpectedVersion>().Count());
        Assert.Equal(12, grades.OfType<Appended>().Count());
        Assert.Equal(18, grades.OfType<QuotaExceeded>().Count());
        Assert.Equal(12, (await Store.ReadModels.GetQuarterQuotaAsync("dept-1", 2024, 1))!.GoodCount);
        var all = await Store.ReadAllAsync(0, 1000);
        Assert.Equal(Enumerable.Range(1, 14).Select(i => (long)i), all.Select(e => e.Position));
    }

    [Fact]
    public async Task Nodes_starting_at_once_on_a_new_schema_migrate_it_once()
    {
        var schema = PostgresTestDatabase.NewSchema();
        try
        {
            var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
                PostgresEventStore.OpenAsync(PostgresTestDatabase.ConnectionString, new PostgresEventStoreOptions { Schema = schema, NodeId = $"n{i}" })));
            foreach (var store in stores)
            {
                Assert.Equal(0, await store.GetLastPositionAsync());
                await store.DisposeAsync();
            }
        }
        finally
        {
            await PostgresTestDatabase.DropSchemaAsync(schema);
        }
    }

    [Fact]
    public async Task A_schema_name_that_is_not_a_plain_identifier_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            PostgresEventStore.OpenAsync(PostgresTestDatabase.ConnectionString, new PostgresEventStoreOptions { Schema = "x; DROP TABLE y" }));

        Assert.Contains("Schema name 'x; DROP TABLE y' must be lower-case letters", error.Message);
    }

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override async Task<IEventStore> OpenStoreAsync(EventStoreOptions options) =>
        await PostgresEventStore.OpenAsync(
            PostgresTestDatabase.ConnectionString,
            new PostgresEventStoreOptions { Schema = _schema, NodeId = options.NodeId, TimeProvider = options.TimeProvider });

    protected override Task DropDatabaseAsync() => PostgresTestDatabase.DropSchemaAsync(_schema);
}
