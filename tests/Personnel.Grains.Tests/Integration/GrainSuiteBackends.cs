using Npgsql;
using Personnel.Domain.Common;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;
using Personnel.Storage;
using Personnel.Storage.Postgres;
using Personnel.Storage.Sqlite;
using Personnel.Tests.Shared;

namespace Personnel.Grains.Tests.Integration;

/// <summary>The grain suite on SQLite: a fresh file per test.</summary>
public sealed class SqliteGrainTests : GrainSuite
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "personnel-grains-" + Guid.NewGuid().ToString("N"));

    protected override Task CreateDatabaseAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    protected override async Task<IEventStore> OpenStoreAsync(EventStoreOptions options) =>
        await SqliteEventStore.OpenAsync(Path.Combine(_directory, "store.db"), options);

    protected override Task DropDatabaseAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The grain suite on PostgreSQL: a fresh schema per test, on the server tests/setup/20-postgres.sh starts.</summary>
public sealed class PostgresGrainTests : GrainSuite
{
    private readonly string _schema = "g_" + Guid.NewGuid().ToString("N")[..20];

    internal static string ConnectionString =>
        Environment.GetEnvironmentVariable("PERSONNEL_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "PERSONNEL_TEST_PG is not set, so the PostgreSQL half of the grain suite cannot run. "
                + "Run ./test.sh (it starts a throwaway PostgreSQL), or `source tests/setup/20-postgres.sh` "
                + "from a shell that defines apt_install and on_exit, then run dotnet test again.");

    [Fact]
    public async Task A_cached_activation_on_another_node_reloads_after_this_node_writes_and_answers_with_it()
    {
        var nodeB = StartNode(await OpenAsync("grains-node-b"));
        await Run("wang", "2024-01-02", Appointment("wang", Planning));
        var cached = await nodeB.GetGrain<IEmployeeGrain>("wang").GetSnapshotAsync(CancellationToken.None);

        await Run("wang", "2024-03-31", new RecordQuarterlyGrade(new Quarter(2024, 1), QuarterlyGrade.FairlyGood));
        // How fast is TwoGrainNodesTests' to measure (over many writes); one write on a loaded machine only gets the limit.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var seen = cached;
        while (seen.Version == cached.Version && watch.Elapsed < PropagationLatency.Limit)
        {
            await Task.Delay(10);
            seen = await nodeB.GetGrain<IEmployeeGrain>("wang").GetSnapshotAsync(CancellationToken.None);
        }

        Assert.Equal((2L, 3L), (cached.Version, seen.Version));
        Assert.Single((await nodeB.GetGrain<IEmployeeGrain>("wang").ListGradesAsync(CancellationToken.None)).Quarterly);
        Assert.Equal(2, nodeB.Runtime.GetStatistics().Activations);
    }

    [Fact]
    public async Task The_post_level_view_on_another_node_is_withdrawn_once_this_node_writes_and_then_shows_the_write()
    {
        var nodeB = StartNode(await OpenAsync("grains-node-b"));
        await Run("qian", "2024-01-02", Appointment("qian", Planning));
        var cached = await SettledViewAsync(nodeB, "qian");

        await Run("qian", "2024-06-01", new ChangePost(new PostLevel(Post.SectionChief, L6S5), "appointed section chief"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (nodeB.TryReadView<IEmployeeGrain, PostLevelView>("qian", out var seen) && ReferenceEquals(seen, cached) && watch.Elapsed < PropagationLatency.Limit)
        {
            await Task.Delay(10);
        }

        Assert.False(nodeB.TryReadView<IEmployeeGrain, PostLevelView>("qian", out _));
        var answer = await nodeB.GetGrain<IEmployeeGrain>("qian").GetPostLevelAsync(D("2024-06-02"), CancellationToken.None);
        Assert.Equal(Post.SectionChief, answer.PostLevel.Post);
        Assert.Equal(answer, (await SettledViewAsync(nodeB, "qian")).Answer(D("2024-06-02")));
        Assert.Equal(Post.DeputySectionChief, cached.Answer(D("2024-06-02")).PostLevel.Post);
    }

    /// <summary>Reads through a turn until the node has a view to read: the change notice of a write can reach the node
    /// after it already loaded that write, and mark its activation stale once more.</summary>
    private static async Task<PostLevelView> SettledViewAsync(PersonnelCluster node, string employee)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        PostLevelView? view;
        do
        {
            await node.GetGrain<IEmployeeGrain>(employee).GetPostLevelAsync(D("2024-01-02"), CancellationToken.None);
        }
        while (!node.TryReadView<IEmployeeGrain, PostLevelView>(employee, out view) && watch.Elapsed < PropagationLatency.Limit);

        return view ?? throw new Xunit.Sdk.XunitException($"no view of {employee} within {PropagationLatency.Limit}");
    }

    protected override Task CreateDatabaseAsync()
    {
        _ = ConnectionString;
        return Task.CompletedTask;
    }

    protected override async Task<IEventStore> OpenStoreAsync(EventStoreOptions options) =>
        await PostgresEventStore.OpenAsync(ConnectionString, new PostgresEventStoreOptions { Schema = _schema, NodeId = options.NodeId });

    protected override async Task DropDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
