using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

public class AnnualConsequenceTests
{
    [Fact]
    public void AS19_Excellent_BringsACommendation()
    {
        var employee = Appointed();

        GoodYear(employee, 2021, AnnualGrade.Excellent);

        Assert.Equal(2021, employee.UncommittedEvents.OfType<CommendationAwarded>().Single().Year);
        Assert.Empty(employee.Merits);
    }

    [Fact]
    public void AS19_ThreeAndFiveConsecutiveExcellentYears_BringThirdAndSecondClassMerits()
    {
        var employee = Appointed("2019-01-01");

        for (var year = 2019; year <= 2025; year++)
        {
            GoodYear(employee, year, AnnualGrade.Excellent);
        }

        Assert.Equal(7, employee.ConsequenceHistory.OfType<CommendationAwarded>().Count());
        Assert.Equal(
            [(2021, MeritClass.ThirdClass), (2023, MeritClass.SecondClass)],
            employee.Merits.Select(m => (m.Year, m.Class)).ToArray());
    }

    [Fact]
    public void AS19_ABrokenStreak_StartsCountingAgain()
    {
        var employee = Appointed("2019-01-01");
        GoodYear(employee, 2019, AnnualGrade.Excellent);
        GoodYear(employee, 2020, AnnualGrade.Excellent);
        GoodYear(employee, 2021, AnnualGrade.Competent);
        GoodYear(employee, 2022, AnnualGrade.Excellent);
        GoodYear(employee, 2023, AnnualGrade.Excellent);
        Assert.Empty(employee.Merits);

        GoodYear(employee, 2024, AnnualGrade.Excellent);

        Assert.Equal(MeritClass.ThirdClass, Assert.Single(employee.Merits).Class);
    }

    [Fact]
    public void AS20_BasicallyCompetent_AdmonishesUncountsAndFreezesPromotionForAYear()
    {
        var employee = Appointed();

        Year(employee, 2021, AnnualGrade.BasicallyCompetent);

        Assert.Equal(
            [typeof(AnnualGradeRecorded), typeof(Admonished), typeof(YearNotCounted), typeof(PromotionFrozen)],
            NewEventTypes(employee));
        Assert.Equal(D("2022-12-20"), employee.PromotionFrozenUntil);
        var error = Refused(employee, Rules.PromotionFreeze, () => employee.Promote(D("2022-12-19"), Level(Post.DeputySectionChief, 5)));
        Assert.Contains("frozen until 2022-12-20", error.Message, StringComparison.Ordinal);
        Refused(employee, Rules.PromotionFreeze, () => employee.ChangePost(D("2022-06-01"), Level(Post.Staff, 5, 3), "raise"));
        employee.Promote(D("2022-12-20"), Level(Post.DeputySectionChief, 5));
    }

    [Fact]
    public void AS20_4_TwoConsecutiveBasicallyCompetent_AdjustThePostAndDemoteOneGrade()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        Year(employee, 2020, AnnualGrade.BasicallyCompetent);
        employee.MarkCommitted();

        Year(employee, 2021, AnnualGrade.BasicallyCompetent);

