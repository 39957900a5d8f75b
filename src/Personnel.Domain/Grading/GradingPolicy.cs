using Personnel.Domain.Departments;

namespace Personnel.Domain.Grading;

/// <summary>
/// The grading parameters of a policy profile (RULES §4, §5, §9). Loaded from the profile's data
/// file; each default is the weihai-2020 reading of RULES.md. Contract parameters (terms, probation,
/// rotation, dismissal thresholds) are in <see cref="Employment"/>.
/// </summary>
public sealed record GradingPolicy
{
    /// <summary>Good ≤ this share of the people assessed in the unit that quarter (AS 第八条). Defaults to 0.40.</summary>
    public decimal GoodQuotaRatio { get; init; } = 0.40m;

    /// <summary>
    /// How ratio × N becomes a whole number of Good grades. RULES §4 Interpretation: the cap is
    /// floor(0.40 × N). Defaults to <see cref="QuotaRounding.Floor"/>.
    /// </summary>
    public QuotaRounding GoodQuotaRounding { get; init; } = QuotaRounding.Floor;

    /// <summary>
    /// Excellent ≤ this share of the department's people, by the department's tier (AS 第十二条).
    /// The text lists four tiers and three ratios; tier 4 defaults to 10 % (RULES §5 Interpretation).
    /// </summary>
    public IReadOnlyDictionary<DepartmentTier, decimal> ExcellentQuotaByTier { get; init; } =
        new Dictionary<DepartmentTier, decimal>
        {
            [DepartmentTier.Tier1] = 0.25m,
            [DepartmentTier.Tier2] = 0.20m,
            [DepartmentTier.Tier3] = 0.10m,
            [DepartmentTier.Tier4] = 0.10m,
        };

    /// <summary>How ratio × N becomes a whole number of Excellent grades (AS 第十二条). Defaults to <see cref="QuotaRounding.Floor"/>.</summary>
    public QuotaRounding ExcellentQuotaRounding { get; init; } = QuotaRounding.Floor;

    /// <summary>Leadership members of departments in these tiers cannot be Excellent (AS 第十二条). Defaults to tiers 3 and 4.</summary>
    /// <remarks>A list rather than a set so that System.Text.Json can load it from a profile file.</remarks>
    public IReadOnlyList<DepartmentTier> TiersBarringLeadershipExcellent { get; init; } = [DepartmentTier.Tier3, DepartmentTier.Tier4];

    /// <summary>
    /// What "in probation" means for a quarter or a year (AS 第二十三条). Interpretation: probation
    /// overlapping any day of the period → no grade. Defaults to <see cref="ProbationOverlap.AnyDayOfPeriod"/>.
    /// </summary>
    public ProbationOverlap ProbationNoGradeWhen { get; init; } = ProbationOverlap.AnyDayOfPeriod;

    /// <summary>
    /// What "more than half of the year's quarters" counts against (AS 第十三条). Interpretation:
    /// the quarters of that year in which the person received a grade. Defaults to
    /// <see cref="QuarterMajorityBase.GradedQuarters"/>.
    /// </summary>
    public QuarterMajorityBase AveragePoorMajorityBase { get; init; } = QuarterMajorityBase.GradedQuarters;

    /// <summary>
    /// A democratic evaluation (民主测评) with MORE than this share of Incompetent/Poor votes,
    /// confirmed by the organisation, forces Incompetent (AS 第十五条(六)). Defaults to 1/3.
    /// </summary>
    public Ratio DemocraticEvaluationThreshold { get; init; } = new(1, 3);

    /// <summary>Proposed Excellent grades are noticed for at least this many working days (AS 第九条(四)). Defaults to 5.</summary>
    public int ExcellentNoticeWorkingDays { get; init; } = 5;

    /// <summary>The working-day calendar the notice period is counted on. Defaults to Monday–Friday with no holidays listed.</summary>
    public WorkingCalendar Calendar { get; init; } = new();

    /// <summary>Consecutive Excellent years for a third-class merit (三等功, AS 第十九条). Defaults to 3.</summary>
    public int ThirdClassMeritStreak { get; init; } = 3;

    /// <summary>
    /// Consecutive Excellent years for a second-class merit (二等功, AS 第十九条). Defaults to 5.
    /// The streak starts again after a second-class merit, so the sixth Excellent year is year one.
    /// </summary>
    public int SecondClassMeritStreak { get; init; } = 5;

    /// <summary>How long BasicallyCompetent bars a promotion of post grade (AS 第二十条(三)). Defaults to 12 months from the grade.</summary>
    public int PromotionFreezeMonths { get; init; } = 12;

    /// <summary>
    /// What "demote one post grade" (降低一个岗位等级) moves by. RULES §1 Interpretation: one grade level, step kept.
    /// Defaults to <see cref="Posts.DemotionUnit.GradeLevel"/>.
    /// </summary>
    public Posts.DemotionUnit DemotionUnit { get; init; } = Posts.DemotionUnit.GradeLevel;

    /// <summary>What each annual outcome brings, once and in the second consecutive year (AM 第十七条; AS 第十九条–第二十二条).</summary>
    public IReadOnlyDictionary<AnnualOutcome, OutcomeConsequences> Consequences { get; init; } = DefaultConsequences;

