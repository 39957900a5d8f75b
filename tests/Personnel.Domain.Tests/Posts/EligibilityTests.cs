using Personnel.Domain.Common;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Tests.Posts;

public class EligibilityTests
{
    private static readonly EligibilityPolicy Weihai = new();
    private static readonly DateOnly AsOf = new(2021, 6, 30);

    private static Candidate Holding(params (AdministrativeRank Rank, string Since)[] ranks) => new()
    {
        RankHistory = ranks.Select(r => new RankHeld(r.Rank, DateOnly.Parse(r.Since))).ToList(),
        Education = Education.Bachelor,
    };

    [Theory]
    [InlineData(Post.DepartmentHead, AdministrativeRank.DivisionHead)]
    [InlineData(Post.DeputyHead, AdministrativeRank.DeputyDivision)]
    [InlineData(Post.SectionChief, AdministrativeRank.SectionChief)]
    [InlineData(Post.DeputySectionChief, AdministrativeRank.DeputySection)]
    public void AM5_CurrentlyHoldingThePostsRank_IsEligibleAtOnce(Post post, AdministrativeRank rank)
    {
        var result = PostEligibility.Assess(post, Holding((rank, "2021-06-01")), AsOf, Weihai);

        Assert.True(result.IsEligible);
        Assert.Equal(new DateOnly(2021, 6, 1), PostEligibility.EarliestEligibility(post, Holding((rank, "2021-06-01")), Weihai));
    }

    [Theory]
    [InlineData(Post.DepartmentHead, AdministrativeRank.DeputyDivision, 2)]
    [InlineData(Post.DeputyHead, AdministrativeRank.SectionChief, 3)]
    [InlineData(Post.SectionChief, AdministrativeRank.DeputySection, 2)]
    [InlineData(Post.DeputySectionChief, AdministrativeRank.FirstGradeStaff, 3)]
    public void AM5_RankBelowHeldTheRequiredYears_IsEligibleOnTheAnniversaryNotTheDayBefore(
        Post post, AdministrativeRank rank, int years)
    {
        var since = new DateOnly(2015, 3, 1);
        var candidate = Holding((rank, "2015-03-01"));
        var anniversary = since.AddYears(years);

        Assert.False(PostEligibility.Assess(post, candidate, anniversary.AddDays(-1), Weihai).IsEligible);
        var result = PostEligibility.Assess(post, candidate, anniversary, Weihai);
        Assert.True(result.IsEligible);
        Assert.Equal(anniversary, PostEligibility.EarliestEligibility(post, candidate, Weihai));
    }

    [Fact]
    public void AM5_DeputyHead_CountsSectionChiefAndAboveTogether_WithoutABreak()
    {
        // Section chief from 2018-07-01; the deputy-division rank since 2020-01-01 is "or above".
        var candidate = Holding(
            (AdministrativeRank.DeputySection, "2014-01-01"),
            (AdministrativeRank.SectionChief, "2018-07-01"),
            (AdministrativeRank.DeputyDivision, "2020-01-01"));

        Assert.True(PostEligibility.Assess(Post.DeputyHead, candidate, AsOf, Weihai).IsEligible);
        // Head: deputy-division or above held 2 years → 2022-01-01.
        var head = PostEligibility.Assess(Post.DepartmentHead, candidate, AsOf, Weihai);
        Assert.False(head.IsEligible);
        Assert.Equal(new DateOnly(2022, 1, 1), head.Checks.Single(c => c.Condition == EligibilityCondition.RankAndTenure).MetFrom);
    }

    [Fact]
    public void AM5_RankTooLowForTheTenureClause_IsNotEligibleAndNamesTheRule()
    {
        var result = PostEligibility.Assess(Post.DepartmentHead, Holding((AdministrativeRank.SectionChief, "2000-01-01")), AsOf, Weihai);

        Assert.False(result.IsEligible);
        var unmet = Assert.Single(result.Unmet);
        Assert.Equal(Rules.ManagementPostEligibility, unmet.Rule);
        Assert.Equal("AM 第五条", unmet.Rule.Article);
        Assert.Null(unmet.MetFrom);
        Assert.Contains("the candidate is SectionChief", unmet.Facts);
    }

