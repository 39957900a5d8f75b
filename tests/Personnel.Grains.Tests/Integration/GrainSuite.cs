using Personnel.Domain.Departments;
using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using Personnel.Domain.Profiles;
using Personnel.Grains.Abstractions;
using Personnel.Storage;
using Personnel.Storage.Orleans;

namespace Personnel.Grains.Tests.Integration;

/// <summary>
/// The grain suite: every test runs on an in-process Orleans cluster (<see cref="GrainNode"/>) on SQLite and on PostgreSQL
/// (the subclasses), each against a fresh database. The civil dates are the commands' own.
/// </summary>
public abstract partial class GrainSuite : IAsyncLifetime
{
    protected static readonly DepartmentId Planning = new("planning");
    protected static readonly PostGrade L4S5 = new(4, 5);
    protected static readonly PostGrade L6S5 = new(6, 5);
    protected static readonly PostGrade L7S5 = new(7, 5);

    private readonly List<IEventStore> _stores = [];
    private readonly List<GrainNode> _nodes = [];
    private int _requests;

    protected IEventStore Store { get; private set; } = null!;

    protected GrainNode Cluster { get; private set; } = null!;

    /// <summary>Gets where Orleans' grain storage keeps the snapshots: the suite's database, as on the server.</summary>
    protected OrleansDatabase OrleansTables { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        // Node ids unlike the storage suite's ("node-a", "node-b"), whose tests end the connections of their application
        // names (personnel-node-a …) on the same PostgreSQL while this suite may be running beside them.
        Store = await OpenAsync("grains-node-a");
        OrleansTables = await EnsureOrleansTablesAsync();
        Cluster = await StartNode(Store);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    protected abstract Task CreateDatabaseAsync();

    protected abstract Task<IEventStore> OpenStoreAsync(EventStoreOptions options);

    protected abstract Task DropDatabaseAsync();

    /// <summary>Applies Orleans' tables beside the event store and says how its providers reach them.</summary>
    protected abstract Task<OrleansDatabase> EnsureOrleansTablesAsync();

    protected async Task<IEventStore> OpenAsync(string node)
    {
        var store = await OpenStoreAsync(new EventStoreOptions { NodeId = node });
        _stores.Add(store);
        return store;
    }

    /// <summary>Starts a cluster of <paramref name="silos"/> silos on <paramref name="store"/> (stopped with the test).</summary>
    protected async Task<GrainNode> StartNode(
        IEventStore store, int silos = 1, TimeSpan? outboxPeriod = null, int snapshotEvery = PersonnelGrainOptions.DefaultSnapshotEvery,
        PolicyProfile? profile = null)
    {
        var node = await GrainNode.StartAsync(store, OrleansTables, silos, outboxPeriod, snapshotEvery, profile);
        _nodes.Add(node);
        return node;
    }

    protected static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    protected IEmployeeGrain Employee(string id) => Cluster.GetGrain<IEmployeeGrain>(id);

    protected IDepartmentGrain Department(string id) => Cluster.GetGrain<IDepartmentGrain>(id);

    protected CommandContext Context(string on, string? requestId = null) =>
        new(requestId ?? $"req-{Interlocked.Increment(ref _requests)}", "key-hr", D(on));

    protected async Task<EmployeeCommandResult> Run(string employee, string on, EmployeeCommand command, string? requestId = null)
    {
        switch (command)
        {
            case AppointEmployee appoint:
                await EnsureDepartmentAsync(appoint.Request.DepartmentId);
                break;
            case RotateEmployee rotate:
                await EnsureDepartmentAsync(rotate.To);
                break;
        }

        return await Employee(employee).ExecuteAsync(command, Context(on, requestId), CancellationToken.None);
    }

    /// <summary>Creates the department a test places people in, unless the test created it: an appointment or rotation into
    /// a department never created is refused (AM 第二条).</summary>
    protected async Task EnsureDepartmentAsync(DepartmentId department)
    {
        var existing = await Record.ExceptionAsync(() => Department(department.Value).GetSnapshotAsync(CancellationToken.None));
        if (existing is not null)
        {
            await Run(department.Value, "2000-01-03", new CreateDepartment("Department " + department.Value, DepartmentKind.ZoneDepartment), "ensure-" + department.Value);
        }
    }

    protected Task<DepartmentCommandResult> Run(string department, string on, DepartmentCommand command, string? requestId = null) =>
        Department(department).ExecuteAsync(command, Context(on, requestId), CancellationToken.None);

    /// <summary>A competitive appointment by a person holding the post's own rank, so AM 第五条 is met.</summary>
    protected static AppointEmployee Appointment(string id, DepartmentId department, Post post = Post.DeputySectionChief, PostGrade? grade = null) =>
        new(new AppointmentRequest(
            new EmployeeId(id), department, new PostLevel(post, grade ?? L6S5), AppointmentMethod.Competition, ProbationKind.None,
            D("2045-06-30"), RankFor(post), D("2015-07-01"), Education.Bachelor), $"Name of {id}");

    private static AdministrativeRank RankFor(Post post) => post switch
    {
        Post.DepartmentHead => AdministrativeRank.DivisionHead,
        Post.DeputyHead => AdministrativeRank.DeputyDivision,
        Post.SectionChief => AdministrativeRank.SectionChief,
        _ => AdministrativeRank.DeputySection,
    };

    /// <summary>Appoints <paramref name="count"/> people (ids prefix-1…) to a department on a date.</summary>
    protected async Task<IReadOnlyList<string>> AppointMany(string prefix, DepartmentId department, int count, string on)
    {
        var ids = Enumerable.Range(1, count).Select(i => $"{prefix}-{i:D2}").ToList();
        foreach (var id in ids)
        {
            await Run(id, on, Appointment(id, department));
        }

        return ids;
    }

    protected static async Task<Exception> Refused(Func<Task> call) =>
        await Record.ExceptionAsync(call) ?? throw new Xunit.Sdk.XunitException("the call was not refused");
}
