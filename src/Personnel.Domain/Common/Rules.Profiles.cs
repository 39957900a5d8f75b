namespace Personnel.Domain.Common;

public static partial class Rules
{
    public static readonly Rule KnownProfile = new(
        "PROFILE", "政策配置 policy profile", "A deployment picks one of the policy profiles shipped with the service");

    public static readonly Rule ProfileData = new(
        "PROFILE-DATA", "政策配置 policy profile", "A policy profile is data that must be complete and consistent");

    public static readonly Rule RankingConsequences = new(
        "YSH-19", "洋沙湖 三(五)19",
        "Ranking-based consequences: last place → post adjustment; bottom three → warning and re-education; last place two years running → removal");

    public static readonly Rule BonusLadder = new(
        "YSH-18", "洋沙湖 三(五)18",
        "Bonus ladder: 60 % of the bonus as a base for all, 40 % in three tiers (top ≤ 20 % +20 %, middle ≈ 70 % standard, bottom ≥ 10 % −30 %)");

    public static readonly Rule DepartmentRanking = new(
        "DEPT-RANK", "政策配置 policy profile",
        "Low-ranked departments' leaders are talked to and given a rectification deadline (Ganzhou; Xiongkou: re-test, then the head may be replaced)");
}
