using Personnel.Domain.Common;
using Personnel.Domain.Pay;

namespace Personnel.Domain.Ranking;

public enum BonusTier
{
    /// <summary>第一等次.</summary>
    Top,

    /// <summary>第二等次.</summary>
    Middle,

    /// <summary>第三等次.</summary>
    Bottom,
}

public sealed record BonusShare(EmployeeId Employee, BonusTier Tier, decimal Base, decimal Ladder)
{
    public decimal Total => Base + Ladder;
}

/// <summary>
/// Shares a bonus pool by the ladder (seed 000 三(五)18), never exceeding it: the base share equally; the
/// ladder share by tier factor, the standard amount being what makes the tiers use the ladder share
/// exactly: the text pegs the standard to the county's scale (县定奖金档次) within the town's total, which
/// the service does not know, so the total binds. The top tier takes whole groups of tied scores from the top while it stays
/// within its maximum share; the bottom tier takes whole tied groups from the bottom until it reaches its
/// minimum share. Amounts are in fen and sum exactly to the pool (<see cref="LargestRemainder"/>).
/// </summary>
public static class BonusLadder
{
    public static IReadOnlyList<BonusShare> Share(decimal pool, IReadOnlyList<RankedPerson> people, BonusLadderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Places.Validate(people, Rules.BonusLadder);
        RuleViolationException.ThrowIfInvalid(
            policy.BaseShare is >= 0m and <= 1m, Rules.BonusLadder, $"the base share {policy.BaseShare} is outside 0–1");
        var tiers = Tiers(people, policy);
        var baseTotal = decimal.Round(pool * policy.BaseShare, 2, MidpointRounding.AwayFromZero);
        var bases = LargestRemainder.Apportion(baseTotal, people.Select(_ => 1m).ToList());
        var ladder = LargestRemainder.Apportion(pool - baseTotal, tiers.Select(t => t switch
        {
            BonusTier.Top => policy.TopTierFactor,
            BonusTier.Bottom => policy.BottomTierFactor,
            _ => policy.MiddleTierFactor,
        }).ToList());
        return people.Select((p, i) => new BonusShare(p.Employee, tiers[i], bases[i], ladder[i])).ToList();
    }

    /// <summary>Each person's tier, in the order given.</summary>
    public static IReadOnlyList<BonusTier> Tiers(IReadOnlyList<RankedPerson> people, BonusLadderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(policy);
        var n = people.Count;
        var topMax = (int)decimal.Floor(policy.TopTierMaxShare * n);
        var bottomMin = (int)decimal.Ceiling(policy.BottomTierMinShare * n);
        var groups = people.Select(p => p.Score).Distinct().OrderByDescending(s => s)
            .Select(s => (Score: s, Count: people.Count(p => p.Score == s))).ToList();

        var top = new HashSet<decimal>();
        var taken = 0;
        foreach (var group in groups)
        {
            if (taken + group.Count > topMax)
            {
                break;
            }

            top.Add(group.Score);
            taken += group.Count;
        }

        var bottom = new HashSet<decimal>();
        taken = 0;
        foreach (var group in Enumerable.Reverse(groups))
        {
            if (taken >= bottomMin || top.Contains(group.Score))
            {
                break;
            }

            bottom.Add(group.Score);
            taken += group.Count;
        }

        return people.Select(p => top.Contains(p.Score) ? BonusTier.Top : bottom.Contains(p.Score) ? BonusTier.Bottom : BonusTier.Middle).ToList();
    }
}
