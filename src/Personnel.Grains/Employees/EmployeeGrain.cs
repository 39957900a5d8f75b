using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;
using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Grains.Abstractions;
using Personnel.Grains.Views;
using Personnel.Storage;

namespace Personnel.Grains.Employees;

/// <summary>
/// One employee: an Orleans journaled grain whose log is the project's event store (the CustomStorage provider). Its
/// confirmed state is the aggregate rebuilt from the stream. A command is answered from the first result when its request
/// id was seen; otherwise the aggregate decides it — every rule checked before anything is raised, so a refusal changes
/// nothing — and the one commit it raises carries the events, the employee's read-model rows, the request-id record and,
/// for a Good or an Excellent, the department ledger's grant with its capped counter, appended in one transaction with
/// the expected-version check. A commit the store declines (a version conflict, a quota taken meanwhile, a request id
/// seen) makes the grain reload its confirmed state from the store; a conflict is retried up to
/// <see cref="GrainServices.MaxAttempts"/>.
/// </summary>
[LogConsistencyProvider(ProviderName = GrainProviders.EventStore)]
public sealed partial class EmployeeGrain
    : JournaledGrain<EmployeeState, EmployeeCommit>, ICustomStorageInterface<EmployeeState, EmployeeCommit>, IEmployeeGrain
{
    /// <summary>The grain type name in request fingerprints.</summary>
    public const string GrainType = "employee";

    /// <summary>A grain-level event before the domain's: the person's name, which the domain does not keep.</summary>
    internal const string NamedEventType = EventTypes.EmployeeGrain.EmployeeNamed;

    private readonly GrainServices _services;
    private readonly PostLevelViews _views;
    private readonly ILogger _logger;

    /// <summary>The post levels of the committed state, also published to this silo's view (<see cref="PostLevelViews"/>).</summary>
    private PostLevelView? _postLevels;

    /// <summary>The gradability documents this activation's own commits wrote and did not delete since.</summary>
    private readonly HashSet<string> _storedGradability = new(StringComparer.Ordinal);

    /// <summary>The gradability window the last commit left, for its date and the version it reached: the next
    /// command on the same day starts from it instead of computing it again (it only changes with the events).</summary>
    private (DateOnly On, long Version, Dictionary<string, string> Map)? _gradability;

    /// <summary>The last snapshot written (<see cref="EmployeeGrainSnapshot"/>), loaded by Orleans before activation.</summary>
    private readonly IPersistentState<EmployeeGrainSnapshot> _snapshot;

    public EmployeeGrain(
        GrainServices services,
        PostLevelViews views,
        [PersistentState("employee-snapshot", GrainProviders.State)] IPersistentState<EmployeeGrainSnapshot> snapshot)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(snapshot);
        _services = services;
        _views = views;
        _snapshot = snapshot;
        _logger = services.LoggerFactory.CreateLogger<EmployeeGrain>();
    }

    private IEventStore Store => _services.Store;

    private GradingPolicy Policy => _services.Profile.Grading;

    private string Key => this.GetPrimaryKeyString();

    private string StreamId => StreamIds.Employee(Key);

    /// <summary>The aggregate of the confirmed state (a command's plan changes it only until the store's answer).</summary>
    private Employee Aggregate => State.Employee;

    /// <summary>The stream version the confirmed state reached.</summary>
    private long CommittedVersion => State.Version;

    private PostLevelView PostLevels => _postLevels ??= PostLevelView.Of(Key, Aggregate, CommittedVersion);

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ = new EmployeeId(Key);
        await base.OnActivateAsync(cancellationToken);

        // A long replay (no snapshot yet, or many events since) is not paid again by the next activation.
        await SnapshotIfDueAsync();
    }

    /// <inheritdoc/>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _views.Release(Key);
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>Rebuilds the aggregate from the last snapshot and the events after it (or the whole stream): the confirmed
    /// state at activation and after a declined commit.</summary>
    public async Task<KeyValuePair<int, EmployeeState>> ReadStateFromStorage()
    {
        var state = await LoadStateAsync();
        _storedGradability.Clear();
        _gradability = null;
        _postLevels = PostLevelView.Of(Key, state.Employee, state.Version);
        _views.Publish(_postLevels, owned: true);
        return new(checked((int)state.Version), state);
    }

    /// <summary>
    /// Appends the commit the grain raised. The store's answer is kept on the commit and the write reported done, even
    /// when the store declined it: Orleans would otherwise re-read and silently re-submit the same commit (for
    /// <c>false</c>) or retry it without pause (for an exception). The grain reads the answer, and for anything but
    /// <see cref="Appended"/> reloads its confirmed state from the store before it answers.
    /// </summary>
    public async Task<bool> ApplyUpdatesToStorage(IReadOnlyList<EmployeeCommit> updates, int expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(updates);
        foreach (var update in updates)
        {
            try
            {
                update.Outcome = await Store.AppendAsync(update.Commit, update.CancellationToken);
            }
            catch (Exception exception)
            {
                update.Failure = ExceptionDispatchInfo.Capture(exception);
            }
        }

        return true;
    }

    /// <summary>A commit the store appended marks the aggregate's pending events committed; a declined one changes nothing.</summary>
    protected override void TransitionState(EmployeeState state, EmployeeCommit @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        if (@event.Outcome is Appended && state.Version < @event.Version)
        {
            state.Employee.MarkCommitted();
            state.Version = @event.Version;
        }
    }

    /// <summary>Carries out one command, or returns the first result of a retried request id.</summary>
    private async Task<EmployeeCommandResult> RunAsync(EmployeeCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        CommandChecks.Validate(context);
        var fingerprint = GrainJson.Fingerprint(GrainType, Key, context.Today, command);
        for (var attempt = 1; ; attempt++)
        {
            if (command is PromoteEmployee)
            {
                // A promotion to a new post judges AM 第五条 on the ranks and years as known on its date: the whole past.
                await EnsureWholeHistoryAsync();
            }

            // The caller's scope is checked first, on the state this attempt runs on (a reload included).
            EnsureInScope(context.Scope);
            var dueBefore = NextDueDay();

            // The request id is not looked up before the command: the commit's transaction checks it first
            // (Duplicate, RequestIdReused) and only a refusal needs the lookup, so a new command saves a round trip.
            Plan plan;
            try
            {
                plan = await PlanAsync(command, context, fingerprint, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A repeat of a recorded request gets the first answer, not the refusal its repeat would earn now.
                var first = await Store.GetRequestAsync(context.RequestId, cancellationToken);
                if (first is not null)
                {
                    return CommandChecks.Replay<EmployeeCommandResult>(first.Fingerprint, fingerprint, first.Result, context.RequestId, r => r with { Replayed = true });
                }

                throw;
            }

            var commit = new EmployeeCommit(plan.Commit, plan.Result.Snapshot.Version, cancellationToken);
            RaiseEvent(commit);
            await ConfirmEvents();
            if (commit.Failure is { } failure)
            {
                AbandonActivation();
                failure.Throw();
            }

            var outcome = commit.Outcome!;
            if (outcome is Appended)
            {
                _storedGradability.Clear();
                _storedGradability.UnionWith(plan.Gradability.Keys);
                _gradability = (plan.On, CommittedVersion, plan.Gradability);
                _postLevels = PostLevelView.Of(Key, Aggregate, CommittedVersion);
                _views.Publish(_postLevels, owned: true);
                if (command is AppointEmployee or PromoteEmployee or RotateEmployee or Abstractions.ChangePost
                    && Aggregate.PostLevel.Post == Domain.Posts.Post.DepartmentHead)
                {
                    // A new head may settle an order waiting in the department's outbox (AM 第十七条): deliver now rather
                    // than on the reminder's next tick (an order waits with its reminder, so none is registered here).
                    // Prompt interleaves, so the outbox calling back here cannot deadlock.
                    await GrainFactory.GetGrain<ILeadershipOutboxGrain>(Aggregate.Department.Value).Prompt();
                }

                await ArrangeDueDatesReminderAsync(dueBefore);
                await SnapshotIfDueAsync();
                return plan.Result;
            }

            // Declined: the plan's changes to the aggregate go, the confirmed state is the store's again.
            await RefreshNow();
            switch (outcome)
            {
                case Duplicate duplicate:
                    return CommandChecks.Replay<EmployeeCommandResult>(fingerprint, fingerprint, duplicate.Result, context.RequestId, r => r with { Replayed = true });
                case RequestIdReused:
                    throw new RequestIdReusedException(context.RequestId);
                case QuotaExceeded q:
                    throw new QuotaExhaustedException(
                        q.Quarter is null ? $"{Rules.ExcellentQuota.Summary} ({Rules.ExcellentQuota.Article})" : $"{Rules.GoodQuota.Summary} ({Rules.GoodQuota.Article})",
                        q.DepartmentId, q.Year, q.Quarter, q.Cap, q.Count, plan.Result.Quota?.Eligible ?? 0);
                case WrongExpectedVersion conflict:
                    CommandChecks.OnConflict(_logger, conflict, attempt, _services.MaxAttempts);
                    break;
                default:
                    throw new InvalidOperationException($"unknown append outcome {outcome.GetType().Name}");
            }
        }
    }

    /// <summary>After a commit whose fate is unknown (or that was cancelled): the next call starts from storage, on a new
    /// activation, and no read is answered from this silo's view meanwhile (it may be older than the store).</summary>
    private void AbandonActivation()
    {
        _storedGradability.Clear();
        _gradability = null;
        _views.Withdraw(Key);
        DeactivateOnIdle();
    }

    /// <summary>Refuses a caller whose scope does not hold this employee; an employee not yet appointed is in every
    /// scope (the command itself then says NOT_FOUND, or appoints under the department the server checked).</summary>
    private void EnsureInScope(EmployeeScope? scope)
    {
        if (scope is null || !Aggregate.IsAppointed)
        {
            return;
        }

        var department = Aggregate.Department.Value;
        var post = Aggregate.PostLevel.Post;

        // Grading follows the unit assessing the period: a seconded person's receiving unit, a transferred person's new
        // department (AS 第二十四条); everything else follows the home department.
        var unit = scope.AssessedOn is { } day ? AssessorOn(day).Value : department;
        if (scope.Department is { } own && !string.Equals(own, unit, StringComparison.Ordinal))
        {
            throw new OutOfScopeException(Key, unit, post.ToString(), isLeader: false, scope.AssessedOn, department);
        }

        if (scope.LeadersExcluded && post is Domain.Posts.Post.DepartmentHead or Domain.Posts.Post.DeputyHead)
        {
            throw new OutOfScopeException(Key, department, post.ToString(), isLeader: true);
        }
    }

    private EmployeeSnapshot Snapshot(long version)
    {
        var level = Aggregate.PostLevel;
        return new EmployeeSnapshot(
            Key, State.Name, Aggregate.Department.Value, Aggregate.State, level, Aggregate.PostSince, Aggregate.TermNumber,
            Aggregate.TermStart, Aggregate.TermEnd, Aggregate.ProbationEnd, Aggregate.TrialEnd, Aggregate.RetirementDate, version,
            Aggregate.Method, Aggregate.EligibilityWaivers);
    }

    /// <summary>The payload of <see cref="NamedEventType"/>.</summary>
    internal sealed record EmployeeNamed(string Name);
}
