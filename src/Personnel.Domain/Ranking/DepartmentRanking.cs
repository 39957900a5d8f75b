using Personnel.Domain.Common;

namespace Personnel.Domain.Ranking;

/// <summary>What a town does to a low-ranked department's leadership.</summary>
public enum DepartmentRankingConsequence
{
    /// <summary>诫勉谈话 with the party and government heads (Ganzhou).</summary>
    AdmonishmentTalk,

    /// <summary>约谈 (Xiongkou).</summary>
    Interview,

    /// <summary>责令限期整改 / 半年整改期: rectification by a deadline.</summary>
    Rectification,

    /// <summary>再进行满意度测评: a re-test after the rectification.</summary>
    Retest,
}

/// <summary>
/// Consequences for departments by their place in the town's ranking (RULES §9: Ganzhou seed 002, 11;
/// Xiongkou seed 004, 四 2). Null in a profile that judges departments by tier and yellow card only.
/// </summary>
public sealed record DepartmentRankingPolicy
{
    /// <summary>
    /// The last this many places are "low-ranked". Ganzhou: the bottom three (后三名). <b>Interpretation</b>
    /// for Xiongkou's "排名靠后", which gives no number: 3 unless the profile says otherwise.
    /// </summary>
    public int BottomPlaces { get; init; } = 3;

    public IReadOnlyList<DepartmentRankingConsequence> Consequences { get; init; } = [];

    /// <summary>Months given to rectify (Xiongkou: 半年 = 6); null when the text sets no period.</summary>
    public int? RectificationMonths { get; init; }

    /// <summary>Failing the re-test makes the town propose replacing the head to the parent body (Xiongkou).</summary>
    public bool FailedRetestProposesHeadReplacement { get; init; }
}

/// <summary>A department's score in the town's ranking.</summary>
public sealed record RankedDepartment(DepartmentId Department, decimal Score);

/// <summary>What the ranking brings a department: its place from the bottom, the consequences and the rectification deadline.</summary>
public sealed record DepartmentRankingOutcome(
    DepartmentId Department, int PlaceFromBottom, IReadOnlyList<DepartmentRankingConsequence> Consequences, DateOnly? RectificationDue);

public static class DepartmentRanking
{
    /// <summary>Judges a town's department ranking made on <paramref name="judgedOn"/>; ties share the worse place.</summary>
    public static IReadOnlyList<DepartmentRankingOutcome> Judge(
        IReadOnlyList<RankedDepartment> ranking, DateOnly judgedOn, DepartmentRankingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(policy);
        RuleViolationException.ThrowIfInvalid(ranking.Count > 0, Rules.DepartmentRanking, "the ranking is empty");
        var duplicate = ranking.GroupBy(d => d.Department).FirstOrDefault(g => g.Count() > 1);
        RuleViolationException.ThrowIfInvalid(duplicate is null, Rules.DepartmentRanking, $"department {duplicate?.Key} is ranked twice");
        return ranking.Select(d =>
        {
            var fromBottom = 1 + ranking.Count(o => o.Score < d.Score);
            var low = fromBottom <= policy.BottomPlaces;
            return new DepartmentRankingOutcome(
                d.Department,
                fromBottom,
                low ? policy.Consequences : [],
                low && policy.RectificationMonths is { } months ? judgedOn.AddMonths(months) : null);
        }).ToList();
    }

    /// <summary>
    /// After the re-test of a rectifying department: true when the town now proposes replacing the head
    /// (再测评不合格者由镇党委向其上级管理部门建议调整主要负责人).
    /// </summary>
    public static bool ProposesHeadReplacement(DepartmentRankingOutcome outcome, bool retestPassed, DepartmentRankingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(policy);
        RuleViolationException.ThrowUnless(
            outcome.Consequences.Contains(DepartmentRankingConsequence.Retest), Rules.DepartmentRanking,
            $"department {outcome.Department} (place {outcome.PlaceFromBottom} from the bottom) has no re-test due");
        return !retestPassed && policy.FailedRetestProposesHeadReplacement;
    }
}
