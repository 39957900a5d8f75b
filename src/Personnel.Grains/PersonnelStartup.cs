using Microsoft.Extensions.Logging;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Grains;

/// <summary>
/// Runs as the silo starts, before the server answers: the one-off rebuilds a schema change may ask for (their markers
/// say), and a wake-up of every department whose leadership-adjustment outbox holds entries (their reminders keep
/// delivery going from then on). Each step is safe when several silos start at once.
/// </summary>
/// <remarks>
/// It activates no employee grain: a rebuild reads the streams from the store, and the employees' due-dates reminders are
/// durable rows of the reminder table, set by each person's commits, so nothing needs waking for them. A person recorded
/// before the reminders existed gets theirs with their next write (that activation's first commit sets it); their due dates
/// that arrived meanwhile are announced at the first tick after it.
/// </remarks>
internal sealed class PersonnelStartup(GrainServices services, IGrainFactory grains, ILogger<PersonnelStartup> logger) : IStartupTask
{
    private readonly IEventStore _store = services.Store;
    private readonly Domain.Grading.GradingPolicy _policy = services.Profile.Grading;
    private readonly IGrainFactory _grains = grains;
    private readonly ILogger _logger = logger;

    /// <inheritdoc/>
    public async Task Execute(CancellationToken cancellationToken)
    {
        await RebuildRotationTimelinesIfNeededAsync(cancellationToken);
        await RebuildDepartmentListIfNeededAsync(cancellationToken);
        await WakeOutboxesAsync(cancellationToken);
    }

    /// <summary>Wakes the outbox grain of every department with a waiting entry (an entry older than the reminders).</summary>
    private async Task WakeOutboxesAsync(CancellationToken cancellationToken)
    {
        var departments = new HashSet<string>(StringComparer.Ordinal);
        for (string? after = null; ;)
        {
            var page = await _store.ReadModels.ListDocumentsAsync(StreamIds.LeadershipOutbox, after, 500, cancellationToken);
            departments.UnionWith(page.Select(d => d.Key[..d.Key.IndexOf(':', StringComparison.Ordinal)]));
            if (page.Count < 500)
            {
                break;
            }

            after = page[^1].Key;
        }

        foreach (var department in departments)
        {
            await _grains.GetGrain<ILeadershipOutboxGrain>(department).Wake();
        }
    }

    /// <summary>
    /// Once after the schema change that added the rotation timelines (migration 0002 leaves a marker in a database that
    /// already held employees): every employee's timeline is recomputed from its events and written, then the marker goes.
    /// Runs before the server answers, so no rotation-due list is answered from a half-built model. The streams are read
    /// here, not through the grains: a rebuild does not activate every employee. The request id names the version the
    /// timeline was computed at, so a silo starting at the same time writes the same rows once.
    /// </summary>
    private async Task RebuildRotationTimelinesIfNeededAsync(CancellationToken cancellationToken = default)
    {
        const string Kind = "maintenance";
        const string Key = "rotation-timeline-rebuild";
        if (await _store.ReadModels.GetDocumentAsync(Kind, Key, cancellationToken) is null)
        {
            return;
        }

        var count = 0;
        string? after = null;
        while (true)
        {
            var page = await _store.ReadModels.ListEmployeesAsync(null, after, 500, cancellationToken);
            foreach (var view in page)
            {
                var recorded = await _store.ReadStreamAsync(StreamIds.Employee(view.EmployeeId), 1, cancellationToken);
                var employee = Employees.EmployeeGrain.Replay(recorded, _policy);
                if (employee.IsAppointed)
                {
                    var requestId = $"rotation-timeline:{recorded[^1].Version}:{view.EmployeeId}";
                    var rows = new ReplaceRotationTimeline(view.EmployeeId, Employees.EmployeeGrain.TimelineRows(employee));
                    await _store.AppendAsync(new Commit(requestId, requestId, "system:rotation-timeline-rebuild", [], [rows], "{}"), cancellationToken);
                }

                count++;
            }

            if (page.Count < 500)
            {
                break;
            }

            after = page[^1].EmployeeId;
        }

        var done = $"rotation-timeline-rebuild:done:{Guid.NewGuid():N}";
        await _store.AppendAsync(new Commit(done, done, "system:rotation-timeline-rebuild", [], [new DeleteDocument(Kind, Key)], "{}"), cancellationToken);
        GrainLog.RotationTimelinesRebuilt(_logger, count);
    }

    /// <summary>
    /// Writes the department list (one document per department) from the department-created events, once, for a
    /// database older than the list (schema 0003 leaves a marker when it found departments); a no-op otherwise.
    /// </summary>
    private async Task RebuildDepartmentListIfNeededAsync(CancellationToken cancellationToken = default)
    {
        const string Kind = "maintenance";
        const string Key = "department-list-rebuild";
        if (await _store.ReadModels.GetDocumentAsync(Kind, Key, cancellationToken) is null)
        {
            return;
        }

        var writes = new List<ReadModelWrite>();
        for (var after = 0L; ;)
        {
            var page = await _store.ReadAllAsync(after, 5000, cancellationToken);
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
        await _store.AppendAsync(new Commit(done, done, "system:department-list-rebuild", [], writes, "{}"), cancellationToken);
        GrainLog.DepartmentListRebuilt(_logger, writes.Count - 1);
    }

}
