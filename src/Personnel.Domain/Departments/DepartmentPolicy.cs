using Personnel.Domain.Ranking;

namespace Personnel.Domain.Departments;

/// <summary>
/// The department-assessment parameters of a policy profile (RULES §7). Each default is the weihai-2020
/// reading of AM 第十七条 and SP.
/// </summary>
public sealed record DepartmentPolicy
{
    /// <summary>Tiers that earn a yellow card. Defaults to tiers 3 and 4 (考核三四等).</summary>
    public IReadOnlySet<DepartmentTier> YellowCardTiers { get; init; } =
        new HashSet<DepartmentTier> { DepartmentTier.Tier3, DepartmentTier.Tier4 };

    /// <summary>City-group places that earn a yellow card. Defaults to 3rd and 4th (同组三四名).</summary>
    public IReadOnlySet<int> YellowCardCityPlaces { get; init; } = new HashSet<int> { 3, 4 };

    /// <summary>City-group places that order a leadership adjustment at once. Defaults to 4th (同组第四名).</summary>
    public IReadOnlySet<int> AdjustmentCityPlaces { get; init; } = new HashSet<int> { 4 };

    /// <summary>Consecutive yellow-card years that order a leadership adjustment. Defaults to 2 (连续两年收到黄牌).</summary>
    public int ConsecutiveYellowCardYears { get; init; } = 2;

    /// <summary>
    /// <b>Interpretation</b>: true (the default) starts a new streak after a leadership adjustment, so the
    /// new leadership is not adjusted again for a yellow card earned under the old one; false lets every
    /// further consecutive yellow-card year order another adjustment.
    /// </summary>
    public bool StreakRestartsAfterAdjustment { get; init; } = true;

    /// <summary>The township committee's least weight in a zone department's annual score (SP 三(一)). Defaults to 0.30.</summary>
    public decimal ZoneDepartmentMinimumTownshipWeight { get; init; } = 0.30m;

    /// <summary>The weight of the township's 100-point score for a dispatched agency (SP 三(二)–(四)). Defaults to 0.60.</summary>
    public decimal DispatchedAgencyTownshipWeight { get; init; } = 0.60m;

    /// <summary>The weight of the mean quarterly score in the township's year score (SP 三(三)7). Defaults to 0.40.</summary>
    public decimal QuarterlyMeanWeight { get; init; } = 0.40m;

    /// <summary>The weight of the year-end score in the township's year score (SP 三(三)7). Defaults to 0.60.</summary>
    public decimal YearEndWeight { get; init; } = 0.60m;

    /// <summary>
    /// <b>Interpretation</b>: SP states the quarterly-and-year-end formula under the law-enforcement squad
    /// (综合执法中队). True (the default, as RULES §7 reads it) applies it to every dispatched agency; false
    /// applies it to squads only and scores other agencies on the year-end score plus adjustments.
    /// </summary>
    public bool QuarterlyFormulaForAllDispatchedAgencies { get; init; } = true;

    /// <summary>Consequences by the town's department ranking (Ganzhou, Xiongkou). Defaults to none (weihai-2020 uses tiers and yellow cards).</summary>
    public DepartmentRankingPolicy? Ranking { get; init; }
}
