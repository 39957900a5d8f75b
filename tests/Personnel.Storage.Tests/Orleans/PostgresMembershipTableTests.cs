using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;
using Personnel.Storage.Orleans;

namespace Personnel.Storage.Tests;

/// <summary>
/// The clustering queries on PostgreSQL through Orleans' own membership table (AdoNetClusteringTable), for what a
/// calm cluster of silos never does: writes over a stale table version, the cleanup of Dead silos, and deleting a
/// cluster's rows.
/// </summary>
public sealed class PostgresMembershipTableTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 12, 4, 8, 0, 0, DateTimeKind.Utc);

    private readonly PostgresOrleansTestDatabase _database = new();
    private readonly string _clusterId = "c" + Guid.NewGuid().ToString("N")[..12];
    private AdoNetClusteringTable _table = null!;

    public async Task InitializeAsync()
    {
        var orleans = await _database.EnsureAsync();
        _table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = _clusterId, ServiceId = _clusterId }),
            Options.Create(new AdoNetClusteringSiloOptions
            {
                Invariant = orleans.Invariant,
                ConnectionString = new NpgsqlConnectionStringBuilder(orleans.ConnectionString) { ApplicationName = _clusterId }.ConnectionString,
            }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await _table.InitializeMembershipTableAsync(tryInitTableVersion: true);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_write_over_a_stale_table_version_changes_nothing_and_answers_false()
    {
        var a = Silo(1, SiloStatus.Active);
        var b = Silo(2, SiloStatus.Active);
        var empty = (await _table.ReadAllAsync()).Version;

        Assert.True(await _table.InsertRowAsync(a, empty.Next()));
        Assert.False(await _table.InsertRowAsync(b, empty.Next()));
        Assert.Equal([1], await PortsAsync());

        var current = (await _table.ReadAllAsync()).Version;
        a.Status = SiloStatus.Dead;
        Assert.False(await _table.UpdateRowAsync(a, empty.VersionEtag, empty.Next()));
        Assert.Equal(SiloStatus.Active, (await _table.ReadRowAsync(a.SiloAddress)).Members.Single().Item1.Status);
        Assert.True(await _table.UpdateRowAsync(a, current.VersionEtag, current.Next()));

        var after = await _table.ReadAllAsync();
        Assert.Equal(SiloStatus.Dead, after.Members.Single().Item1.Status);
        Assert.Equal(current.Version + 1, after.Version.Version);
    }

    [Fact]
    public async Task Of_eight_silos_inserting_over_the_same_version_at_once_exactly_one_succeeds()
    {
        var version = (await _table.ReadAllAsync()).Version;

        // Hold the version row so that all eight are inside their statement before any can finish.
        await using var blocker = new NpgsqlConnection(OrleansSchema.ForPostgres(_database.Target, _database.Options.Schema).ConnectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT 1 FROM OrleansMembershipVersionTable WHERE DeploymentId = '{_clusterId}' FOR UPDATE", blocker))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        var inserts = Enumerable.Range(1, 8).Select(port => Task.Run(() => _table.InsertRowAsync(Silo(port, SiloStatus.Joining), version.Next()))).ToList();
        await WaitUntilWaitingAsync(8);
        await hold.CommitAsync();
        var results = await Task.WhenAll(inserts);

        Assert.Single(results, true);
        Assert.Single(await PortsAsync());
        Assert.Equal(version.Version + 1, (await _table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task Cleanup_deletes_only_Dead_silos_last_seen_before_the_cutoff_and_leaves_the_version()
    {
        await InsertAsync(Silo(1, SiloStatus.Dead));
        await InsertAsync(Silo(2, SiloStatus.Active));
        await InsertAsync(Silo(3, SiloStatus.Dead, aliveAt: Start.AddHours(2)));
        var version = (await _table.ReadAllAsync()).Version.Version;

        await _table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Start.AddHours(1)));

        Assert.Equal([2, 3], await PortsAsync());
        Assert.Equal(version, (await _table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task A_heartbeat_never_moves_IAmAliveTime_backwards()
    {
        var a = Silo(1, SiloStatus.Active, aliveAt: Start.AddMinutes(5));
        await InsertAsync(a);

        await _table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = a.SiloAddress, IAmAliveTime = Start.AddMinutes(10) });
        await _table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = a.SiloAddress, IAmAliveTime = Start.AddMinutes(7) });

        Assert.Equal(Start.AddMinutes(10), (await _table.ReadRowAsync(a.SiloAddress)).Members.Single().Item1.IAmAliveTime);
    }

    [Fact]
    public async Task Deleting_the_cluster_removes_its_silos_and_its_version_row()
    {
        await InsertAsync(Silo(1, SiloStatus.Active));

        await _table.DeleteMembershipTableEntriesAsync(_clusterId);

        Assert.Empty(await PortsAsync());
        Assert.Empty(await _database.ReadAsync($"SELECT 1 FROM OrleansMembershipVersionTable WHERE DeploymentId = '{_clusterId}'"));
    }

    private static MembershipEntry Silo(int port, SiloStatus status, DateTime? aliveAt = null) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 1),
        SiloName = $"silo-{port}",
        HostName = "localhost",
        Status = status,
        ProxyPort = 30000 + port,
        StartTime = Start,
        IAmAliveTime = aliveAt ?? Start,
    };

    /// <summary>Waits until <paramref name="count"/> of this test's statements wait on a lock (asked outside the
    /// blocking transaction: pg_stat_activity is read once per transaction).</summary>
    private async Task WaitUntilWaitingAsync(int count)
    {
        var waiting = $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{_clusterId}' AND wait_event_type = 'Lock'";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((long)(await _database.ReadAsync(waiting)).Single()[0] < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }

    private async Task InsertAsync(MembershipEntry entry) =>
        Assert.True(await _table.InsertRowAsync(entry, (await _table.ReadAllAsync()).Version.Next()));

    private async Task<List<int>> PortsAsync() =>
        (await _database.ReadAsync($"SELECT Port FROM OrleansMembershipTable WHERE DeploymentId = '{_clusterId}' ORDER BY Port"))
            .Select(r => (int)r[0]).ToList();
}