    [Fact]
    public void AM5_UncountedYearsDoNotCountTowardYearsHeld()
    {
        // Deputy section from 2018-03-01; 2019 graded BasicallyCompetent (not counted): 2 counted years on 2021-03-01.
        var candidate = Holding((AdministrativeRank.DeputySection, "2018-03-01")) with { UncountedYears = new HashSet<int> { 2019 } };

        Assert.False(PostEligibility.Assess(Post.SectionChief, candidate, new DateOnly(2021, 2, 28), Weihai).IsEligible);
        var result = PostEligibility.Assess(Post.SectionChief, candidate, new DateOnly(2021, 3, 1), Weihai);
        Assert.True(result.IsEligible);
        Assert.Contains("years not counted: 2019", result.Checks.Single(c => c.Condition == EligibilityCondition.RankAndTenure).Facts);
    }

    [Theory]
    [InlineData(Post.ZoneLeadership)]
    [InlineData(Post.DepartmentHead)]
    [InlineData(Post.DeputyHead)]
    [InlineData(Post.SectionChief)]
    [InlineData(Post.DeputySectionChief)]
    public void AM5_HeadsDeputiesAndMiddleManagers_NeedJuniorCollege(Post post)
    {
        var candidate = Holding((AdministrativeRank.DivisionHead, "2010-01-01")) with
        {
            Education = Education.BelowJuniorCollege,
            AppointedByCityCommittee = true,
        };

        var result = PostEligibility.Assess(post, candidate, AsOf, Weihai);

        Assert.False(result.IsEligible);
        Assert.Equal(EligibilityCondition.Education, Assert.Single(result.Unmet).Condition);
        Assert.True(PostEligibility.Assess(post, candidate with { Education = Education.JuniorCollege }, AsOf, Weihai).IsEligible);
    }

    [Fact]
    public void AM5_StaffPosts_NeedNoEducationOrRank()
    {
        var candidate = Holding((AdministrativeRank.Other, "2020-01-01")) with { Education = Education.BelowJuniorCollege };

        Assert.True(PostEligibility.Assess(Post.Staff, candidate, AsOf, Weihai).IsEligible);
        Assert.Empty(PostEligibility.Assess(Post.Staff, candidate, AsOf, Weihai).Checks);
    }

    [Fact]
    public void AM5_ZoneLeadership_IsForLeadersAppointedByTheCity()
    {
        var candidate = Holding((AdministrativeRank.DivisionHead, "2010-01-01"));

        var result = PostEligibility.Assess(Post.ZoneLeadership, candidate, AsOf, Weihai);

        Assert.Equal(EligibilityCondition.CityAppointment, Assert.Single(result.Unmet).Condition);
        Assert.True(PostEligibility.Assess(Post.ZoneLeadership, candidate with { AppointedByCityCommittee = true }, AsOf, Weihai).IsEligible);
    }

    [Theory]
    [InlineData(Post.Commissioner2, AdministrativeRank.DivisionHead, AdministrativeRank.DeputyDivision)]
    [InlineData(Post.Commissioner3, AdministrativeRank.DeputyDivision, AdministrativeRank.SectionChief)]
    [InlineData(Post.Commissioner4, AdministrativeRank.DeputyDivision, AdministrativeRank.SectionChief)]
    [InlineData(Post.Assistant1, AdministrativeRank.SectionChief, AdministrativeRank.DeputySection)]
    [InlineData(Post.Assistant2, AdministrativeRank.SectionChief, AdministrativeRank.DeputySection)]
    [InlineData(Post.Assistant3, AdministrativeRank.DeputySection, AdministrativeRank.FirstGradeStaff)]
    [InlineData(Post.Assistant4, AdministrativeRank.DeputySection, AdministrativeRank.FirstGradeStaff)]
    public void AM5_RankPosts_ComeFromTheRankTheyAreMeantFor(Post post, AdministrativeRank origin, AdministrativeRank below)
    {
        Assert.True(PostEligibility.Assess(post, Holding((origin, "2019-01-01")), AsOf, Weihai).IsEligible);
        var result = PostEligibility.Assess(post, Holding((below, "2019-01-01")), AsOf, Weihai);
        Assert.Equal(Rules.RankPostOrigin, Assert.Single(result.Unmet).Rule);
    }

    [Fact]
    public void AM5_Commissioner1_IsForFormerZoneLeaders()
    {
        var candidate = Holding((AdministrativeRank.DivisionHead, "2010-01-01"));

        Assert.False(PostEligibility.Assess(Post.Commissioner1, candidate, AsOf, Weihai).IsEligible);
        Assert.True(PostEligibility.Assess(Post.Commissioner1, candidate with { FormerZoneLeadershipMember = true }, AsOf, Weihai).IsEligible);
    }

