using Personnel.Domain.Departments;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Pay;

/// <summary>
/// The pay parameters of a policy profile (RULES §5, §8). Each default is the weihai-2020 reading of
/// PM 第五条–第九条.
/// </summary>
public sealed record PayPolicy
{
    /// <summary>Share of the quarterly performance pay by quarterly grade (PM 第五条). Defaults to 1, 1, 0.2, 0.</summary>
    public IReadOnlyDictionary<QuarterlyGrade, decimal> QuarterlyPayRatio { get; init; } = new Dictionary<QuarterlyGrade, decimal>
    {
        [QuarterlyGrade.Good] = 1.0m,
        [QuarterlyGrade.FairlyGood] = 1.0m,
        [QuarterlyGrade.Average] = 0.2m,
        [QuarterlyGrade.Poor] = 0m,
    };

    /// <summary>Personal annual coefficient by annual grade (PM 第五条). Defaults to 1.1, 1.0, 0.2, 0.</summary>
    public IReadOnlyDictionary<AnnualGrade, decimal> PersonalCoefficient { get; init; } = new Dictionary<AnnualGrade, decimal>
    {
        [AnnualGrade.Excellent] = 1.1m,
        [AnnualGrade.Competent] = 1.0m,
        [AnnualGrade.BasicallyCompetent] = 0.2m,
        [AnnualGrade.Incompetent] = 0m,
    };

    /// <summary>Department coefficient by tier (PM 第五条). Defaults to 1.1, 1.0, 0.9, 0.8.</summary>
    public IReadOnlyDictionary<DepartmentTier, decimal> DepartmentCoefficient { get; init; } = new Dictionary<DepartmentTier, decimal>
    {
        [DepartmentTier.Tier1] = 1.1m,
        [DepartmentTier.Tier2] = 1.0m,
        [DepartmentTier.Tier3] = 0.9m,
        [DepartmentTier.Tier4] = 0.8m,
    };

    /// <summary>
    /// Post coefficient (岗位系数) by post, which weighs a person in the annual pool (PM 第五条). <b>Interpretation</b>: the
    /// measures name the coefficient but give no figures, so every post defaults to 1.0 and a profile sets its own.
    /// </summary>
    public IReadOnlyDictionary<Post, decimal> PostCoefficient { get; init; } = Enum.GetValues<Post>().ToDictionary(p => p, _ => 1.0m);

    /// <summary>
    /// <b>Interpretation</b>: the text is silent on a quarter with no grade for other reasons (leave,
    /// sanction, investigation). Defaults to 0 (nothing paid); a profile may pay a share.
    /// </summary>
    public decimal UngradedQuarterlyRatio { get; init; }

    /// <summary><b>Interpretation</b>: the annual coefficient of a year with no grade for other reasons. Defaults to 0.</summary>
    public decimal UngradedAnnualCoefficient { get; init; }

    /// <summary>Sick/personal leave longer than this many consecutive working days deducts by month (PM 第六条). Defaults to 10.</summary>
    public int LeaveConsecutiveDaysLimit { get; init; } = 10;

    /// <summary>Sick/personal leave totalling more than this many working days in the year deducts by month (PM 第六条). Defaults to 15.</summary>
    public int LeaveTotalDaysLimit { get; init; } = 15;

    /// <summary>Overtime over this many hours counts half a day (PM 第六条). Defaults to 4.</summary>
    public decimal OvertimeHalfDayHours { get; init; } = 4m;

    /// <summary>Overtime over this many hours counts a whole day (PM 第六条). Defaults to 8.</summary>
    public decimal OvertimeFullDayHours { get; init; } = 8m;

    /// <summary>
    /// <b>Interpretation</b>: false (the default) judges the 10/15-day limits on the leave actually taken,
    /// overtime only reducing the days deducted; true lets offset days count off the 15-day total too.
    /// </summary>
    public bool OvertimeOffsetCountsTowardLimits { get; init; }

    /// <summary>Absence days in a month up to this many deduct per day only (PM 第七条). Defaults to 3.</summary>
    public int AbsencePerDayOnlyDays { get; init; } = 3;

    /// <summary>Consecutive absence days that withhold all quarterly and annual performance (PM 第七条). Defaults to 10.</summary>
    public int AbsenceConsecutiveWithholdDays { get; init; } = 10;

    /// <summary>Absence days in a year that withhold all quarterly and annual performance (PM 第七条). Defaults to 15.</summary>
    public int AbsenceYearWithholdDays { get; init; } = 15;

    /// <summary>
    /// <b>Interpretation</b> of "全额扣发季度绩效": true (the default, as RULES §8 reads it) withholds every
    /// quarter of the year; false withholds the quarter in which the limit was reached.
    /// </summary>
    public bool AbsenceWithholdsEveryQuarterOfTheYear { get; init; } = true;

    /// <summary>Absence over this many consecutive days is a ground for dismissal (AM 第十八条(四)). Defaults to 15.</summary>
    public int DismissalConsecutiveAbsenceDays { get; init; } = 15;

    /// <summary>Absence over this many days in a year is a ground for dismissal (AM 第十八条(四)). Defaults to 30.</summary>
    public int DismissalYearAbsenceDays { get; init; } = 30;
}