    /// <summary>Contract parameters: terms, probation, trial, retirement, rotation, dismissal thresholds.</summary>
    public EmployeePolicy Employment { get; init; } = new();

    /// <summary>The consequences of the weihai-2020 profile (RULES §5 table).</summary>
    public static IReadOnlyDictionary<AnnualOutcome, OutcomeConsequences> DefaultConsequences { get; } =
        new Dictionary<AnnualOutcome, OutcomeConsequences>
        {
            [AnnualOutcome.Excellent] = new([Consequence.Commendation], []),
            [AnnualOutcome.Competent] = new([], []),
            [AnnualOutcome.BasicallyCompetent] = new(
                [Consequence.Admonishment, Consequence.YearNotCounted, Consequence.PromotionFreeze],
                [Consequence.PostAdjustment, Consequence.Demotion]),
            [AnnualOutcome.Incompetent] = new(
                [Consequence.Demotion, Consequence.YearNotCounted],
                [Consequence.ContractTermination]),
            [AnnualOutcome.NoGrade] = new([Consequence.YearNotCounted], [Consequence.PostAdjustment]),
        };

    /// <summary>The consequences of <paramref name="outcome"/>; none when the profile lists none.</summary>
    public OutcomeConsequences ConsequencesOf(AnnualOutcome outcome) =>
        Consequences.TryGetValue(outcome, out var consequences) ? consequences : new OutcomeConsequences([], []);

    /// <summary>True when a year with this outcome does not count toward tenure at the post grade (AS 第二十条–第二十二条).</summary>
    public bool IsYearCounted(AnnualOutcome outcome) => !ConsequencesOf(outcome).Each.Contains(Consequence.YearNotCounted);
}

/// <summary>How a quota share of N people becomes a whole number.</summary>
public enum QuotaRounding
{
    /// <summary>Round down: 40 % of 7 = 2.</summary>
    Floor,

    /// <summary>Round half up: 40 % of 7 = 3 (2.8), 40 % of 6 = 2 (2.4).</summary>
    Nearest,
}

/// <summary>When probation takes the grade away for a period (AS 第二十三条).</summary>
public enum ProbationOverlap
{
    /// <summary>Probation on any day of the period → no grade.</summary>
    AnyDayOfPeriod,

    /// <summary>Only probation still running on the period's last day → no grade.</summary>
    LastDayOfPeriod,
}

/// <summary>The denominator of "more than half of the year's quarters" (AS 第十三条).</summary>
public enum QuarterMajorityBase
{
    /// <summary>The quarters of the year in which the person received a grade.</summary>
    GradedQuarters,

    /// <summary>All four quarters of the year.</summary>
    FourQuarters,
}

/// <summary>A fraction, e.g. 1/3.</summary>
public sealed record Ratio(int Numerator, int Denominator)
{
    /// <summary>True when part / whole is strictly more than this ratio.</summary>
    public bool IsExceededBy(int part, int whole) => whole > 0 && (long)part * Denominator > (long)whole * Numerator;

    public override string ToString() => $"{Numerator}/{Denominator}";
}

/// <summary>An annual result as the consequence table knows it: a grade, or no grade.</summary>
public enum AnnualOutcome
{
    Excellent,
    Competent,
    BasicallyCompetent,
    Incompetent,
    NoGrade,
}

/// <summary>A consequence an annual outcome brings (AM 第十七条; AS 第十九条–第二十二条).</summary>
public enum Consequence
{
    /// <summary>嘉奖.</summary>
    Commendation,

    /// <summary>诫勉, a written self-examination and an improvement deadline.</summary>
    Admonishment,

    /// <summary>The year does not count toward tenure at the current post grade.</summary>
    YearNotCounted,

    /// <summary>No promotion of post grade for <see cref="GradingPolicy.PromotionFreezeMonths"/>.</summary>
    PromotionFreeze,

    /// <summary>降低一个岗位等级.</summary>
    Demotion,

    /// <summary>调整岗位: a post adjustment falls due.</summary>
    PostAdjustment,

    /// <summary>解除聘用合同.</summary>
    ContractTermination,
}

/// <summary>The consequences of an outcome in any year, and the extra ones when the previous year had the same outcome.</summary>
public sealed record OutcomeConsequences(IReadOnlyList<Consequence> Each, IReadOnlyList<Consequence> SecondConsecutive);

/// <summary>
/// Working days for notice periods: Monday to Friday, less listed holidays, plus listed make-up
/// working days (调休). The lists are data: a profile names the year's holidays.
/// </summary>
public sealed record WorkingCalendar
{
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    public IReadOnlyList<DateOnly> MakeUpWorkingDays { get; init; } = [];

    public bool IsWorkingDay(DateOnly date) =>
        MakeUpWorkingDays.Contains(date)
        || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(date));

    /// <summary>The working days in [from, until): the days a notice started on <paramref name="from"/> has run by <paramref name="until"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly until)
    {
        var count = 0;
        for (var day = from; day < until; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
