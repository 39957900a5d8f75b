using Personnel.Domain.Common;
using Personnel.Domain.Employees;

namespace Personnel.Grains.Employees;

/// <summary>One date on which something about a person's contract falls due, by its kind.</summary>
/// <param name="Kind">One of <see cref="DueDates"/>' kinds, e.g. <see cref="DueDates.ProbationEnd"/>.</param>
/// <param name="On">The civil date (Asia/Shanghai) it falls due.</param>
/// <param name="Article">The article that sets the date.</param>
public sealed record DueDate(string Kind, DateOnly On, string Article);

/// <summary>
/// The due dates of an employee that still matter in the contract's present state, read from the aggregate: the end of a
/// probation still running (AM 第十三条), of a promotion trial still running (AM 第十三条), the opening of the renewal
/// window and the end of the current term while the person is in service (AM 第九条), and the rotation due in force today
/// or scheduled later (AM 第十二条, 第十七条). A date the person has moved past (a probation passed, a term renewed, a
/// rotation made, a separation) is no longer among them.
/// </summary>
public static class DueDates
{
    /// <summary>The last day of a probation (试用期).</summary>
    public const string ProbationEnd = "probation-end";

    /// <summary>The last day of a promotion trial (提拔任职试用期).</summary>
    public const string TrialEnd = "trial-end";

    /// <summary>The first day renewal may be decided, the profile's renewal window before the term ends.</summary>
    public const string RenewalWindow = "renewal-window";

    /// <summary>The last day of the current contract term (聘期).</summary>
    public const string TermEnd = "term-end";

    /// <summary>A rotation generally planned (advisory).</summary>
    public const string RotationAdvisory = "rotation-advisory";

    /// <summary>A rotation that must happen (mandatory).</summary>
    public const string RotationMandatory = "rotation-mandatory";

    /// <summary>The due dates of <paramref name="employee"/> that matter now, the earliest first.</summary>
    /// <param name="employee">The aggregate.</param>
    /// <param name="today">Today: the rotation answer is the one in force today and after.</param>
    public static IReadOnlyList<DueDate> Of(Employee employee, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(employee);
        var dates = new List<DueDate>();
        if (!employee.IsAppointed || !employee.IsInService)
        {
            return dates;
        }

        if (employee.IsIn(ContractState.InProbation) && employee.ProbationEnd is { } probation)
        {
            dates.Add(new DueDate(ProbationEnd, probation, Rules.Probation.Article));
        }

        if (employee.IsIn(ContractState.InPromotionTrial) && employee.TrialEnd is { } trial)
        {
            dates.Add(new DueDate(TrialEnd, trial, Rules.PromotionTrial.Article));
        }

        if (employee.TermNumber > 0)
        {
            if (!employee.IsIn(ContractState.AwaitingRenewal))
            {
                var window = employee.Policy.Employment.RenewalWindowDays;
                dates.Add(new DueDate(RenewalWindow, employee.TermEnd.AddDays(-window), Rules.ContractTerm.Article));
            }

            dates.Add(new DueDate(TermEnd, employee.TermEnd, Rules.ContractTerm.Article));
        }

        var rotations = employee.RotationTimeline.Where(p => p.Due is not null && (p.Covers(today) || p.From > today)).Select(p => p.Due!);
        foreach (var due in rotations.Distinct())
        {
            var mandatory = due.Strength == RotationStrength.Mandatory;
            var article = mandatory && employee.MandatoryRotationOrderedOn == due.DueOn ? Rules.LeadershipAdjustment.Article : Rules.Rotation.Article;
            dates.Add(new DueDate(mandatory ? RotationMandatory : RotationAdvisory, due.DueOn, article));
        }

        return dates.Distinct().OrderBy(d => d.On).ThenBy(d => d.Kind, StringComparer.Ordinal).ToList();
    }
}