        Assert.Equal(
            [typeof(AnnualGradeRecorded), typeof(Admonished), typeof(YearNotCounted), typeof(PromotionFrozen), typeof(Demoted), typeof(PostAdjustmentDue)],
            NewEventTypes(employee));
        Assert.Equal(new PostGrade(7, 3), employee.PostLevel.Grade);
        Assert.Equal("AS-20", employee.PostAdjustments.Single().RuleCode);
    }

    [Fact]
    public void AS21_Incompetent_DemotesOneGradeAndUncountsTheYear()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);

        Year(employee, 2021, AnnualGrade.Incompetent);

        var demoted = employee.UncommittedEvents.OfType<Demoted>().Single();
        Assert.Equal((new PostGrade(6, 3), new PostGrade(7, 3)), (demoted.From, demoted.To));
        Assert.Equal(AnnualOutcome.Incompetent, employee.UncommittedEvents.OfType<YearNotCounted>().Single().Outcome);
        Assert.Equal(new PostGrade(6, 3), employee.PostLevelOn(D("2021-12-19"))!.Grade);
        Assert.Equal(new PostGrade(7, 3), employee.PostLevelOn(D("2021-12-20"))!.Grade);
    }

    [Fact]
    public void RULES1_ADemotionAtLevelEight_IsRecordedAsFloorReached()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 8);

        Year(employee, 2021, AnnualGrade.Incompetent);

        var floor = employee.UncommittedEvents.OfType<DemotionFloorReached>().Single();
        Assert.Equal(new PostGrade(8, 3), floor.Grade);
        Assert.Empty(employee.UncommittedEvents.OfType<Demoted>());
        Assert.Equal(new PostGrade(8, 3), employee.PostLevel.Grade);
    }

    [Fact]
    public void AS21_3_TwoConsecutiveIncompetent_TerminateTheContract()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        Year(employee, 2020, AnnualGrade.Incompetent);
        employee.MarkCommitted();

        Year(employee, 2021, AnnualGrade.Incompetent);

        Assert.Equal([typeof(AnnualGradeRecorded), typeof(YearNotCounted), typeof(Demoted), typeof(ContractTerminated)], NewEventTypes(employee));
        Assert.Equal(ContractState.Terminated, employee.State);
        Assert.Equal(D("2021-12-20"), employee.SeparatedOn);
    }

    [Fact]
    public void AS21_IncompetentAfterBasicallyCompetent_IsNotConsecutive()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        Year(employee, 2020, AnnualGrade.BasicallyCompetent);

        Year(employee, 2021, AnnualGrade.Incompetent);

        Assert.Equal(ContractState.Appointed, employee.State);
    }

    [Fact]
    public void AS22_NoGrade_UncountsTheYearAndTwoConsecutiveMakeAPostAdjustmentDue()
    {
        var employee = Appointed();
        employee.RecordLeave(D("2021-01-01"), LeaveKind.Sick, new DatePeriod(D("2021-01-01"), D("2022-12-31")));
        Year(employee, 2021, null);
        Assert.Empty(employee.PostAdjustments);

        Year(employee, 2022, null);

        Assert.Equal("AS-22", employee.PostAdjustments.Single().RuleCode);
        Assert.Equal(2, employee.ConsequenceHistory.OfType<YearNotCounted>().Count());
    }

    [Fact]
    public void AS20_Competent_HasNoConsequenceAndTheYearCounts()
    {
        var employee = Appointed();

        Year(employee, 2020, AnnualGrade.Competent);

        Assert.Equal([typeof(AnnualGradeRecorded)], NewEventTypes(employee));
        Assert.Equal(1, employee.TenureOn(D("2021-01-01")).CountedYears);
    }

    [Fact]
    public void RULES9_AProfileWithoutTermination_KeepsTheContractAfterTwoIncompetentYears()
    {
        var consequences = new Dictionary<AnnualOutcome, OutcomeConsequences>(GradingPolicy.DefaultConsequences)
        {
            [AnnualOutcome.Incompetent] = new([Consequence.Demotion, Consequence.YearNotCounted], [Consequence.PostAdjustment]),
        };
        var employee = Appointed(policy: new GradingPolicy { Consequences = consequences });
        Year(employee, 2020, AnnualGrade.Incompetent);

        Year(employee, 2021, AnnualGrade.Incompetent);

        Assert.Equal(ContractState.Appointed, employee.State);
        Assert.Single(employee.PostAdjustments);
    }

    [Fact]
    public void AS28_AnIncompetentGrade_MayBeAppealedOnce()
    {
        var employee = Appointed();
        Year(employee, 2021, AnnualGrade.Competent);
        Refused(employee, Rules.AppealOfIncompetent, () => employee.AppealAnnualGrade(D("2022-01-05"), 2021));
        Year(employee, 2022, AnnualGrade.Incompetent);

        employee.AppealAnnualGrade(D("2023-01-05"), 2022);

        Refused(employee, Rules.AppealOfIncompetent, () => employee.AppealAnnualGrade(D("2023-01-06"), 2022), ViolationKind.AlreadyExists);
    }

    [Fact]
    public void AS28_AnAppealRevisedToCompetent_UndoesTheDemotion()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        Year(employee, 2021, AnnualGrade.Incompetent);
        employee.AppealAnnualGrade(D("2022-01-05"), 2021);
        employee.MarkCommitted();

        employee.ResolveAppeal(D("2022-02-10"), 2021, AppealOutcome.Revised, AnnualGrade.Competent);

        Assert.Equal([typeof(AppealResolved), typeof(DemotionReversed)], NewEventTypes(employee));
        Assert.Equal(new PostGrade(6, 3), employee.PostLevel.Grade);
        Assert.Equal(AnnualGrade.Competent, employee.AnnualGrades[2021].Grade);
        Assert.Empty(employee.TenureOn(D("2022-03-01")).YearsNotCounted);
    }

    [Fact]
    public void AS28_AnUpheldAppeal_ChangesNothingElse()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        Year(employee, 2021, AnnualGrade.Incompetent);
        employee.AppealAnnualGrade(D("2022-01-05"), 2021);

        employee.ResolveAppeal(D("2022-02-10"), 2021, AppealOutcome.Upheld);

        Assert.Equal(new PostGrade(7, 3), employee.PostLevel.Grade);
        Refused(employee, Rules.AppealOfIncompetent, () => employee.ResolveAppeal(D("2022-02-11"), 2021, AppealOutcome.Upheld));
    }

    [Fact]
    public void AS28_AnAppealRevisingTheSecondIncompetentYear_ReinstatesTheContract()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        Year(employee, 2020, AnnualGrade.Incompetent);
        Year(employee, 2021, AnnualGrade.Incompetent);
        Assert.Equal(ContractState.Terminated, employee.State);
        employee.AppealAnnualGrade(D("2022-01-05"), 2021);

        employee.ResolveAppeal(D("2022-02-10"), 2021, AppealOutcome.Revised, AnnualGrade.BasicallyCompetent);

        Assert.Equal(ContractState.Appointed, employee.State);
        Assert.Null(employee.SeparatedOn);
        Assert.Equal(new PostGrade(7, 3), employee.PostLevel.Grade);
        Assert.Equal(D("2023-02-10"), employee.PromotionFrozenUntil);
    }

    [Fact]
    public void AS28_AnAppealCannotMakeExcellent()
    {
        var employee = Appointed();
        Year(employee, 2021, AnnualGrade.Incompetent);
        employee.AppealAnnualGrade(D("2022-01-05"), 2021);

        Refused(employee, Rules.AppealOfIncompetent,
            () => employee.ResolveAppeal(D("2022-02-10"), 2021, AppealOutcome.Revised, AnnualGrade.Excellent), ViolationKind.InvalidArgument);
    }

    [Fact]
    public void AS28_RevisingTheFirstOfTwoIncompetentYears_AlsoReinstates()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        Year(employee, 2020, AnnualGrade.Incompetent);
        Year(employee, 2021, AnnualGrade.Incompetent);
        employee.AppealAnnualGrade(D("2022-01-05"), 2020);

        employee.ResolveAppeal(D("2022-02-10"), 2020, AppealOutcome.Revised, AnnualGrade.Competent);

        Assert.Equal(ContractState.Appointed, employee.State);
        Assert.Equal(new PostGrade(7, 3), employee.PostLevel.Grade);
    }
}
