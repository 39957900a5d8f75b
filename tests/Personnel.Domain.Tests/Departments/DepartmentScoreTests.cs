using Personnel.Domain.Common;
using Personnel.Domain.Departments;

namespace Personnel.Domain.Tests.Departments;

public class DepartmentScoreTests
{
    private static readonly DepartmentPolicy Weihai = new();

    [Fact]
    public void SP31_ZoneDepartment_TownshipWeighsThirtyPercent()
    {
        // 80 × 0.70 + 90 × 0.30 = 56 + 27 = 83.
        var result = DepartmentScore.ZoneDepartment(80m, 90m, 0.30m, Weihai);

        Assert.Equal(83.00m, result.Score);
        Assert.Equal([56.0m, 27.0m], result.Lines.Select(l => l.Value));
        Assert.All(result.Lines, l => Assert.Equal("SP 三(一)", l.Article));
    }

    [Fact]
    public void SP31_ZoneDepartment_TownshipMayWeighMore()
    {
        // 80 × 0.5 + 90 × 0.5 = 85.
        Assert.Equal(85.00m, DepartmentScore.ZoneDepartment(80m, 90m, 0.50m, Weihai).Score);
    }

    [Theory]
    [InlineData(0.29)]
    [InlineData(1.01)]
    public void SP31_ZoneDepartment_TownshipWeightBelowThirtyPercentOrAboveAll_IsRefused(double weight)
    {
        var error = Assert.Throws<RuleViolationException>(() => DepartmentScore.ZoneDepartment(80m, 90m, (decimal)weight, Weihai));

        Assert.Equal(Rules.TownshipEvaluationWeight, error.Rule);
        Assert.Contains("SP 三(一)", error.Message);
    }

    [Fact]
    public void SP_ScoresOutsideZeroToHundred_AreRefused()
    {
        Assert.Throws<RuleViolationException>(() => DepartmentScore.ZoneDepartment(101m, 90m, 0.3m, Weihai));
        Assert.Throws<RuleViolationException>(() => DepartmentScore.DispatchedAgency(
            DepartmentKind.LawEnforcementSquad, 70m, [80m, -1m], 90m, 0m, Weihai));
    }

    [Fact]
    public void SP33_LawEnforcementSquad_QuarterlyMeanFortyYearEndSixtyPlusAdjustments_ThenTownshipSixtyPercent()
    {
        // Quarterly mean (80+90+85+95)/4 = 87.5; 87.5 × 0.4 = 35; 90 × 0.6 = 54; +1.5 → township 90.5.
        // 90.5 × 0.6 = 54.3; district 70 × 0.4 = 28; year score 82.3.
        var result = DepartmentScore.DispatchedAgency(
            DepartmentKind.LawEnforcementSquad, 70m, [80m, 90m, 85m, 95m], 90m, 1.5m, Weihai);

        Assert.Equal(82.30m, result.Score);
        Assert.Contains(result.Lines, l => l.Article == "SP 三(三)7" && l.Value == 35.0m);
        Assert.Contains(result.Lines, l => l.Article == "SP 三(二)–(四)" && l.Value == 54.30m);
    }

    [Fact]
    public void SP33_AMeanOfThreeQuarters_IsRoundedOnlyAtTheEnd()
    {
        // (80+85+86)/3 × 0.4 = 33.4667; 90 × 0.6 = 54; township 87.4667 × 0.6 = 52.48; + 70 × 0.4 = 28 → 80.48.
        var result = DepartmentScore.DispatchedAgency(DepartmentKind.MarketSupervisionOffice, 70m, [80m, 85m, 86m], 90m, 0m, Weihai);

        Assert.Equal(80.48m, result.Score);
    }

    [Fact]
    public void SP32_Interpretation_OtherAgencies_UseTheQuarterlyFormulaByDefault_OrTheYearEndScoreWhenConfigured()
    {
        var quarterly = DepartmentScore.DispatchedAgency(DepartmentKind.JudicialOffice, 70m, [80m, 90m, 85m, 95m], 90m, 1.5m, Weihai);
        var yearEndOnly = DepartmentScore.DispatchedAgency(DepartmentKind.JudicialOffice, 70m, [], 90m, 1.5m,
            Weihai with { QuarterlyFormulaForAllDispatchedAgencies = false });
        var squad = DepartmentScore.DispatchedAgency(DepartmentKind.LawEnforcementSquad, 70m, [80m, 90m, 85m, 95m], 90m, 1.5m,
            Weihai with { QuarterlyFormulaForAllDispatchedAgencies = false });

        Assert.Equal(82.30m, quarterly.Score);
        // (90 + 1.5) × 0.6 + 70 × 0.4 = 54.9 + 28 = 82.9.
        Assert.Equal(82.90m, yearEndOnly.Score);
        Assert.Equal(82.30m, squad.Score);
    }

    [Fact]
    public void SP33_NoQuarterlyScores_OrMoreThanFour_AreRefused()
    {
        Assert.Throws<RuleViolationException>(() => DepartmentScore.DispatchedAgency(
            DepartmentKind.LawEnforcementSquad, 70m, [], 90m, 0m, Weihai));
        Assert.Throws<RuleViolationException>(() => DepartmentScore.DispatchedAgency(
            DepartmentKind.LawEnforcementSquad, 70m, [1m, 2m, 3m, 4m, 5m], 90m, 0m, Weihai));
    }

    [Fact]
    public void SP_WeightsThatDoNotSumToOne_AreRefused()
    {
        var error = Assert.Throws<RuleViolationException>(() => DepartmentScore.DispatchedAgency(
            DepartmentKind.LawEnforcementSquad, 70m, [80m], 90m, 0m, Weihai with { QuarterlyMeanWeight = 0.5m }));

        Assert.Contains("sum to 1", error.Message);
    }

    [Fact]
    public void SP_AZoneDepartmentIsNotScoredAsADispatchedAgency()
    {
        Assert.Throws<RuleViolationException>(() => DepartmentScore.DispatchedAgency(
            DepartmentKind.ZoneDepartment, 70m, [80m], 90m, 0m, Weihai));
    }
}
