using Personnel.Domain.Grading;
using Personnel.Grains.Runtime;

namespace Personnel.Grains.Abstractions;

/// <summary>
/// One department (key: the department id). It never calls an employee grain: a leadership adjustment
/// reaches the head through an outbox delivered asynchronously. Employee grains call it for the facts
/// their grades need.
/// </summary>
public interface IDepartmentGrain : IGrainWithStringKey
{
    /// <summary>Carries out one command, or returns the first result of a retried request id.</summary>
    Task<DepartmentCommandResult> ExecuteAsync(DepartmentCommand command, CommandContext context, CancellationToken cancellationToken);

    /// <summary>The department now; NOT_FOUND before it is created.</summary>
    Task<DepartmentSnapshot> GetSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>The Good quotas of the year's quarters and the Excellent quota of the year.</summary>
    Task<DepartmentQuotas> GetQuotasAsync(int year, CancellationToken cancellationToken);

    /// <summary>What an Excellent grade of <paramref name="year"/> needs (AS 第十二条): the tier that year
    /// and how many of the department's people may be graded for it. FAILED_PRECONDITION when the
    /// year is not assessed.</summary>
    Task<DepartmentYearFacts> GetYearFactsAsync(int year, CancellationToken cancellationToken);

    /// <summary>How many of the department's people may receive a grade for the quarter (the N of AS 第八条),
    /// from the durable gradability records the employees' commits keep.</summary>
    Task<int> GetQuarterEligibleAsync(int year, int quarter, CancellationToken cancellationToken);
}
