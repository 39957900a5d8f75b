using Personnel.Domain.Common;
using Personnel.Domain.Employees;

namespace Personnel.Domain.Tests.Common;

/// <summary>The consequence → article table (AS 第十八条–第二十八条, AM 第十七条, 第十八条) answers what a command's events mean.</summary>
public class ConsequenceCatalogueTests
{
    private static readonly DateOnly On = new(2024, 12, 20);

    [Theory]
    [InlineData(EventTypes.Employee.Demoted, "Demoted", "AS 第二十一条")]
    [InlineData(EventTypes.Employee.ContractTerminated, "ContractTerminated", "AS 第二十一条")]
    [InlineData(EventTypes.Employee.PromotionFrozen, "PromotionFrozen", "AS 第二十条")]
    [InlineData(EventTypes.Employee.QuarterlyFollowUpDue, "QuarterlyFollowUpDue", "AS 第十八条")]
    [InlineData(EventTypes.Employee.EmployeeDismissed, "Dismissed", "AM 第十八条")]
    [InlineData(EventTypes.Department.YellowCardIssued, "YellowCard", "AM 第十七条")]
    public void AS19_22_AConsequenceIsNamedWithItsArticle(string type, string kind, string article)
    {
        var note = ConsequenceCatalogue.Of(type, "{}");

        Assert.Equal((kind, article), (note?.Kind, note?.Article));
    }

    [Theory]
    [InlineData(EventTypes.Employee.AnnualGradeRecorded)]
    [InlineData(EventTypes.Employee.QuarterlyGradeRecorded)]
    [InlineData(EventTypes.Employee.RankingWarningIssued)]
    public void TheCommandsOwnEvent_IsNoConsequenceOfTheGeneralTable(string type)
    {
        Assert.Null(ConsequenceCatalogue.Of(type, "{}"));
    }

    [Fact]
    public void AS19_AMerit_NamesItsClass()
    {
        var payload = EventJson.Serialize<EmployeeEvent>(new MeritAwarded(On, 2024, MeritClass.SecondClass, 5));

        var note = ConsequenceCatalogue.Of(EventTypes.Employee.MeritAwarded, payload);

        Assert.Equal("二等功 (second-class merit): 5 consecutive Excellent years to 2024.", note?.Description);
    }

    [Fact]
    public void AS19_AWithdrawnCommendation_IsNamedAsItWasRecorded()
    {
        var payload = EventJson.Serialize<EmployeeEvent>(new AnnualConsequenceWithdrawn(On, 2023, Domain.Grading.Consequence.Commendation));

        var note = ConsequenceCatalogue.Withdrawn(payload);

        Assert.Equal(("Commendation", "AS 第十九条", "Withdrawn for 2023, its grade corrected: Excellent: commendation (嘉奖)."),
            (note.Kind, note.Article, note.Description));
    }

    [Fact]
    public void AM16_APostAdjustment_IsNamedByTheRuleThatRaisedIt()
    {
        var payload = EventJson.Serialize<EmployeeEvent>(new PostAdjustmentDue(On, Rules.HealthPostAdjustment.Code, "unable to work for 14 months"));

        var general = ConsequenceCatalogue.Of(EventTypes.Employee.PostAdjustmentDue, payload);
        var named = ConsequenceCatalogue.NamedByRule(EventTypes.Employee.PostAdjustmentDue, payload);

        Assert.Equal("AS 第二十条", general?.Article);
        Assert.Equal(("PostAdjustmentDue", "AM 第十六条", "The post is to be adjusted: unable to work for 14 months."),
            (named?.Kind, named?.Article, named?.Description));
    }

    [Fact]
    public void APostAdjustmentUnderAnUnknownRule_KeepsTheGeneralArticle()
    {
        var payload = EventJson.Serialize<EmployeeEvent>(new PostAdjustmentDue(On, "NO-SUCH-RULE", ""));

        var named = ConsequenceCatalogue.NamedByRule(EventTypes.Employee.PostAdjustmentDue, payload);

        Assert.Equal(("AS 第二十条", "The post is to be adjusted."), (named?.Article, named?.Description));
    }

    [Fact]
    public void RankingConsequences_AreNamedOnlyByRule()
    {
        var named = ConsequenceCatalogue.NamedByRule(EventTypes.Employee.RankingWarningIssued, "{}");

        Assert.Equal(("RankingWarning", Rules.RankingConsequences.Article), (named?.Kind, named?.Article));
    }
}
