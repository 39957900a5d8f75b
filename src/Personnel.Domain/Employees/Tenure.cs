using Personnel.Domain.Common;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

/// <summary>
/// Where a person stands on a date (RULES §6): post and grade and since when, counted years at the
/// grade and the years not counted, the term, probation or trial end, promotion freeze, rotation due
/// (AM 第十二条), retirement, and what the eligibility for the next post (AM 第五条) is judged on.
/// </summary>
public sealed record Tenure(
    DateOnly AsOf,
    EmployeeId EmployeeId,
    ContractState State,
    DepartmentId Department,
    PostLevel PostLevel,
    DateOnly PostSince,
    DateOnly GradeSince,
    int CountedYears,
    IReadOnlyList<UncountedYear> YearsNotCounted,
    int TermNumber,
    DateOnly TermStart,
    DateOnly TermEnd,
    DateOnly? ProbationEnd,
    DateOnly? TrialEnd,
    DateOnly? PromotionFrozenUntil,
    RotationDue? Rotation,
    IReadOnlyList<RotationDue> RotationSchedule,
    DateOnly RetirementDate,
    AdministrativeRank Rank,
    DateOnly RankSince,
    Education Education)
{
    /// <summary>Contract terms begun in the current role by the date asked (AM 第十二条 连续任职), what the rotation rules count.</summary>
    public int ConsecutiveTerms { get; init; }

    /// <summary>The earliest date the person may compete for the next post (AM 第五条), when an eligibility rule was supplied.</summary>
    public DateOnly? EarliestNextPostEligibility { get; init; }
}

/// <summary>A year that does not count toward tenure at the post grade, and why (AS 第二十条–第二十二条).</summary>
public sealed record UncountedYear(int Year, AnnualOutcome Outcome, NoGradeReason? NoGradeReason);

/// <summary>A rotation falling due (AM 第十二条, 第十七条): when, how strongly, and the rule behind it.</summary>
public sealed record RotationDue(DateOnly DueOn, RotationStrength Strength, string Reason);
