using Personnel.Domain.Departments;

namespace Personnel.Domain.Grading;

/// <summary>
/// The grading parameters of a policy profile (RULES §4, §5, §9). Loaded from the profile's data
/// file; each default is the weihai-2020 reading of RULES.md.
/// </summary>
public sealed record GradingPolicy
{
    /// <summary>Good ≤ this share of the people assessed in the unit that quarter (AS 第八条). Defaults to 0.40.</summary>
    public decimal GoodQuotaRatio { get; init; } = 0.40m;

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

    /// <summary>Leadership members of departments in these tiers cannot be Excellent (AS 第十二条). Defaults to tiers 3 and 4.</summary>
    public IReadOnlySet<DepartmentTier> TiersBarringLeadershipExcellent { get; init; } =
        new HashSet<DepartmentTier> { DepartmentTier.Tier3, DepartmentTier.Tier4 };
}
