using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Personnel.Domain.Profiles;
using Personnel.Grains.Abstractions;
using Personnel.Grains.Views;
using Personnel.Storage;
using Personnel.Storage.Orleans;

namespace Personnel.Grains.Tests.Integration;

/// <summary>
/// A cluster of in-process Orleans silos (Microsoft.Orleans.TestingHost) running the personnel grains on one event store,
/// as the server runs them: each silo's own grain factory makes the calls, so a call to a grain on another silo crosses
/// Orleans' serializers as it does between server processes.
/// </summary>
public sealed class GrainNode : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private GrainNode(InProcessTestCluster cluster, FakeTimeProvider viewClock, FakeTimeProvider clock)
    {
        _cluster = cluster;
        ViewClock = viewClock;
        Clock = clock;
    }

    /// <summary>Gets the clock of the silos' post-level views (how old a fetched entry is).</summary>
    public FakeTimeProvider ViewClock { get; }

    /// <summary>Gets the rules' clock (<see cref="PersonnelSilo.ClockKey"/>): what day it is when a due-dates reminder ticks.
    /// It starts at 08:00 on 2 January 2024 in Shanghai and moves only when a test moves it, so no reminder set from it comes
    /// due while a test runs (Orleans waits on its own, real clock).</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>Gets the silos.</summary>
    public IReadOnlyList<InProcessSiloHandle> Silos => _cluster.Silos;

    /// <summary>Starts <paramref name="silos"/> silos on <paramref name="store"/>, with Orleans' grain storage (the employee
    /// grains' snapshots, every <paramref name="snapshotEvery"/> events) on <paramref name="state"/>, as the server runs.</summary>
    public static async Task<GrainNode> StartAsync(
        IEventStore store, OrleansDatabase state, int silos = 1, TimeSpan? outboxPeriod = null, int snapshotEvery = PersonnelGrainOptions.DefaultSnapshotEvery,
        PolicyProfile? profile = null)
    {
        var viewClock = new FakeTimeProvider(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero));
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero));
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ConfigureFileLogging = false;
        // One service across a test's clusters, as across restarts of the server: grain state (the employee snapshots)
        // written by one is read by the next.
        builder.Options.ServiceId = "personnel-grain-suite";
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddSingleton(store);
            host.Services.AddSingleton(profile ?? PolicyProfiles.Default);
            host.Services.AddKeyedSingleton<TimeProvider>(PersonnelSilo.ViewClockKey, viewClock);
            host.Services.AddKeyedSingleton<TimeProvider>(PersonnelSilo.ClockKey, clock);
        });
        builder.ConfigureSilo((_, silo) => silo
            .AddPersonnelGrains(new PersonnelGrainOptions
            {
                OutboxPeriod = outboxPeriod ?? TimeSpan.FromHours(1), ViewMaxAge = TimeSpan.FromSeconds(1), SnapshotEvery = snapshotEvery,
            })
            .AddAdoNetGrainStorage(GrainProviders.State, o => (o.Invariant, o.ConnectionString) = (state.Invariant, state.ConnectionString))
            .UseInMemoryReminderService()
            // A thousand calls queued on one grain wait behind one durable commit each (on a busy machine, over a
            // minute on PostgreSQL); the suite tests that they run one at a time, not Orleans' default 30 s timeout.
            .Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(3)));
        builder.ConfigureClient(client => PersonnelSilo.AddDomainSerializer(client.Services));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GrainNode(cluster, viewClock, clock);
    }

    /// <summary>The grain factory of silo <paramref name="silo"/>.</summary>
    public IGrainFactory Factory(int silo = 0) => _cluster.Silos[silo].ServiceProvider.GetRequiredService<IGrainFactory>();

    /// <summary>The post-level view of silo <paramref name="silo"/>.</summary>
    public PostLevelViews Views(int silo = 0) => _cluster.Silos[silo].ServiceProvider.GetRequiredService<PostLevelViews>();

    /// <summary>The post-level reader of silo <paramref name="silo"/>.</summary>
    public PostLevelReader Reader(int silo = 0) => _cluster.Silos[silo].ServiceProvider.GetRequiredService<PostLevelReader>();

    /// <summary>A grain reached through silo 0.</summary>
    public TGrain GetGrain<TGrain>(string key)
        where TGrain : IGrainWithStringKey => Factory().GetGrain<TGrain>(key);

    /// <summary>Delivers <paramref name="department"/>'s waiting leadership adjustments now.</summary>
    public Task<int> DeliverOutboxAsync(string department = "planning") =>
        GetGrain<ILeadershipOutboxGrain>(department).DeliverAsync(CancellationToken.None);

    /// <summary>Ticks <paramref name="employee"/>'s due-dates reminder now, as Orleans' reminder service does (through the
    /// grain's <see cref="IRemindable"/> interface).</summary>
    public Task TickDueDatesAsync(string employee)
    {
        var now = DateTime.UtcNow;
        return GetGrain<IEmployeeGrain>(employee).AsReference<IRemindable>()
            .ReceiveReminder(Employees.EmployeeGrain.DueDatesReminder, new TickStatus(now, TimeSpan.FromDays(1), now));
    }

    /// <summary>The row of <paramref name="employee"/>'s due-dates reminder in the reminder table; null when none is set.</summary>
    public Task<ReminderEntry?> DueDatesReminderAsync(string employee) =>
        _cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>()
            .ReadRow(GetGrain<IEmployeeGrain>(employee).GetGrainId(), Employees.EmployeeGrain.DueDatesReminder);

    /// <summary>Deletes <paramref name="employee"/>'s due-dates reminder from the table, as for a person appointed before reminders existed.</summary>
    public async Task ForgetDueDatesReminderAsync(string employee)
    {
        var row = await DueDatesReminderAsync(employee) ?? throw new InvalidOperationException($"{employee} has no due-dates reminder");
        await _cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>().RemoveRow(row.GrainId, row.ReminderName, row.ETag!);
    }

    /// <summary>Deactivates <paramref name="grain"/> and waits until it is gone.</summary>
    public Task DeactivateAsync(IAddressable grain) => _cluster.DeactivateAsync(grain);

    /// <summary>Whether <paramref name="grain"/> has a live activation on some silo.</summary>
    public bool IsActive(IAddressable grain) => _cluster.TryGetGrainContext(grain.GetGrainId(), out _);

    /// <summary>Stops silo <paramref name="silo"/> abruptly, as a killed process would.</summary>
    public Task KillSiloAsync(int silo) => _cluster.KillSiloAsync(_cluster.Silos[silo]);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();
}
