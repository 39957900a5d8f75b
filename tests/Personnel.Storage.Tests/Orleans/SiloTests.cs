using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Personnel.Storage.Orleans;

namespace Personnel.Storage.Tests;

/// <summary>
/// Real silos on the Orleans schema of each dialect: grain state survives a silo, two writers over one version
/// conflict, and a reminder is stored and fires. PostgreSQL adds the membership of two silos.
/// </summary>
public abstract class SiloContract(OrleansTestDatabase database) : IAsyncLifetime
{
    private readonly List<SiloHost> _silos = [];

    protected OrleansTestDatabase Database { get; } = database;

    protected string ClusterId { get; } = "c" + Guid.NewGuid().ToString("N")[..12];

    protected string ServiceId => ClusterId + "-service";

    protected TickLog Ticks { get; } = new();

    protected OrleansDatabase Orleans { get; private set; } = null!;

    public async Task InitializeAsync() => Orleans = await Database.EnsureAsync();

    public async Task DisposeAsync()
    {
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    [Fact]
    public async Task Grain_state_written_on_one_silo_is_read_back_by_a_silo_started_after_it_stopped()
    {
        var first = await StartSiloAsync();
        var counter = first.Grains.GetGrain<ICounterGrain>("emp-1");
        await counter.IncrementAsync();
        Assert.Equal(2, await counter.IncrementAsync());
        await StopAsync(first);

        var second = await StartSiloAsync();
        var count = await second.Grains.GetGrain<ICounterGrain>("emp-1").GetAsync();

        Assert.Equal(2, count);
        var rows = await Database.ReadAsync($"SELECT GrainTypeString, GrainIdExtensionString, Version FROM OrleansStorage WHERE ServiceId = '{ServiceId}'");
        Assert.Equal("counter emp-1 2", string.Join(" ", rows.Single().Select(Convert.ToString)));
    }

    [Fact]
    public async Task A_second_writer_over_the_same_version_gets_a_version_conflict_and_does_not_overwrite()
    {
        var silo = await StartSiloAsync();
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(SiloHost.StorageName);
        var grain = GrainId.Create("counter", "dept-1");
        var (a, b) = (new GrainState<CounterState>(new CounterState()), new GrainState<CounterState>(new CounterState()));

        // Two activations that both found nothing: the first insert wins.
        a.State = new CounterState { Count = 1 };
        await storage.WriteStateAsync("counter", grain, a);
        b.State = new CounterState { Count = 10 };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", grain, b));

        // Two that both read version 1: the first update wins, the second is refused.
        await storage.ReadStateAsync("counter", grain, b);
        a.State = new CounterState { Count = 2 };
        await storage.WriteStateAsync("counter", grain, a);
        b.State = new CounterState { Count = 20 };
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", grain, b));
        var stale = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("counter", grain, b));

        var stored = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("counter", grain, stored);
        Assert.Equal((2, "2", true), (stored.State?.Count, stored.ETag, stored.RecordExists));
        Assert.Contains("ETag=1", conflict.Message);
        Assert.Contains("ClearState", stale.Message);
    }

    [Fact]
    public async Task Of_eight_activations_writing_a_grain_never_written_at_once_exactly_one_succeeds()
    {
        var silo = await StartSiloAsync();
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(SiloHost.StorageName);
        var grain = GrainId.Create("counter", "dept-2");

        var writes = await Task.WhenAll(Enumerable.Range(1, 8).Select(n => Task.Run(async () =>
        {
            try
            {
                await storage.WriteStateAsync("counter", grain, new GrainState<CounterState>(new CounterState { Count = n }));
                return n;
            }
            catch (InconsistentStateException)
            {
                return 0;
            }
        })));

        var winner = Assert.Single(writes, n => n != 0);
        var stored = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("counter", grain, stored);
        Assert.Equal((winner, "1"), (stored.State?.Count ?? 0, stored.ETag));
    }

    [Fact]
    public async Task A_reminder_is_stored_in_the_reminder_table_fires_and_is_deleted_when_unregistered()
    {
        var silo = await StartSiloAsync();
        var counter = silo.Grains.GetGrain<ICounterGrain>("emp-2");

        await counter.StartTickingAsync(TimeSpan.FromSeconds(1));
        var stored = await Database.ReadAsync($"SELECT GrainId, ReminderName, Period, Version FROM OrleansRemindersTable WHERE ServiceId = '{ServiceId}'");
        var fired = await Ticks.FirstAsync("emp-2").WaitAsync(TimeSpan.FromSeconds(30));
        await counter.StopTickingAsync();

        Assert.Equal("tick 1000 0", string.Join(" ", stored.Single().Skip(1).Select(Convert.ToString)));
        Assert.EndsWith("/emp-2", (string)stored.Single()[0]);
        Assert.Equal(CounterGrain.ReminderName, fired);
        Assert.Empty(await Database.ReadAsync($"SELECT 1 FROM OrleansRemindersTable WHERE ServiceId = '{ServiceId}'"));
    }

    protected async Task<SiloHost> StartSiloAsync()
    {
        var silo = await SiloHost.StartAsync(Database.Kind, Orleans, ClusterId, Ticks);
        _silos.Add(silo);
        return silo;
    }

    protected async Task StopAsync(SiloHost silo)
    {
        _silos.Remove(silo);
        await silo.DisposeAsync();
    }
}

/// <summary>A single silo on SQLite, as <c>./run.sh</c> runs: localhost clustering, state and reminders in the file.</summary>
public sealed class SqliteSiloTests() : SiloContract(new SqliteOrleansTestDatabase());

/// <summary>Silos on PostgreSQL: AdoNet clustering too.</summary>
public sealed class PostgresSiloTests() : SiloContract(new PostgresOrleansTestDatabase())
{
    [Fact]
    public async Task A_silo_is_Active_in_the_membership_table_and_a_second_silo_joins_the_same_cluster()
    {
        var first = await StartSiloAsync();
        var afterFirst = await MembersAsync();
        var versionAfterFirst = await VersionAsync();

        var second = await StartSiloAsync();
        var members = await MembersAsync();
        var hosts = await first.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        Assert.Equal([$"{first.SiloPort} 3"], afterFirst);
        Assert.Equal(new[] { $"{first.SiloPort} 3", $"{second.SiloPort} 3" }.Order(), members.Order());
        Assert.True(await VersionAsync() > versionAfterFirst, "the second silo's join did not advance the membership version");
        Assert.Equal(new[] { first.SiloPort, second.SiloPort }.Order(), hosts.Keys.Select(h => h.Endpoint.Port).Order());
    }

    private async Task<List<string>> MembersAsync() =>
        (await Database.ReadAsync($"SELECT Port, Status FROM OrleansMembershipTable WHERE DeploymentId = '{ClusterId}'"))
            .Select(r => $"{r[0]} {r[1]}").ToList();

    private async Task<int> VersionAsync() =>
        (int)(await Database.ReadAsync($"SELECT Version FROM OrleansMembershipVersionTable WHERE DeploymentId = '{ClusterId}'")).Single()[0];
}
