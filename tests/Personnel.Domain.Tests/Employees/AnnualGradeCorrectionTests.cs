using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

/// <summary>
/// An annual grade recorded wrongly is corrected (更正) with its reason, outside review and appeal (AS 第二十八条): the old
/// grade's consequences are undone, the new grade's applied, both records stay in the history.
/// </summary>
public class AnnualGradeCorrectionTests
{
    private const string Reason = "the review sheet of another person was keyed in";

    [Fact]
    public void AS21_Incompetent_corrected_to_Competent_reverses_the_demotion_and_counts_the_year()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        Year(employee, 2020, AnnualGrade.Competent);
        Year(employee, 2021, AnnualGrade.Incompetent);
        employee.MarkCommitted();

        employee.CorrectAnnualGrade(D("2022-01-10"), 2021, AnnualGrade.Competent, Reason);

        Assert.Equal([typeof(AnnualGradeCorrected), typeof(AnnualConsequenceWithdrawn), typeof(DemotionReversed)], NewEventTypes(employee));
        var corrected = employee.UncommittedEvents.OfType<AnnualGradeCorrected>().Single();
        Assert.Equal((AnnualGrade.Incompetent, AnnualGrade.Competent, Reason, Planning), (corrected.From, corrected.To, corrected.Reason, corrected.GradedBy));
        Assert.Equal(new PostGrade(6, 3), employee.PostLevel.Grade);
        Assert.Equal(D("2020-01-01"), employee.GradeSince);
        var tenure = employee.TenureOn(D("2022-02-01"));
        Assert.Equal(2, tenure.CountedYears);
        Assert.Empty(tenure.CareerYearsNotCounted);
        Assert.DoesNotContain(employee.ConsequenceHistory, c => c is YearNotCounted);
        Assert.Single(employee.History.OfType<AnnualGradeRecorded>(), a => a.Year == 2021);
        Assert.Equal(AnnualGrade.Competent, employee.AnnualGrades[2021].Grade);
    }

    [Fact]
    public void AS20_Competent_corrected_to_BasicallyCompetent_admonishes_uncounts_and_freezes_promotion()
    {
        var employee = Appointed();
        Year(employee, 2021, AnnualGrade.Competent);
        employee.MarkCommitted();

        employee.CorrectAnnualGrade(D("2022-01-10"), 2021, AnnualGrade.BasicallyCompetent, Reason);

        Assert.Equal([typeof(AnnualGradeCorrected), typeof(Admonished), typeof(YearNotCounted), typeof(PromotionFrozen)], NewEventTypes(employee));
        Assert.Equal(D("2023-01-10"), employee.PromotionFrozenUntil);
        Assert.Equal([2021], employee.TenureOn(D("2022-02-01")).CareerYearsNotCounted.Select(y => y.Year));
        Refused(employee, Rules.PromotionFreeze, () => employee.Promote(D("2022-06-01"), Level(Post.DeputySectionChief, 5)));
    }

    [Fact]
    public void AS20_4_a_second_BasicallyCompetent_corrected_to_Competent_undoes_its_own_consequences_and_keeps_the_first_years()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        Year(employee, 2020, AnnualGrade.BasicallyCompetent);
        Year(employee, 2021, AnnualGrade.BasicallyCompetent);
        Assert.Equal(new PostGrade(7, 3), employee.PostLevel.Grade);
        employee.MarkCommitted();

        employee.CorrectAnnualGrade(D("2022-01-10"), 2021, AnnualGrade.Competent, Reason);

        Assert.Equal(
            [Consequence.Admonishment, Consequence.YearNotCounted, Consequence.PromotionFreeze, Consequence.PostAdjustment],
            employee.UncommittedEvents.OfType<AnnualConsequenceWithdrawn>().Select(w => w.Consequence));
        Assert.Equal(new PostGrade(6, 3), employee.PostLevel.Grade);
        Assert.Empty(employee.PostAdjustments);
        Assert.Equal(D("2021-12-20"), employee.PromotionFrozenUntil);
        Assert.Equal([2020], employee.ConsequenceHistory.OfType<Admonished>().Select(a => a.Year));
        Assert.Equal([2020], employee.TenureOn(D("2022-02-01")).CareerYearsNotCounted.Select(y => y.Year));
        employee.Promote(D("2022-02-01"), Level(Post.DeputySectionChief, 5));
    }

    [Fact]
    public void AS21_3_the_second_Incompetent_year_corrected_reinstates_the_terminated_contract()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        Year(employee, 2020, AnnualGrade.Incompetent);
        Year(employee, 2021, AnnualGrade.Incompetent);
        Assert.Equal(ContractState.Terminated, employee.State);
        employee.MarkCommitted();

        employee.CorrectAnnualGrade(D("2022-01-10"), 2021, AnnualGrade.BasicallyCompetent, Reason);

        Assert.Equal(
            [typeof(AnnualGradeCorrected), typeof(DemotionReversed), typeof(EmployeeReinstated), typeof(Admonished), typeof(PromotionFrozen)],
            NewEventTypes(employee));
        Assert.Equal(ContractState.Appointed, employee.State);
        Assert.Null(employee.SeparatedOn);
        Assert.Equal(new PostGrade(7, 3), employee.PostLevel.Grade);
        Assert.Equal(D("2023-01-10"), employee.PromotionFrozenUntil);
    }

    [Fact]
    public void AS21_3_a_Competent_year_after_an_Incompetent_one_corrected_to_Incompetent_terminates_the_contract()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        Year(employee, 2020, AnnualGrade.Incompetent);
        Year(employee, 2021, AnnualGrade.Competent);
        employee.MarkCommitted();

        employee.CorrectAnnualGrade(D("2022-01-10"), 2021, AnnualGrade.Incompetent, Reason);

        Assert.Equal([typeof(AnnualGradeCorrected), typeof(YearNotCounted), typeof(Demoted), typeof(ContractTerminated)], NewEventTypes(employee));
        Assert.Equal(ContractState.Terminated, employee.State);
        Assert.Equal(new PostGrade(8, 3), employee.PostLevel.Grade);
    }

    [Fact]
    public void AS19_Excellent_corrected_away_withdraws_the_commendation_and_the_merit_it_completed()
    {
        var employee = Appointed("2019-01-01");
        GoodYear(employee, 2019, AnnualGrade.Excellent);
        GoodYear(employee, 2020, AnnualGrade.Excellent);
        GoodYear(employee, 2021, AnnualGrade.Excellent);
        Assert.Equal(MeritClass.ThirdClass, Assert.Single(employee.Merits).Class);
        employee.MarkCommitted();

        employee.CorrectAnnualGrade(D("2022-01-10"), 2021, AnnualGrade.Competent, Reason);

        Assert.Equal(Consequence.Commendation, employee.UncommittedEvents.OfType<AnnualConsequenceWithdrawn>().Single().Consequence);
        Assert.Empty(employee.Merits);
        Assert.Equal([2019, 2020], employee.ConsequenceHistory.OfType<CommendationAwarded>().Select(c => c.Year));
    }

    [Fact]
    public void AS9_AS12_a_correction_to_Excellent_needs_the_notice_and_a_grant_of_the_quota_and_then_commends()
    {
        var employee = Appointed("2019-01-01");
        GoodYear(employee, 2019, AnnualGrade.Excellent);
        GoodYear(employee, 2020, AnnualGrade.Excellent);
        GoodYear(employee, 2021, AnnualGrade.Competent);
        var facts = Facts(employee, 2021);
        employee.MarkCommitted();

        Refused(employee, Rules.ExcellentPublicNotice, () => employee.CorrectAnnualGrade(D("2022-01-10"), 2021, AnnualGrade.Excellent, Reason, facts));
        employee.ProposeExcellent(D("2022-01-04"), 2021);
        Refused(employee, Rules.ExcellentPublicNotice, () => employee.CorrectAnnualGrade(D("2022-01-10"), 2021, AnnualGrade.Excellent, Reason, facts));
        Refused(employee, Rules.ExcellentQuota, () => employee.CorrectAnnualGrade(D("2022-01-11"), 2021, AnnualGrade.Excellent, Reason, facts));
        var grant = ExcellentQuotaLedger.FromHistory(Planning, 2021, []).Grant(D("2022-01-11"), employee.Id, facts, employee.Policy);
        employee.CorrectAnnualGrade(D("2022-01-11"), 2021, AnnualGrade.Excellent, Reason, facts, grant);

        Assert.Equal(
            [typeof(ExcellentProposed), typeof(AnnualGradeCorrected), typeof(CommendationAwarded), typeof(MeritAwarded)],
            NewEventTypes(employee));
        Assert.Equal((2021, MeritClass.ThirdClass), (employee.Merits.Single().Year, employee.Merits.Single().Class));
    }

    [Fact]
    public void AS9_the_feedback_signed_on_the_old_result_is_signed_anew_for_the_corrected_one()
    {
        var employee = Appointed();
        Year(employee, 2021, AnnualGrade.Competent);
        employee.SignAnnualFeedback(D("2021-12-22"), 2021);

        employee.CorrectAnnualGrade(D("2022-01-10"), 2021, AnnualGrade.BasicallyCompetent, Reason);

        Assert.Empty(employee.SignedFeedback);
        Refused(employee, Rules.AnnualFeedback, () => employee.SignAnnualFeedback(D("2022-01-09"), 2021), ViolationKind.InvalidArgument);
        employee.SignAnnualFeedback(D("2022-01-11"), 2021);
        Assert.Equal(D("2022-01-11"), employee.SignedFeedback[2021].OccurredOn);
    }

    [Fact]
    public void AS28_a_grade_with_a_later_year_graded_or_under_appeal_is_not_corrected_and_nothing_is_recorded()
    {
        var graded = Appointed();
        Year(graded, 2021, AnnualGrade.BasicallyCompetent);
        Year(graded, 2022, AnnualGrade.Competent);
        var appealed = Appointed();
        Year(appealed, 2021, AnnualGrade.Incompetent);
        appealed.AppealAnnualGrade(D("2022-01-05"), 2021);
        graded.MarkCommitted();
        appealed.MarkCommitted();

        var later = Refused(graded, Rules.AnnualGradeCorrection, () => graded.CorrectAnnualGrade(D("2023-01-10"), 2021, AnnualGrade.Competent, Reason));
        var pending = Refused(appealed, Rules.AnnualGradeCorrection, () => appealed.CorrectAnnualGrade(D("2022-01-10"), 2021, AnnualGrade.Competent, Reason));
        appealed.ResolveAppeal(D("2022-02-01"), 2021, AppealOutcome.Upheld);
        Refused(appealed, Rules.AnnualGradeCorrection, () => appealed.CorrectAnnualGrade(D("2022-02-10"), 2021, AnnualGrade.Competent, Reason));

        Assert.Contains("2022 grade", later.Message, StringComparison.Ordinal);
        Assert.Contains("复核、申诉", pending.Message, StringComparison.Ordinal);
        Assert.Empty(graded.UncommittedEvents);
    }

    [Fact]
    public void Corrections_with_nothing_to_correct_no_reason_an_early_date_or_a_closed_contract_are_refused_and_record_nothing()
    {
        var employee = Appointed();
        employee.RecordLeave(D("2020-01-01"), LeaveKind.Sick, new DatePeriod(D("2020-01-01"), D("2020-12-31")));
        Year(employee, 2020, null);
        Year(employee, 2021, AnnualGrade.Competent);
        employee.MarkCommitted();

        Refused(employee, Rules.AnnualGradeCorrection, () => employee.CorrectAnnualGrade(D("2022-01-10"), 2019, AnnualGrade.Competent, Reason), ViolationKind.NotFound);
        Refused(employee, Rules.AnnualGradeCorrection, () => employee.CorrectAnnualGrade(D("2022-01-10"), 2021, AnnualGrade.Competent, Reason));
        Refused(employee, Rules.AnnualGradeCorrection, () => employee.CorrectAnnualGrade(D("2022-01-10"), 2021, AnnualGrade.Incompetent, " "), ViolationKind.InvalidArgument);
        Refused(employee, Rules.AnnualGradeCorrection, () => employee.CorrectAnnualGrade(D("2021-12-19"), 2021, AnnualGrade.Incompetent, Reason));
        Refused(employee, Rules.ExcellentNeedsGood, () => employee.CorrectAnnualGrade(D("2022-01-10"), 2021, AnnualGrade.Excellent, Reason, Facts(employee, 2021)));
        var withheld = Refused(employee, Rules.AnnualGradeCorrection, () => employee.CorrectAnnualGrade(D("2022-01-10"), 2020, AnnualGrade.Competent, Reason));
        Assert.Contains("补定等次", withheld.Message, StringComparison.Ordinal);
        employee.Resign(D("2022-01-05"));
        Refused(employee, Rules.AnnualGradeCorrection, () => employee.CorrectAnnualGrade(D("2022-01-10"), 2021, AnnualGrade.Incompetent, Reason));

        Assert.Equal([typeof(EmployeeResigned)], NewEventTypes(employee));
    }

    [Fact]
    public void A_contract_terminated_past_the_retirement_date_is_beyond_reversal()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6, retirement: "2025-06-30");
        Year(employee, 2020, AnnualGrade.Incompetent);
        Year(employee, 2021, AnnualGrade.Incompetent);
        employee.MarkCommitted();

        var refused = Refused(employee, Rules.AnnualGradeCorrection,
            () => employee.CorrectAnnualGrade(D("2025-07-01"), 2021, AnnualGrade.Competent, Reason));

        Assert.Contains("retirement date 2025-06-30", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ContractState.Terminated, employee.State);
    }

    [Fact]
    public void AS12_a_released_Excellent_frees_its_place_in_the_ledger()
    {
        var policy = Appointed().Policy;
        var facts = new DepartmentYearFacts(Planning, 2021, DepartmentTier.Tier3, 10);
        var ledger = ExcellentQuotaLedger.FromHistory(Planning, 2021, []);
        var granted = ledger.Grant(D("2021-12-20"), new EmployeeId("a"), facts, policy);
        var released = ledger.Release(D("2022-01-10"), new EmployeeId("a"), "corrected to Competent");

        var replayed = ExcellentQuotaLedger.FromHistory(Planning, 2021, [granted, released]);

        Assert.Equal(0, replayed.Granted);
        Assert.Equal(DepartmentTier.Tier3, replayed.Tier);
        Assert.Throws<RuleViolationException>(() => replayed.Release(D("2022-01-11"), new EmployeeId("a"), "twice"));
        replayed.Grant(D("2022-01-11"), new EmployeeId("b"), facts, policy);
        Assert.Equal(1, replayed.Granted);
    }
}
