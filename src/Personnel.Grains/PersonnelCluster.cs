using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Personnel.Domain.Profiles;
using Personnel.Grains.Abstractions;
using Personnel.Grains.Departments;
using Personnel.Grains.Employees;
using Personnel.Grains.Runtime;
using Personnel.Storage;
using Personnel.Storage.Postgres;
using Personnel.Storage.Sqlite;

namespace Personnel.Grains;

/// <summary>
/// One node: the store, the policy profile, the grain runtime with the employee and department grains,
/// the change feed that makes cached activations reload after another node's write, and the outbox
/// dispatcher. The server creates one at start-up and stops it at shutdown.
/// </summary>
public sealed class PersonnelCluster : IGrainFactory, IAsyncDisposable
{
    private readonly bool _ownsStore;
    private readonly IDisposable _subscription;
    private readonly LeadershipOutboxDispatcher _outbox;
    private int _stopped;

    private PersonnelCluster(IEventStore store, bool ownsStore, PolicyProfile profile, PersonnelClusterOptions options)
    {
        Store = store;
        _ownsStore = ownsStore;
        Profile = profile;
        var loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        Services = new GrainServices(store, profile, options.TimeProvider, loggers, options.MaxAttempts);
        Runtime = new GrainRuntime(
                new GrainRuntimeOptions { IdleTimeout = options.IdleTimeout, CollectionPeriod = options.CollectionPeriod },
                options.TimeProvider,
                loggers.CreateLogger<GrainRuntime>())
            .AddGrain<IEmployeeGrain, EmployeeGrain>(() => new EmployeeGrain(Services), EmployeeGrain.GrainType)
            .AddGrain<IDepartmentGrain, DepartmentGrain>(() => new DepartmentGrain(Services), DepartmentGrain.GrainType);
        _outbox = new LeadershipOutboxDispatcher(store, Runtime, options.TimeProvider, options.OutboxPeriod, loggers.CreateLogger<LeadershipOutboxDispatcher>());
        _subscription = store.Changes.Subscribe(OnChange);
        _outbox.Start();
    }

    /// <summary>Gets the store (history and read models are read from it directly).</summary>
    public IEventStore Store { get; }

    /// <summary>Gets the policy profile the grains apply.</summary>
    public PolicyProfile Profile { get; }

    /// <summary>Gets the grain runtime (statistics, idle collection).</summary>
    public GrainRuntime Runtime { get; }

    /// <summary>Gets what the grains are given.</summary>
    public GrainServices Services { get; }

