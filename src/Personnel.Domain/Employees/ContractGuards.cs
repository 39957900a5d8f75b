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

/// <summary>The guards of <see cref="ContractStateMachine"/>: each returns null when it holds, else the facts.</summary>
internal static class ContractGuards
{
    public static string? RetirementRoom(ContractDecision d)
    {
        if (d.Appointment is not { FirstCompetition: true } request)
        {
            return null;
        }

        var years = d.Employee.Policy.Employment.MinYearsToRetirementAtFirstCompetition;
        return request.RetirementDate < d.On.AddYears(years)
            ? $"{request.EmployeeId} retires on {request.RetirementDate:yyyy-MM-dd}, less than {years} years after the first competition on {d.On:yyyy-MM-dd}: not brought into the scheme, joins the 四进 work team"
            : null;
    }

    public static string? RetirementReached(ContractDecision d) =>
        d.On >= d.Employee.RetirementDate
            ? null
            : $"the retirement date {d.Employee.RetirementDate:yyyy-MM-dd} is not reached on {d.On:yyyy-MM-dd}";

    public static string? ProbationServed(ContractDecision d) =>
        d.Employee.ProbationEnd is { } end && d.On < end
            ? $"the probation runs until {end:yyyy-MM-dd}; it cannot be passed on {d.On:yyyy-MM-dd}"
            : null;

    public static string? NotOnTrial(ContractDecision d) =>
        d.Employee.State == ContractState.InPromotionTrial
            ? $"the promotion trial runs until {d.Employee.TrialEnd:yyyy-MM-dd} and must be decided first"
            : null;

    public static string? PromotionNotFrozen(ContractDecision d) =>
        d.Employee.PromotionFrozenUntil is { } until && d.On < until
            ? $"promotion of post grade is frozen until {until:yyyy-MM-dd} after a BasicallyCompetent year; requested on {d.On:yyyy-MM-dd}"
            : null;

    public static string? TrialServed(ContractDecision d) =>
        d.Employee.TrialEnd is { } end && d.On < end
            ? $"the promotion trial runs until {end:yyyy-MM-dd}; it cannot be decided on {d.On:yyyy-MM-dd}"
            : null;

    public static string? TermEnding(ContractDecision d)
    {
        var window = d.Employee.Policy.Employment.RenewalWindowDays;
        var opens = d.Employee.TermEnd.AddDays(-window);
        return d.On < opens
            ? $"term {d.Employee.TermNumber} ends on {d.Employee.TermEnd:yyyy-MM-dd}; renewal may be decided from {opens:yyyy-MM-dd} ({window} days before), not on {d.On:yyyy-MM-dd}"
            : null;
    }

    public static string? RoomForAnotherTerm(ContractDecision d) =>
        d.Employee.RetirementDate <= d.Employee.TermEnd
            ? $"the term ends on {d.Employee.TermEnd:yyyy-MM-dd} at or after the retirement date {d.Employee.RetirementDate:yyyy-MM-dd}: the contract cannot run past retirement"
            : null;
}
