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
    /// <summary>Every year of the career up to the date asked that does not count, at whatever grade and post it was held
    /// (<see cref="YearsNotCounted"/> holds those at the current grade, which the tenure at the grade reads).</summary>
    public IReadOnlyList<UncountedYear> CareerYearsNotCounted { get; init; } = [];

    /// <summary>Contract terms begun in the current role by the date asked (AM 第十二条 连续任职), what the rotation rules count.</summary>
    public int ConsecutiveTerms { get; init; }

    /// <summary>The earliest date the person may compete for the next post (AM 第五条), when an eligibility rule was supplied.</summary>
    public DateOnly? EarliestNextPostEligibility { get; init; }
}

/// <summary>A year that does not count toward tenure at the post grade, and why (AS 第二十条–第二十二条);
/// <paramref name="HeldAt"/> is the post level held at the end of that year, when known.</summary>
public sealed record UncountedYear(int Year, AnnualOutcome Outcome, NoGradeReason? NoGradeReason, PostLevel? HeldAt = null)
{
    /// <summary>Why the year does not count, in the policy's terms, naming the article.</summary>
    public string Reason => Outcome switch
    {
        AnnualOutcome.BasicallyCompetent => "BasicallyCompetent 基本称职 (AS 第二十条)",
        AnnualOutcome.Incompetent => "Incompetent 不称职 (AS 第二十一条)",
        AnnualOutcome.NoGrade => $"no grade 不定等次: {NoGradeReason} (AS 第二十二条)",
        _ => $"{Outcome}: not counted under this profile (AS 第二十条–第二十二条)",
    };
}

/// <summary>A rotation falling due (AM 第十二条, 第十七条): when, how strongly, and the rule behind it.</summary>
public sealed record RotationDue(DateOnly DueOn, RotationStrength Strength, string Reason);