    /// <summary>
    /// Once after the schema change that added the rotation timelines (migration 0002 leaves a marker in a database that
    /// already held employees): every employee's timeline is recomputed from its events and written, then the marker goes.
    /// Runs before the server answers, so no rotation-due list is answered from a half-built model.
    /// </summary>
    public async Task RebuildRotationTimelinesIfNeededAsync(CancellationToken cancellationToken = default)
    {
        const string Kind = "maintenance";
        const string Key = "rotation-timeline-rebuild";
        if (await Store.ReadModels.GetDocumentAsync(Kind, Key, cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        var logger = Services.LoggerFactory.CreateLogger<PersonnelCluster>();
        var count = 0;
        string? after = null;
        while (true)
        {
            var page = await Store.ReadModels.ListEmployeesAsync(null, after, 500, cancellationToken).ConfigureAwait(false);
            foreach (var view in page)
            {
                await Runtime.GetGrain<IEmployeeGrain>(view.EmployeeId).RefreshRotationTimelineAsync(cancellationToken).ConfigureAwait(false);
                count++;
            }

            if (page.Count < 500)
            {
                break;
            }

            after = page[^1].EmployeeId;
        }

        var done = $"rotation-timeline-rebuild:done:{Guid.NewGuid():N}";
        await Store.AppendAsync(new Commit(done, done, "system:rotation-timeline-rebuild", [], [new DeleteDocument(Kind, Key)], "{}"), cancellationToken)
            .ConfigureAwait(false);
        GrainLog.RotationTimelinesRebuilt(logger, count);
    }

    /// <summary>
    /// Writes the department list (one document per department) from the department-created events, once, for a
    /// database older than the list (schema 0003 leaves a marker when it found departments); a no-op otherwise.
    /// </summary>
    public async Task RebuildDepartmentListIfNeededAsync(CancellationToken cancellationToken = default)
    {
        const string Kind = "maintenance";
        const string Key = "department-list-rebuild";
        if (await Store.ReadModels.GetDocumentAsync(Kind, Key, cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        var writes = new List<ReadModelWrite>();
        for (var after = 0L; ;)
        {
            var page = await Store.ReadAllAsync(after, 5000, cancellationToken).ConfigureAwait(false);
            foreach (var e in page.Where(e => e.Type == Domain.Common.EventTypes.Department.DepartmentCreated))
            {
                var created = (Domain.Departments.DepartmentCreated)System.Text.Json.JsonSerializer.Deserialize<Domain.Departments.DepartmentEvent>(
                    e.Payload, GrainJson.Options)!;
                writes.Add(Departments.DepartmentListEntry.Put(created));
            }

            if (page.Count < 5000)
            {
                break;
            }

            after = page[^1].Position;
        }

        writes.Add(new DeleteDocument(Kind, Key));
        var done = $"department-list-rebuild:done:{Guid.NewGuid():N}";
        await Store.AppendAsync(new Commit(done, done, "system:department-list-rebuild", [], writes, "{}"), cancellationToken).ConfigureAwait(false);
        GrainLog.DepartmentListRebuilt(Services.LoggerFactory.CreateLogger<PersonnelCluster>(), writes.Count - 1);
    }

    /// <summary>Opens the store named by <paramref name="options"/>, loads the profile and starts the node.</summary>
    public static async Task<PersonnelCluster> StartAsync(PersonnelClusterOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if ((options.SqlitePath is null) == (options.PostgresConnectionString is null))
        {
            throw new ArgumentException("Set exactly one of SqlitePath and PostgresConnectionString.", nameof(options));
        }

        var profile = PolicyProfiles.Load(options.ProfileName);
        IEventStore store = options.SqlitePath is { } path
            ? await SqliteEventStore.OpenAsync(path, new EventStoreOptions
            {
                NodeId = options.NodeId ?? Guid.NewGuid().ToString("N"),
                TimeProvider = options.TimeProvider,
                LoggerFactory = options.LoggerFactory,
            }, cancellationToken).ConfigureAwait(false)
            : await PostgresEventStore.OpenAsync(options.PostgresConnectionString!, new PostgresEventStoreOptions
            {
                NodeId = options.NodeId ?? Guid.NewGuid().ToString("N"),
                Schema = options.PostgresSchema,
                TimeProvider = options.TimeProvider,
                LoggerFactory = options.LoggerFactory,
            }, cancellationToken).ConfigureAwait(false);
        return new PersonnelCluster(store, ownsStore: true, profile, options);
    }

    /// <summary>Starts a node on a store the caller owns (tests, tools); the store is not disposed by the node.</summary>
    public static PersonnelCluster Start(IEventStore store, PolicyProfile profile, PersonnelClusterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(profile);
        return new PersonnelCluster(store, ownsStore: false, profile, options ?? new PersonnelClusterOptions());
    }

    /// <inheritdoc/>
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey => Runtime.GetGrain<TGrainInterface>(key);

    /// <inheritdoc/>
    public bool TryReadView<TGrainInterface, TView>(string key, [NotNullWhen(true)] out TView? view)
        where TGrainInterface : IGrainWithStringKey
        where TView : class => Runtime.TryReadView<TGrainInterface, TView>(key, out view);

    /// <summary>Delivers the waiting leadership adjustments now (the dispatcher also does so on its own).</summary>
    public Task<int> DispatchOutboxAsync(CancellationToken cancellationToken = default) => _outbox.DispatchOnceAsync(cancellationToken);

    /// <summary>Stops the node: unsubscribes, stops the dispatcher, finishes the queued calls, deactivates
    /// everything and closes the store it opened.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        _subscription.Dispose();
        await _outbox.DisposeAsync().ConfigureAwait(false);
        await Runtime.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_ownsStore)
        {
            await Store.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>Another node's write makes the cached activation stale: it reloads before its next answer.
    /// A department write (here or there) may carry an outbox entry: prompt the dispatcher.</summary>
    private void OnChange(StreamChange change)
    {
        if (change.StreamId.StartsWith(StreamIds.DepartmentPrefix, StringComparison.Ordinal))
        {
            _outbox.Signal();
            if (!change.IsLocal)
            {
                Runtime.Invalidate(DepartmentGrain.GrainType, change.StreamId[StreamIds.DepartmentPrefix.Length..]);
            }
        }
        else if (!change.IsLocal && change.StreamId.StartsWith(StreamIds.EmployeePrefix, StringComparison.Ordinal))
        {
            Runtime.Invalidate(EmployeeGrain.GrainType, change.StreamId[StreamIds.EmployeePrefix.Length..]);
        }
    }
}
