using Personnel.Domain.Grading;
using Personnel.Domain.Pay;

namespace Personnel.Domain.Tests.Pay;

public class PerformancePayTests
{
    private static readonly PayPolicy Weihai = new();
    private static readonly PerformancePayFacts Ordinary = new();

    [Theory]
    [InlineData(QuarterlyGrade.Good, 1.0)]
    [InlineData(QuarterlyGrade.FairlyGood, 1.0)]
    [InlineData(QuarterlyGrade.Average, 0.2)]
    [InlineData(QuarterlyGrade.Poor, 0.0)]
    public void PM5_QuarterlyPayRatio_FollowsTheQuarterlyGrade(QuarterlyGrade grade, double ratio)
    {
        var decision = PerformancePay.QuarterlyRatio(grade, Ordinary, Weihai);

        Assert.Equal((decimal)ratio, decision.Value);
        Assert.Equal("PM 第五条", decision.Article);
    }

    [Theory]
    [InlineData(QuarterlyGrade.Good, 100)]
    [InlineData(QuarterlyGrade.FairlyGood, 100)]
    [InlineData(QuarterlyGrade.Average, 20)]
    [InlineData(QuarterlyGrade.Poor, 0)]
    [InlineData(null, 0)]
    public void PM5_QuarterlyPayPercent_IsTheGradesRatioInWholePercent(QuarterlyGrade? grade, int percent)
    {
        Assert.Equal(percent, PerformancePay.QuarterlyPayPercent(grade, Weihai));
    }

    [Fact]
    public void PM5_QuarterlyPayPercent_FollowsTheProfile()
    {
        var profile = Weihai with { UngradedQuarterlyRatio = 0.5m };

        Assert.Equal(50, PerformancePay.QuarterlyPayPercent(null, profile));
    }

    [Theory]
    [InlineData(AnnualGrade.Excellent, 1.1)]
    [InlineData(AnnualGrade.Competent, 1.0)]
    [InlineData(AnnualGrade.BasicallyCompetent, 0.2)]
    [InlineData(AnnualGrade.Incompetent, 0.0)]
    public void PM5_PersonalAnnualCoefficient_FollowsTheAnnualGrade(AnnualGrade grade, double coefficient)
    {
        var decision = PerformancePay.AnnualCoefficient(grade, Ordinary, Weihai);

        Assert.Equal((decimal)coefficient, decision.Value);
        Assert.Equal("PM 第五条", decision.Article);
    }

    [Fact]
    public void PM8_OpenRecruitmentProbation_GetsNoPerformancePayWhateverTheGrade()
    {
        var facts = new PerformancePayFacts { InOpenRecruitmentProbation = true };

        var quarterly = PerformancePay.QuarterlyRatio(QuarterlyGrade.Good, facts, Weihai);
        var annual = PerformancePay.AnnualCoefficient(AnnualGrade.Excellent, facts, Weihai);

        Assert.Equal(0m, quarterly.Value);
        Assert.Equal(0m, annual.Value);
        Assert.Equal("PM 第八条", annual.Article);
    }

    public static TheoryData<PerformancePayFacts, bool> Pm9Cases => new()
    {
        { new PerformancePayFacts { PartySanction = PartySanction.Warning }, false },
        { new PerformancePayFacts { PartySanction = PartySanction.SeriousWarning }, true },
        { new PerformancePayFacts { PartySanction = PartySanction.Expulsion }, true },
        { new PerformancePayFacts { GovernmentSanction = GovernmentSanction.Warning }, false },
        { new PerformancePayFacts { GovernmentSanction = GovernmentSanction.Demerit }, true },
        { new PerformancePayFacts { GovernmentSanction = GovernmentSanction.Dismissal }, true },
        { new PerformancePayFacts { OrganisationalMeasure = OrganisationalMeasure.Demotion }, true },
        { new PerformancePayFacts { OrganisationalMeasure = OrganisationalMeasure.OrderedResignation }, true },
        { new PerformancePayFacts { OrganisationalMeasure = OrganisationalMeasure.Removal }, true },
        { new PerformancePayFacts { UnderInvestigation = true }, true },
        { new PerformancePayFacts { ExcludedByZoneCommittee = true }, true },
    };

    [Theory]
    [MemberData(nameof(Pm9Cases))]
    public void PM9_SeriousSanctionsMeasuresAndInvestigations_WithholdAnnualButNotQuarterlyPay(PerformancePayFacts facts, bool withheld)
    {
        var annual = PerformancePay.AnnualCoefficient(AnnualGrade.Competent, facts, Weihai);
        var quarterly = PerformancePay.QuarterlyRatio(QuarterlyGrade.FairlyGood, facts, Weihai);

        Assert.Equal(withheld ? 0m : 1.0m, annual.Value);
        Assert.Equal(withheld ? "PM 第九条" : "PM 第五条", annual.Article);
        Assert.Equal(1.0m, quarterly.Value);
    }

    [Theory]
    [InlineData(Separation.TransferredOut)]
    [InlineData(Separation.Retired)]
    [InlineData(Separation.Deceased)]
    public void PM8_TransferredRetiredOrDeceasedWithoutAResult_ArePaidAsFairlyGoodAndCompetent(Separation separation)
    {
        var facts = new PerformancePayFacts { Separation = separation };

        var quarterly = PerformancePay.QuarterlyRatio(null, facts, Weihai);
        var annual = PerformancePay.AnnualCoefficient(null, facts, Weihai);

        Assert.Equal(1.0m, quarterly.Value);
        Assert.Equal(1.0m, annual.Value);
        Assert.Equal("PM 第八条", annual.Article);
        Assert.Equal(0.2m, PerformancePay.QuarterlyRatio(QuarterlyGrade.Average, facts, Weihai).Value);
    }

    [Fact]
    public void PM8_PeopleWhoQuit_GetNoPerformancePayForPeriodsNotAssessed_ButKeepAGradedOne()
    {
        var facts = new PerformancePayFacts { Separation = Separation.Quit };

        Assert.Equal(0m, PerformancePay.QuarterlyRatio(null, facts, Weihai).Value);
        Assert.Equal(0m, PerformancePay.AnnualCoefficient(null, facts, Weihai).Value);
        Assert.Equal(1.0m, PerformancePay.QuarterlyRatio(QuarterlyGrade.Good, facts, Weihai).Value);
    }

    [Fact]
    public void PM5_Interpretation_UngradedPeriods_PayNothingByDefault_OrTheProfilesShare()
    {
        var generous = Weihai with { UngradedQuarterlyRatio = 0.5m, UngradedAnnualCoefficient = 0.2m };

        Assert.Equal(0m, PerformancePay.QuarterlyRatio(null, Ordinary, Weihai).Value);
        Assert.Equal(0m, PerformancePay.AnnualCoefficient(null, Ordinary, Weihai).Value);
        Assert.Equal(0.5m, PerformancePay.QuarterlyRatio(null, Ordinary, generous).Value);
        Assert.Equal(0.2m, PerformancePay.AnnualCoefficient(null, Ordinary, generous).Value);
    }
}
