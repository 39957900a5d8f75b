using System.Text.Json;
using Microsoft.Extensions.Logging;
using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Grains.Abstractions;
using Personnel.Grains.Runtime;
using Personnel.Storage;

namespace Personnel.Grains.Employees;

/// <summary>
/// One employee's activation: the aggregate rebuilt from its stream, one command at a time. A command
/// is answered from the first result when its request id was seen; otherwise the aggregate validates it
/// (a refusal changes nothing), and one commit carries the events, the employee's read-model rows and,
/// for a Good or an Excellent, the department ledger's grant with its capped counter. A stream that moved
/// on (another node) makes it reload and try again, up to <see cref="GrainServices.MaxAttempts"/>.
/// </summary>
public sealed partial class EmployeeGrain : Grain, IEmployeeGrain
{
    /// <summary>The grain type name in identities and invalidations.</summary>
    public const string GrainType = "employee";

    /// <summary>A grain-level event before the domain's: the person's name, which the domain does not keep.</summary>
    internal const string NamedEventType = EventTypes.EmployeeGrain.EmployeeNamed;

    private readonly GrainServices _services;
    private readonly ILogger _logger;
    private Employee _employee;
    private long _version;
    private string _name = string.Empty;

    /// <summary>The post levels of the committed state, also published for reads without a turn (<see cref="PostLevelView"/>).</summary>
    private PostLevelView _postLevels;

    /// <summary>The gradability documents this activation's own commits wrote and did not delete since.</summary>
    private readonly HashSet<string> _storedGradability = new(StringComparer.Ordinal);

    /// <summary>The gradability window the last commit left, for its date and the version it reached: the next
    /// command on the same day starts from it instead of computing it again (it only changes with the events).</summary>
    private (DateOnly On, long Version, Dictionary<string, string> Map)? _gradability;

    public EmployeeGrain(GrainServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _logger = services.LoggerFactory.CreateLogger<EmployeeGrain>();
        _employee = Employee.New(services.Profile.Grading);
        _postLevels = PostLevelView.Of(string.Empty, _employee);
    }

    private IEventStore Store => _services.Store;

    private GradingPolicy Policy => _services.Profile.Grading;

    private string Key => GetPrimaryKeyString();

    private string StreamId => StreamIds.Employee(Key);

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ = new EmployeeId(Key);
        return LoadAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<EmployeeCommandResult> ExecuteAsync(EmployeeCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        CommandChecks.Validate(context);
        var fingerprint = GrainJson.Fingerprint(GrainType, Key, context.Today, command);
        for (var attempt = 1; ; attempt++)
        {
            // The caller's scope is checked first, on the state this attempt runs on (a reload included).
            EnsureInScope(context.Scope);

            // The request id is not looked up before the command: the commit's transaction checks it first
            // (Duplicate, RequestIdReused) and only a refusal needs the lookup, so a new command saves a round trip.
            Plan plan;
            try
            {
                plan = await PlanAsync(command, context, fingerprint, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A repeat of a recorded request gets the first answer, not the refusal its repeat would earn now.
                var first = await Store.GetRequestAsync(context.RequestId, cancellationToken).ConfigureAwait(false);
                if (first is not null)
                {
                    return CommandChecks.Replay<EmployeeCommandResult>(first.Fingerprint, fingerprint, first.Result, context.RequestId, r => r with { Replayed = true });
                }

                throw;
            }

            AppendOutcome outcome;
            try
            {
                outcome = await Store.AppendAsync(plan.Commit, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // The commit's fate is unknown (or it was cancelled): the next call starts from storage, and no
                // read is answered from the published view meanwhile (it may be older than what storage holds).
                _storedGradability.Clear();
                _gradability = null;
                PublishView(null);
                DeactivateOnIdle();
                throw;
            }

            if (outcome is Appended)
            {
                _employee.MarkCommitted();
                _version = plan.Result.Snapshot.Version;
                _storedGradability.Clear();
                _storedGradability.UnionWith(plan.Gradability.Keys);
                _gradability = (plan.On, _version, plan.Gradability);
                PublishCommitted();
                return plan.Result;
            }

            await LoadAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>Refuses a caller whose scope does not hold this employee; an employee not yet appointed is in every
    /// scope (the command itself then says NOT_FOUND, or appoints under the department the server checked).</summary>
    private void EnsureInScope(EmployeeScope? scope)
    {
        if (scope is null || !_employee.IsAppointed)
        {
            return;
        }

        var department = _employee.Department.Value;
        var post = _employee.PostLevel.Post;

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

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var recorded = await Store.ReadStreamAsync(StreamId, 1, cancellationToken).ConfigureAwait(false);
        var events = new List<EmployeeEvent>(recorded.Count);
        var name = string.Empty;
        foreach (var e in recorded)
        {
            if (e.Type == NamedEventType)
            {
                name = JsonSerializer.Deserialize<EmployeeNamed>(e.Payload, GrainJson.Options)!.Name;
            }
            else
            {
                events.Add(EventJson.Deserialize<EmployeeEvent>(e.Payload));
            }
        }

        _storedGradability.Clear();
        _gradability = null;
        _employee = Employee.FromHistory(events, Policy);
        _version = recorded.Count == 0 ? 0 : recorded[^1].Version;
        _name = name;
        PublishCommitted();
    }

    /// <summary>Takes the post levels of the state just loaded or committed and publishes them: a caller that heard its
    /// write acknowledged reads it, because this runs before the turn answers.</summary>
    private void PublishCommitted()
    {
        _postLevels = PostLevelView.Of(Key, _employee);
        PublishView(_postLevels);
    }

    private EmployeeSnapshot Snapshot(long version)
    {
        var level = _employee.PostLevel;
        return new EmployeeSnapshot(
            Key, _name, _employee.Department.Value, _employee.State, level, _employee.PostSince, _employee.TermNumber,
            _employee.TermStart, _employee.TermEnd, _employee.ProbationEnd, _employee.TrialEnd, _employee.RetirementDate, version,
            _employee.Method, _employee.EligibilityWaivers);
    }

    /// <summary>The payload of <see cref="NamedEventType"/>.</summary>
    internal sealed record EmployeeNamed(string Name);
}
