namespace Personnel.Domain.Grading;

/// <summary>
/// The contract parameters of a policy profile (AM 第九条–第十八条; RULES §2, §3, §8). Each
/// default is the weihai-2020 reading.
/// </summary>
public sealed record EmployeePolicy
{
    /// <summary>A term (聘期) in years (AM 第九条). Defaults to 3.</summary>
    public int TermYears { get; init; } = 3;

    /// <summary>The longest probation for open recruitment, in months (AM 第十三条). Defaults to 6.</summary>
    public int ProbationMonths { get; init; } = 6;

    /// <summary>The probation for a first job (初次就业), in months (AM 第十三条). Defaults to 12.</summary>
    public int FirstJobProbationMonths { get; init; } = 12;

    /// <summary>The promotion trial (提拔任职试用期), in months (AM 第十三条). Defaults to 12.</summary>
    public int PromotionTrialMonths { get; init; } = 12;

    /// <summary>At the first competition, a person needs at least this many years to retirement (AM 第十四条). Defaults to 3.</summary>
    public int MinYearsToRetirementAtFirstCompetition { get; init; } = 3;

    /// <summary>
    /// How many days before the term's end the renewal decision may be opened (AM 第九条: renewal is
    /// decided "within or at the end of a term"). Defaults to 90.
    /// </summary>
    public int RenewalWindowDays { get; init; } = 90;

    /// <summary>Health incapacity longer than this many months → post adjustment due (AM 第十六条). Defaults to 12.</summary>
    public int HealthIncapacityMonths { get; init; } = 12;

    /// <summary>More than this many consecutive days of absence → dismissal (AM 第十八条(四)). Defaults to 15.</summary>
    public int AbsenceConsecutiveDaysForDismissal { get; init; } = 15;

    /// <summary>More than this many days of absence in one calendar year → dismissal (AM 第十八条(四)). Defaults to 30.</summary>
    public int AbsenceDaysPerYearForDismissal { get; init; } = 30;

    /// <summary>
    /// How absence days are counted for dismissal (AM 第十八条(四) says 天, days; PM 第七条 counts
    /// pay deductions in 工作日). Interpretation: calendar days. Defaults to <see cref="DayCounting.CalendarDays"/>.
    /// </summary>
    public DayCounting AbsenceDayCounting { get; init; } = DayCounting.CalendarDays;

    /// <summary>Consecutive terms as head/deputy in one department before rotation is advised (AM 第十二条). Defaults to 2.</summary>
    public int LeadershipAdvisoryRotationTerms { get; init; } = 2;

    /// <summary>Consecutive terms as head/deputy in one department before rotation is mandatory (AM 第十二条). Defaults to 3.</summary>
    public int LeadershipMandatoryRotationTerms { get; init; } = 3;

    /// <summary>Consecutive terms as section chief/deputy in the same post before rotation is advised (AM 第十二条). Defaults to 2.</summary>
    public int MiddleManagerAdvisoryRotationTerms { get; init; } = 2;

    /// <summary>
    /// The period of each sanction in months, during which its quarterly effects apply (AS 第二十七条(二));
    /// the government-sanction periods of 政务处分法 第八条. Expulsion has no period: it ends the contract.
    /// </summary>
    public IReadOnlyDictionary<Employees.SanctionKind, int> SanctionPeriodMonths { get; init; } =
        new Dictionary<Employees.SanctionKind, int>
        {
            [Employees.SanctionKind.Warning] = 6,
            [Employees.SanctionKind.Demerit] = 12,
            [Employees.SanctionKind.MajorDemerit] = 18,
            [Employees.SanctionKind.Demotion] = 24,
            [Employees.SanctionKind.Removal] = 24,
        };
}

/// <summary>How a run of days is counted.</summary>
public enum DayCounting
{
    /// <summary>Every calendar day.</summary>
    CalendarDays,

    /// <summary>Monday to Friday only; weekends neither count nor break a run.</summary>
    WorkingDays,
}