    [Fact]
    public void AM5_Interpretation_RankPostOrigin_AtOrAboveByDefault_ExactWhenConfigured()
    {
        // A former division head competing for 三级专员 (meant for the deputy-division rank).
        var candidate = Holding((AdministrativeRank.DeputyDivision, "2012-01-01"), (AdministrativeRank.DivisionHead, "2016-01-01"));

        Assert.True(PostEligibility.Assess(Post.Commissioner3, candidate, AsOf, Weihai).IsEligible);
        var exact = PostEligibility.Assess(Post.Commissioner3, candidate, AsOf, Weihai with { RankPostOriginAtOrAbove = false });
        Assert.False(exact.IsEligible);
        Assert.Contains("exactly", exact.Checks.Single().Facts);
    }

    [Fact]
    public void AM5_ZoneCommitteeWaiver_MakesTheCandidateEligibleAndIsRecordedWithWhoGrantedIt()
    {
        var candidate = Holding((AdministrativeRank.DeputySection, "2020-01-01"));
        var waiver = new EligibilityWaiver("工委 meeting 2021-5", new DateOnly(2021, 5, 20), "urgently needed specialist",
            new HashSet<EligibilityCondition> { EligibilityCondition.RankAndTenure });

        var without = PostEligibility.Assess(Post.SectionChief, candidate, AsOf, Weihai);
        var with = PostEligibility.Assess(Post.SectionChief, candidate, AsOf, Weihai, waiver);

        Assert.False(without.IsEligible);
        Assert.True(with.IsEligible);
        Assert.True(with.ReliesOnWaiver);
        Assert.Same(waiver, with.Waiver);
        Assert.Equal("工委 meeting 2021-5", with.Waiver!.GrantedBy);
        var check = with.Checks.Single(c => c.Condition == EligibilityCondition.RankAndTenure);
        Assert.False(check.Met);
        Assert.True(check.Waived);
    }

    [Fact]
    public void AM5_WaiverOfOneCondition_LeavesTheOthersStanding()
    {
        var candidate = Holding((AdministrativeRank.DeputySection, "2020-01-01")) with { Education = Education.BelowJuniorCollege };
        var waiver = new EligibilityWaiver("工委", new DateOnly(2021, 1, 1), "exceptional",
            new HashSet<EligibilityCondition> { EligibilityCondition.RankAndTenure });

        var result = PostEligibility.Assess(Post.SectionChief, candidate, AsOf, Weihai, waiver);

        Assert.False(result.IsEligible);
        Assert.Equal(EligibilityCondition.Education, Assert.Single(result.Unmet).Condition);
    }

    [Fact]
    public void AM5_WaiverWithoutGrantor_IsRefused()
    {
        var error = Assert.Throws<RuleViolationException>(() => new EligibilityWaiver(" ", new DateOnly(2021, 1, 1), "x",
            new HashSet<EligibilityCondition> { EligibilityCondition.Education }));

        Assert.Equal(Rules.EligibilityWaiver, error.Rule);
        Assert.Equal(ViolationKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void AM5_WaiverDatedAfterTheAssessment_IsRefused()
    {
        var waiver = new EligibilityWaiver("工委", new DateOnly(2021, 7, 1), "exceptional",
            new HashSet<EligibilityCondition> { EligibilityCondition.RankAndTenure });

        var error = Assert.Throws<RuleViolationException>(
            () => PostEligibility.Assess(Post.SectionChief, Holding((AdministrativeRank.Other, "2020-01-01")), AsOf, Weihai, waiver));

        Assert.Contains("2021-07-01", error.Message);
    }

    [Fact]
    public void RankHistoryOutOfOrder_IsInvalidArgument()
    {
        var candidate = Holding((AdministrativeRank.SectionChief, "2019-01-01"), (AdministrativeRank.DeputySection, "2018-01-01"));

        var error = Assert.Throws<RuleViolationException>(() => PostEligibility.Assess(Post.SectionChief, candidate, AsOf, Weihai));

        Assert.Equal(ViolationKind.InvalidArgument, error.Kind);
        Assert.Contains("not in date order", error.Message);
    }
}
