using System.Text.Json;
using Microsoft.Extensions.Logging;
using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Grains.Departments;

/// <summary>
/// One department's activation: the aggregate from its stream. It never calls an employee grain: a
/// leadership adjustment it orders is written to the outbox in the same commit as its events, and the
/// <see cref="LeadershipOutboxDispatcher"/> delivers it to the head afterwards.
/// </summary>
public sealed partial class DepartmentGrain : Grain, IDepartmentGrain
{
    /// <summary>The grain type name in identities and invalidations.</summary>
    public const string GrainType = "department";

    private readonly GrainServices _services;
    private readonly ILogger _logger;
    private Department? _department;
    private long _version;

    public DepartmentGrain(GrainServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _logger = services.LoggerFactory.CreateLogger<DepartmentGrain>();
    }

    private IEventStore Store => _services.Store;

    private string Key => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ = new DepartmentId(Key);
        return LoadAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public Task<DepartmentCommandResult> Create(CreateDepartment command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<DepartmentCommandResult> RecordAssessment(RecordDepartmentAssessment command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<DepartmentCommandResult> CorrectAssessment(CorrectDepartmentAssessment command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<DepartmentCommandResult> RecordLeadershipAdjustmentDelivery(
        RecordLeadershipAdjustmentDelivery command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<DepartmentCommandResult> DischargeLeadershipAdjustment(
        DischargeLeadershipAdjustment command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <summary>Carries out one command, or returns the first result of a retried request id.</summary>
    private async Task<DepartmentCommandResult> RunAsync(DepartmentCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        CommandChecks.Validate(context);
        var fingerprint = GrainJson.Fingerprint(GrainType, Key, context.Today, command);
        var first = await Store.GetRequestAsync(context.RequestId, cancellationToken);
        if (first is not null)
        {
            return CommandChecks.Replay<DepartmentCommandResult>(first.Fingerprint, fingerprint, first.Result, context.RequestId, r => r with { Replayed = true });
        }

        for (var attempt = 1; ; attempt++)
        {
            var (commit, result) = await PlanAsync(command, context, fingerprint, cancellationToken);
            AppendOutcome outcome;
            try
            {
                outcome = await Store.AppendAsync(commit, cancellationToken);
            }
            catch
            {
                DeactivateOnIdle();
                throw;
            }

            if (outcome is Appended)
            {
                _department!.MarkCommitted();
                _version = result.Snapshot.Version;
                if (commit.ReadModelWrites.Any(w => w is PutDocument { Kind: StreamIds.LeadershipOutbox }))
                {
                    // The entry is durable in the commit; the outbox grain's reminder is registered before this answers, so the
                    // entry is delivered even if this silo dies now.
                    await GrainFactory.GetGrain<ILeadershipOutboxGrain>(Key).Wake();
                }

                return result;
            }

            await LoadAsync(cancellationToken);
            switch (outcome)
            {
                case Duplicate duplicate:
                    return CommandChecks.Replay<DepartmentCommandResult>(fingerprint, fingerprint, duplicate.Result, context.RequestId, r => r with { Replayed = true });
                case RequestIdReused:
                    throw new RequestIdReusedException(context.RequestId);
                case WrongExpectedVersion conflict:
                    CommandChecks.OnConflict(_logger, conflict, attempt, _services.MaxAttempts);
                    break;
                default:
                    throw new InvalidOperationException($"unexpected append outcome {outcome.GetType().Name}");
            }
        }
    }

    private async Task<(Commit Commit, DepartmentCommandResult Result)> PlanAsync(
        DepartmentCommand command, CommandContext context, string fingerprint, CancellationToken cancellationToken)
    {
        var on = context.Today;
        try
        {
            Apply(command, on);
        }
        catch
        {
            if (_department is { UncommittedEvents.Count: > 0 })
            {
                await LoadAsync(cancellationToken);
            }

            throw;
        }

        var department = _department!;
        var stream = StreamIds.Department(Key);
        var events = department.UncommittedEvents
            .Select(e => new NewEvent(GrainJson.Discriminator<DepartmentEvent>(e.GetType()), JsonSerializer.Serialize(e, GrainJson.Options), e.OccurredOn))
            .ToList();
        var writes = new List<ReadModelWrite>();
        var appended = new List<AppendedEvent>();
        for (var i = 0; i < events.Count; i++)
        {
            var version = _version + i + 1;
            appended.Add(new AppendedEvent(stream, version, events[i].Type, events[i].Payload, events[i].OccurredOn));
            writes.AddRange(OutboxWrites(department, department.UncommittedEvents[i], version));
            if (department.UncommittedEvents[i] is DepartmentCreated created)
            {
                writes.Add(DepartmentListEntry.Put(created));
            }
        }

        var newVersion = _version + events.Count;
        var result = new DepartmentCommandResult(
            Snapshot(newVersion),
            appended,
            department.UncommittedEvents.OfType<YellowCardIssued>().SelectMany(y => y.Grounds).ToList(),
            department.UncommittedEvents.OfType<DepartmentLeadershipAdjustmentOrdered>().Select(o => (LeadershipAdjustmentGround?)o.Ground).FirstOrDefault());
        var commit = new Commit(context.RequestId, fingerprint, context.RecordedBy,
            [new StreamAppend(stream, _version, events)], writes, JsonSerializer.Serialize(result, GrainJson.Options));
        return (commit, result);
    }

    /// <summary>
    /// What a department event asks of the leadership outbox, in the event's own commit: an order is queued for the
    /// head; a delivered or discharged order leaves the queue; a rescission removes an order not yet settled, and is
    /// queued for the head an order reached (also when the delivery is recorded after the rescission).
    /// </summary>
    private IEnumerable<ReadModelWrite> OutboxWrites(Department department, DepartmentEvent e, long version)
    {
        switch (e)
        {
            case DepartmentLeadershipAdjustmentOrdered ordered:
                yield return Put(version, new LeadershipOutboxEntry(Key, ordered.Year, ordered.OccurredOn, $"leadership-adjustment:{Key}:{version}"));
                break;
            case LeadershipAdjustmentRescinded rescinded:
                var order = department.LeadershipOrders.LastOrDefault(o => o.Year == rescinded.Year && o.Rescinded);
                if (order is { IsUnsettled: true })
                {
                    yield return new DeleteDocument(StreamIds.LeadershipOutbox, $"{Key}:{order.Order}");
                }
                else if (order?.DeliveredTo is { } head)
                {
                    yield return Rescission(order, head, rescinded.OccurredOn);
                }

                break;
            case LeadershipAdjustmentDelivered delivered:
                yield return new DeleteDocument(StreamIds.LeadershipOutbox, $"{Key}:{delivered.Order}");
                if (department.LeadershipOrderOf(delivered.Order) is { Rescinded: true } late)
                {
                    yield return Rescission(late, delivered.HeadEmployeeId, delivered.OccurredOn);
                }

                break;
            case LeadershipAdjustmentDischarged discharged:
                yield return new DeleteDocument(StreamIds.LeadershipOutbox, $"{Key}:{discharged.Order}");
                break;
        }
    }

    private PutDocument Put(long order, LeadershipOutboxEntry entry, string suffix = "") =>
        new(StreamIds.LeadershipOutbox, $"{Key}:{order}{suffix}", JsonSerializer.Serialize(entry, GrainJson.Options));

    private PutDocument Rescission(LeadershipOrder order, string head, DateOnly on) =>
        Put(order.Order, new LeadershipOutboxEntry(Key, order.Year, on, $"leadership-adjustment-rescinded:{Key}:{order.Order}", head), ":rescinded");

    private void Apply(DepartmentCommand command, DateOnly on)
    {
        var policy = _services.Profile.Departments;
        switch (command)
        {
            case CreateDepartment c:
                if (_department is not null)
                {
                    throw new RuleViolationException(Rules.DepartmentExists, $"{Key} exists already ({_department.Name})", ViolationKind.AlreadyExists);
                }

                _department = Department.Create(new DepartmentId(Key), c.Name, c.Kind, on);
                break;
            case RecordDepartmentAssessment c:
                EnsureExists().RecordAssessment(c.Year, c.Tier, c.CityRank, on, policy);
                break;
            case CorrectDepartmentAssessment c:
                EnsureExists().CorrectAssessment(c.Year, c.Tier, c.CityRank, c.Reason, on, policy);
                break;
            case RecordLeadershipAdjustmentDelivery c:
                EnsureExists().RecordLeadershipAdjustmentDelivered(c.Order, c.HeadEmployeeId, on);
                break;
            case DischargeLeadershipAdjustment c:
                EnsureExists().DischargeLeadershipAdjustment(c.Order, c.HeadEmployeeId, c.HeadSince);
                break;
            default:
                throw new RuleViolationException(Rules.WellFormedInput, $"unknown department command {command.GetType().Name}", ViolationKind.InvalidArgument);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var recorded = await Store.ReadStreamAsync(StreamIds.Department(Key), 1, cancellationToken);
        _department = recorded.Count == 0
            ? null
            : Department.FromHistory(recorded.Select(r => JsonSerializer.Deserialize<DepartmentEvent>(r.Payload, GrainJson.Options)!));
        _version = recorded.Count == 0 ? 0 : recorded[^1].Version;
    }

    private Department EnsureExists() =>
        _department ?? throw new RuleViolationException(Rules.DepartmentExists, $"department {Key} has not been created", ViolationKind.NotFound);

    private DepartmentSnapshot Snapshot(long version)
    {
        var d = EnsureExists();
        return new DepartmentSnapshot(Key, d.Name, d.Kind, d.CreatedOn, d.Years.ToList(), version);
    }
}

/// <summary>A leadership adjustment waiting for delivery to the department's head, or its rescission waiting for the head it reached.</summary>
/// <param name="RequestId">The request id the delivery uses, derived from the department event, so a
/// repeated delivery is answered from the first and records nothing.</param>
/// <param name="RescindFor">Set for a rescission: the head the rescinded order reached, whose mandatory rotation it lifts.</param>
public sealed record LeadershipOutboxEntry(
    string DepartmentId, int Year, DateOnly On, string RequestId,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? RescindFor = null);
