using Personnel.Domain.Employees;
using Personnel.Grains.Runtime;

namespace Personnel.Grains.Abstractions;

/// <summary>
/// One employee (key: the employee id). Commands run one at a time; each is durable before it returns.
/// Refusals: <see cref="Personnel.Domain.Common.RuleViolationException"/> (its Kind gives the status),
/// <see cref="QuotaExhaustedException"/> (FAILED_PRECONDITION), <see cref="RequestIdReusedException"/>
/// (INVALID_ARGUMENT), <see cref="ConcurrencyExhaustedException"/> (ABORTED). History comes from the store.
/// </summary>
public interface IEmployeeGrain : IGrainWithStringKey
{
    /// <summary>Carries out one command, or returns the first result of a retried request id.</summary>
    Task<EmployeeCommandResult> ExecuteAsync(EmployeeCommand command, CommandContext context, CancellationToken cancellationToken);

    /// <summary>The employee now; NOT_FOUND before the appointment.</summary>
    Task<EmployeeSnapshot> GetSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>The post level on <paramref name="asOf"/>; NOT_FOUND before the appointment.</summary>
    Task<PostLevelAnswer> GetPostLevelAsync(DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>The tenure on <paramref name="asOf"/>, with the earliest eligibility for the next post (AM 第五条).</summary>
    Task<Tenure> GetTenureAsync(DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>Writes the employee's rotation timeline to the rotation-due read model (a rebuild after a schema change).</summary>
    Task RefreshRotationTimelineAsync(CancellationToken cancellationToken);

    /// <summary>The quarterly and annual grades recorded.</summary>
    Task<GradeList> ListGradesAsync(CancellationToken cancellationToken);
}
