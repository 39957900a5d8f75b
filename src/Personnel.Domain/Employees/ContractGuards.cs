using Personnel.Domain.Common;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

/// <summary>
/// What a person asks for when appointing someone (AM 第六条, 第九条, 第十三条, 第十四条). HR supplies
/// the statutory retirement date; the rank, its since-date and the education are recorded so the
/// eligibility for the next post (AM 第五条) can be judged.
/// </summary>
public sealed record AppointmentRequest(
    Common.EmployeeId EmployeeId,
    Common.DepartmentId DepartmentId,
    PostLevel PostLevel,
    AppointmentMethod Method,
    ProbationKind Probation,
    DateOnly RetirementDate,
    AdministrativeRank Rank,
    DateOnly RankSince,
    Education Education,
    bool FirstCompetition = false,
    int? ProbationMonths = null);

/// <summary>
/// What a trigger of the contract machine carries: the employee, the civil date, and the appointment being made.
/// <see cref="Recorded"/> is set when an event already recorded is applied (a new decision just taken, or history
/// replayed): the guards then hold by definition, see <see cref="ContractGuard.Holds"/>.
/// </summary>
public sealed record ContractDecision(Employee Employee, DateOnly On, AppointmentRequest? Appointment = null, EmployeeEvent? Recorded = null);

/// <summary>
/// A guard of the contract machine: its description (which names the article and is what Stateless reports as
/// unmet and draws in the diagram), the rule a refusal cites, and a check that returns null when the guard holds,
/// else the facts that make it fail (they go into the refusal's message).
/// </summary>
public sealed record ContractGuard(string Condition, Rule Rule, Func<ContractDecision, string?> Violation)
{
    /// <summary>The condition with its article, e.g. "probation served (AM 第十三条)".</summary>
    public string Description { get; } = $"{Condition} ({Rule.Article})";

    /// <summary>
    /// The guard as Stateless evaluates it. An event already recorded is a fact: applying it (right after the
    /// decision, or when replaying a stream written under an older rule or profile) must not re-judge it, so a
    /// decision carrying <see cref="ContractDecision.Recorded"/> passes every guard. Decisions are judged with
    /// <c>CanFire</c> before any event is raised, so nothing reaches storage without its guards having held.
    /// </summary>
    public bool Holds(ContractDecision decision) => decision.Recorded is not null || Violation(decision) is null;
}

/// <summary>The guards of the contract lifecycle (the machine is configured in <c>Employee.Contract.cs</c>).</summary>
public static class ContractGuards
{
    public static readonly ContractGuard RetirementRoom = new(
        "at least 3 years to retirement at the first competition", Rules.RetirementAtFirstCompetition, d =>
        {
            if (d.Appointment is not { FirstCompetition: true } request)
            {
                return null;
            }

            var years = d.Employee.Policy.Employment.MinYearsToRetirementAtFirstCompetition;
            return request.RetirementDate < d.On.AddYears(years)
                ? $"{request.EmployeeId} retires on {request.RetirementDate:yyyy-MM-dd}, less than {years} years after the first competition on {d.On:yyyy-MM-dd}: not brought into the scheme, joins the 四进 work team"
                : null;
        });

    public static readonly ContractGuard RetirementReached = new(
        "retirement date reached", Rules.Termination, d =>
            d.On >= d.Employee.RetirementDate
                ? null
                : $"the retirement date {d.Employee.RetirementDate:yyyy-MM-dd} is not reached on {d.On:yyyy-MM-dd}");

    public static readonly ContractGuard ProbationServed = new(
        "probation served", Rules.Probation, d =>
            d.Employee.ProbationEnd is { } end && d.On < end
                ? $"the probation runs until {end:yyyy-MM-dd}; it cannot be passed on {d.On:yyyy-MM-dd}"
                : null);

    public static readonly ContractGuard NotAlreadyOnTrial = new(
        "not already on a trial", Rules.PromotionTrial, NotOnTrialViolation);

    public static readonly ContractGuard NotOnTrial = new(
        "not on a trial", Rules.PromotionTrial, NotOnTrialViolation);

    public static readonly ContractGuard PromotionNotFrozen = new(
        "promotion not frozen", Rules.PromotionFreeze, d =>
            d.Employee.PromotionFrozenUntil is { } until && d.On < until
                ? $"promotion of post grade is frozen until {until:yyyy-MM-dd} after a BasicallyCompetent year; requested on {d.On:yyyy-MM-dd}"
                : null);

    public static readonly ContractGuard TrialServed = new(
        "trial served", Rules.PromotionTrial, d =>
            d.Employee.TrialEnd is { } end && d.On < end
                ? $"the promotion trial runs until {end:yyyy-MM-dd}; it cannot be decided on {d.On:yyyy-MM-dd}"
                : null);

    public static readonly ContractGuard TermEnding = new(
        "term ending", Rules.ContractTerm, d =>
        {
            var window = d.Employee.Policy.Employment.RenewalWindowDays;
            var opens = d.Employee.TermEnd.AddDays(-window);
            return d.On < opens
                ? $"term {d.Employee.TermNumber} ends on {d.Employee.TermEnd:yyyy-MM-dd}; renewal may be decided from {opens:yyyy-MM-dd} ({window} days before), not on {d.On:yyyy-MM-dd}"
                : null;
        });

    public static readonly ContractGuard RoomForAnotherTerm = new(
        "retirement after the term", Rules.Termination, d =>
            d.Employee.RetirementDate <= d.Employee.TermEnd
                ? $"the term ends on {d.Employee.TermEnd:yyyy-MM-dd} at or after the retirement date {d.Employee.RetirementDate:yyyy-MM-dd}: the contract cannot run past retirement"
                : null);

    /// <summary>Every guard, by the description Stateless reports when it is unmet.</summary>
    public static IReadOnlyDictionary<string, ContractGuard> ByDescription { get; } = new[]
    {
        RetirementRoom, RetirementReached, ProbationServed, NotAlreadyOnTrial, NotOnTrial, PromotionNotFrozen, TrialServed,
        TermEnding, RoomForAnotherTerm,
    }.ToDictionary(g => g.Description, StringComparer.Ordinal);

    private static string? NotOnTrialViolation(ContractDecision d) =>
        d.Employee.State == ContractState.InPromotionTrial
            ? $"the promotion trial runs until {d.Employee.TrialEnd:yyyy-MM-dd} and must be decided first"
            : null;
}
