using Personnel.Domain.Common;
using Personnel.Domain.Profiles;
using Personnel.Domain.Ranking;

namespace Personnel.Domain.Tests.Profiles;

public class DepartmentRankingTests
{
    private static readonly DateOnly JudgedOn = new(2021, 1, 20);

    private static List<RankedDepartment> Town(params decimal[] scores) =>
        scores.Select((s, i) => new RankedDepartment(new DepartmentId($"d{i + 1}"), s)).ToList();

    private static DepartmentRankingPolicy PolicyOf(string profile) => PolicyProfiles.Load(profile).Departments.Ranking!;

    [Fact]
    public void R9_Weihai_HasNoDepartmentRankingConsequences()
    {
        Assert.Null(PolicyProfiles.Load("weihai-2020").Departments.Ranking);
    }

    [Fact]
    public void R9_Ganzhou_BottomThreeDepartments_AdmonishmentTalkAndRectificationDeadline()
    {
        var outcomes = DepartmentRanking.Judge(Town(95, 90, 88, 80, 75, 70), JudgedOn, PolicyOf("ganzhou-2012"));

        Assert.Empty(outcomes[2].Consequences);
        Assert.All(outcomes.Skip(3), o => Assert.Equal(
            [DepartmentRankingConsequence.AdmonishmentTalk, DepartmentRankingConsequence.Rectification], o.Consequences));
        Assert.All(outcomes, o => Assert.Null(o.RectificationDue));
        Assert.Equal([6, 5, 4, 3, 2, 1], outcomes.Select(o => o.PlaceFromBottom));
    }

    [Fact]
    public void R9_Xiongkou_LowRanked_InterviewSixMonthsToRectifyThenRetest_FailingProposesANewHead()
    {
        var policy = PolicyOf("xiongkou-2017");
        var outcomes = DepartmentRanking.Judge(Town(95, 90, 88, 80, 75, 70), JudgedOn, policy);
        var last = outcomes[5];

        Assert.Equal([DepartmentRankingConsequence.Interview, DepartmentRankingConsequence.Rectification, DepartmentRankingConsequence.Retest],
            last.Consequences);
        Assert.Equal(new DateOnly(2021, 7, 20), last.RectificationDue);
        Assert.True(DepartmentRanking.ProposesHeadReplacement(last, retestPassed: false, policy));
        Assert.False(DepartmentRanking.ProposesHeadReplacement(last, retestPassed: true, policy));
    }

    [Fact]
    public void R9_Xiongkou_ARetestForADepartmentNotRectifying_IsRefused()
    {
        var policy = PolicyOf("xiongkou-2017");
        var top = DepartmentRanking.Judge(Town(95, 90, 88, 80), JudgedOn, policy)[0];

        var error = Assert.Throws<RuleViolationException>(() => DepartmentRanking.ProposesHeadReplacement(top, false, policy));

        Assert.Equal(Rules.DepartmentRanking, error.Rule);
    }

    [Fact]
    public void R9_Interpretation_XiongkouLowRanked_IsTheLastThreeByDefault_OrWhatTheProfileSays()
    {
        var policy = PolicyOf("xiongkou-2017");

        var three = DepartmentRanking.Judge(Town(95, 90, 88, 80, 75), JudgedOn, policy);
        var one = DepartmentRanking.Judge(Town(95, 90, 88, 80, 75), JudgedOn, policy with { BottomPlaces = 1 });

        Assert.Equal(3, three.Count(o => o.Consequences.Count > 0));
        Assert.Equal(1, one.Count(o => o.Consequences.Count > 0));
    }
}
