using Personnel.Domain.Grading;
using Personnel.Domain.Ranking;

namespace Personnel.Domain.Profiles;

/// <summary>What a profile's yearly consequences are judged on.</summary>
public enum ConsequenceBasis
{
    /// <summary>The annual grade (weihai-2020: AM 第十七条; AS 第十九条–第二十二条).</summary>
    Grade,

    /// <summary>The yearly ranking (yangshahu-2020: 积分排名).</summary>
    Ranking,
}

/// <summary>A consequence of a year's result, under either basis.</summary>
public enum ProfileConsequence
{
    /// <summary>嘉奖.</summary>
    Commendation,

    /// <summary>诫勉.</summary>
    Admonishment,

    /// <summary>降低一个岗位等级.</summary>
    Demotion,

    /// <summary>调整岗位.</summary>
    PostAdjustment,

    /// <summary>解除聘用合同.</summary>
    ContractTermination,

    /// <summary>警示提醒、批评教育、书面检查.</summary>
    WarningAndReeducation,

    /// <summary>劝退、免职、责令辞职.</summary>
    Removal,

    /// <summary>The year does not count toward tenure at the post grade (AS 第二十条–第二十二条).</summary>
    YearNotCounted,

    /// <summary>No promotion of post grade for a year (AS 第二十条(三)).</summary>
    PromotionFreeze,
}

/// <summary>
/// The consequence side of a policy profile (RULES §9). What each annual grade brings is the one table
/// <see cref="GradingPolicy.Consequences"/>, which the Employee aggregate applies and
/// <see cref="YearJudge"/> reads; this record says whether the grade or the ranking decides.
/// </summary>
public sealed record ConsequencePolicy
{
    /// <summary>Defaults to <see cref="ConsequenceBasis.Grade"/> (weihai-2020).</summary>
    public ConsequenceBasis Basis { get; init; } = ConsequenceBasis.Grade;

    /// <summary>The ranking rules; used when <see cref="Basis"/> is <see cref="ConsequenceBasis.Ranking"/>.</summary>
    public RankingPolicy? Ranking { get; init; }

    /// <summary>The bonus ladder; when null, the annual pool is shared by PM 第五条 coefficients.</summary>
    public BonusLadderPolicy? BonusLadder { get; init; }
}
