namespace Personnel.Domain.Ranking;

/// <summary>
/// Consequences by yearly ranking (积分排名) rather than by grade, as Yangshahu sets them (seed 000, 三(五)19).
/// </summary>
public sealed record RankingPolicy
{
    /// <summary>The last this many places get a post adjustment (倒数第一, 视情况调整岗位). Defaults to 1.</summary>
    public int PostAdjustmentLastPlaces { get; init; } = 1;

    /// <summary>The last this many places get a warning and re-education (后三, 警示提醒、批评教育、书面检查). Defaults to 3.</summary>
    public int WarningLastPlaces { get; init; } = 3;

    /// <summary>Last place this many years running → removal (连续两年倒数第一, 劝退、免职、责令辞职). Defaults to 2.</summary>
    public int RemovalConsecutiveLastYears { get; init; } = 2;

    /// <summary>
    /// What removal (劝退、免职、责令辞职) does to the contract. <b>Interpretation:</b> the three measures all end
    /// the person's appointment, so by default the contract ends (true); false reads it as 免职 only, removal
    /// from the post, recorded as a post adjustment due.
    /// </summary>
    public bool RemovalEndsContract { get; init; } = true;
}

/// <summary>
/// The bonus ladder (阶梯式绩效奖励, seed 000 三(五)18): a base share paid equally to all, the rest in
/// three tiers by ranking, each tier paying the standard amount times its factor.
/// </summary>
public sealed record BonusLadderPolicy
{
    /// <summary>Share of the bonus pool paid equally to everyone (基础奖). Defaults to 0.60.</summary>
    public decimal BaseShare { get; init; } = 0.60m;

    /// <summary>The top tier holds at most this share of the people (不超过20%). Defaults to 0.20.</summary>
    public decimal TopTierMaxShare { get; init; } = 0.20m;

    /// <summary>The top tier's factor on the standard amount (上浮20%). Defaults to 1.20.</summary>
    public decimal TopTierFactor { get; init; } = 1.20m;

    /// <summary>The middle tier's factor (参照县定奖金档次). Defaults to 1.00.</summary>
    public decimal MiddleTierFactor { get; init; } = 1.00m;

    /// <summary>The bottom tier holds at least this share of the people (不低于10%). Defaults to 0.10.</summary>
    public decimal BottomTierMinShare { get; init; } = 0.10m;

    /// <summary>The bottom tier's factor (下调30%). Defaults to 0.70.</summary>
    public decimal BottomTierFactor { get; init; } = 0.70m;
}
