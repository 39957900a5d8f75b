using FsCheck;
using FsCheck.Fluent;
using Personnel.Domain.Common;
using Personnel.Domain.Profiles;
using Personnel.Domain.Ranking;

namespace Personnel.Domain.Tests.Profiles;

public class RankingTests
{
    private static readonly RankingPolicy Yangshahu = PolicyProfiles.Load("yangshahu-2020").Consequences.Ranking!;
    private static readonly BonusLadderPolicy Ladder = PolicyProfiles.Load("yangshahu-2020").Consequences.BonusLadder!;

    private static List<RankedPerson> Group(params decimal[] scores) =>
        scores.Select((s, i) => new RankedPerson(new EmployeeId($"p{i + 1:00}"), s)).ToList();

    private static EmployeeId P(int n) => new($"p{n:00}");

    [Fact]
    public void YSH19_LastPlace_GetsAPostAdjustment_BottomThreeAWarning_FourthFromBottomNothing()
    {
        var result = RankingJudge.Judge(Group(90, 85, 80, 75, 70), [], Yangshahu);

        Assert.Equal([ProfileConsequence.PostAdjustment, ProfileConsequence.WarningAndReeducation], result[P(5)]);
        Assert.Equal([ProfileConsequence.WarningAndReeducation], result[P(4)]);
        Assert.Equal([ProfileConsequence.WarningAndReeducation], result[P(3)]);
        Assert.Empty(result[P(2)]);
        Assert.Empty(result[P(1)]);
    }

    [Fact]
    public void YSH19_TiedForLast_AreAllLast()
    {
        var result = RankingJudge.Judge(Group(90, 85, 70, 70), [], Yangshahu);

        Assert.Contains(ProfileConsequence.PostAdjustment, result[P(3)]);
        Assert.Contains(ProfileConsequence.PostAdjustment, result[P(4)]);
        Assert.DoesNotContain(ProfileConsequence.PostAdjustment, result[P(2)]);
    }

    [Fact]
    public void YSH19_LastPlaceTwoYearsRunning_IsRemoval_OnceIsNot()
    {
        var lastYearLast = Group(90, 85, 80, 60);
        var lastYearSecondLast = Group(90, 85, 60, 80);

        var twice = RankingJudge.Judge(Group(90, 85, 80, 70), [lastYearLast], Yangshahu);
        var once = RankingJudge.Judge(Group(90, 85, 80, 70), [lastYearSecondLast], Yangshahu);
        var first = RankingJudge.Judge(Group(90, 85, 80, 70), [], Yangshahu);

        Assert.Contains(ProfileConsequence.Removal, twice[P(4)]);
        Assert.DoesNotContain(ProfileConsequence.Removal, once[P(4)]);
        Assert.DoesNotContain(ProfileConsequence.Removal, first[P(4)]);
    }

    [Fact]
    public void YSH19_ConsequencesFollowTheProfilesData()
    {
        var result = RankingJudge.Judge(Group(90, 85, 80, 75, 70), [], Yangshahu with { WarningLastPlaces = 1, PostAdjustmentLastPlaces = 2 });

        Assert.Equal([ProfileConsequence.PostAdjustment], result[P(4)]);
        Assert.Empty(result[P(3)]);
    }

    [Fact]
    public void YSH19_AnEmployeeRankedTwice_IsRefused()
    {
        var group = new List<RankedPerson> { new(P(1), 90), new(P(1), 80) };

        var error = Assert.Throws<RuleViolationException>(() => RankingJudge.Judge(group, [], Yangshahu));

        Assert.Equal(Rules.RankingConsequences, error.Rule);
    }

    [Fact]
    public void YSH18_BonusLadder_WorkedByHand()
    {
        // 101,000.00 for 10 people: base 60 % = 60,600 → 6,060 each. Ladder 40,400 over 2 × 1.2 + 7 × 1.0 + 1 × 0.7 = 10.1
        // → standard 4,000: top 4,800, middle 4,000, bottom 2,800.
        var shares = BonusLadder.Share(101_000.00m, Group(98, 95, 92, 90, 88, 85, 84, 80, 79, 60), Ladder);

        Assert.Equal([BonusTier.Top, BonusTier.Top], shares.Take(2).Select(s => s.Tier));
        Assert.All(shares.Skip(2).Take(7), s => Assert.Equal(BonusTier.Middle, s.Tier));
        Assert.Equal(BonusTier.Bottom, shares[9].Tier);
        Assert.All(shares, s => Assert.Equal(6_060.00m, s.Base));
        Assert.Equal([10_860.00m, 10_860.00m], shares.Take(2).Select(s => s.Total));
        Assert.Equal(10_060.00m, shares[5].Total);
        Assert.Equal(8_860.00m, shares[9].Total);
        Assert.Equal(101_000.00m, shares.Sum(s => s.Total));
    }

    [Fact]
    public void YSH18_TopTier_NeverExceedsTwentyPercent_EvenWithTies_BottomReachesTenPercent()
    {
        // Three tied at the top of ten: taking them would make 30 % > 20 %, so no one is in the top tier.
        // The two tied at the bottom both go to the bottom tier (≥ 10 %).
        var tiers = BonusLadder.Tiers(Group(99, 99, 99, 90, 88, 85, 84, 80, 70, 70), Ladder);

        Assert.DoesNotContain(BonusTier.Top, tiers);
        Assert.Equal([BonusTier.Bottom, BonusTier.Bottom], tiers.Skip(8));
        Assert.Equal(BonusTier.Middle, tiers[7]);
    }

    [Fact]
    public void YSH18_Property_TheLadderPaysExactlyThePool_TopAtMostTwentyBottomAtLeastTenPercent()
    {
        var scores = Gen.Choose(50, 100).Select(s => (decimal)s).ListOf().Where(l => l.Count > 0);
        var pool = Gen.Choose(0, 50_000_000).Select(f => f / 100m);
        Prop.ForAll(pool.ToArbitrary(), scores.ToArbitrary(), (amount, list) =>
        {
            var people = Group([.. list]);
            var shares = BonusLadder.Share(amount, people, Ladder);

            Assert.Equal(amount, shares.Sum(s => s.Total));
            Assert.True(shares.Count(s => s.Tier == BonusTier.Top) <= people.Count * 0.20m);
            var bottom = shares.Count(s => s.Tier == BonusTier.Bottom);
            Assert.True(bottom >= people.Count * 0.10m, $"{bottom} of {people.Count} in the bottom tier");
            // A better score never earns a lower ladder tier.
            foreach (var (a, b) in shares.Zip(people).SelectMany(x => shares.Zip(people).Select(y => (x, y))))
            {
                if (a.Second.Score > b.Second.Score)
                {
                    Assert.True(a.First.Tier <= b.First.Tier);
                }
            }
        }).QuickCheckThrowOnFailure();
    }
}
