using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

/// <summary>A quarterly grade recorded wrongly is corrected (更正) with its reason; both records stay in the history.</summary>
public class QuarterlyGradeCorrectionTests
{
    private static readonly Quarter Q2 = new(2021, 2);

    [Fact]
    public void A_correction_replaces_the_grade_keeps_both_records_and_calls_for_the_new_follow_up()
    {
        var employee = Appointed();
        Quarter(employee, 2021, 2, QuarterlyGrade.Poor);
        employee.MarkCommitted();

        employee.CorrectQuarterlyGrade(D("2021-07-10"), Q2, QuarterlyGrade.FairlyGood, "scored against the wrong rubric");

        var corrected = Assert.IsType<QuarterlyGradeCorrected>(Assert.Single(employee.UncommittedEvents));
        Assert.Equal((QuarterlyGrade.Poor, QuarterlyGrade.FairlyGood, "scored against the wrong rubric"), (corrected.From, corrected.To, corrected.Reason));
        Assert.Equal(QuarterlyGrade.FairlyGood, employee.QuarterlyGrades[Q2].Grade);
        Assert.Single(employee.History.OfType<QuarterlyGradeRecorded>());
        Assert.Equal(QuarterlyGrade.FairlyGood, Employee.FromHistory(employee.History).QuarterlyGrades[Q2].Grade);
    }

    [Fact]
    public void A_correction_to_Average_calls_for_a_talk_and_rectification()
    {
        var employee = Appointed();
        Quarter(employee, 2021, 2, QuarterlyGrade.FairlyGood);
        employee.MarkCommitted();

        employee.CorrectQuarterlyGrade(D("2021-07-10"), Q2, QuarterlyGrade.Average, "attendance sheet misread");

        Assert.Equal(QuarterlyFollowUp.TalkAndRectification, employee.UncommittedEvents.OfType<QuarterlyFollowUpDue>().Single().FollowUp);
    }

    [Fact]
    public void AS8_a_correction_to_Good_needs_the_ledgers_grant()
    {
        var employee = Appointed();
        Quarter(employee, 2021, 2, QuarterlyGrade.FairlyGood);
        employee.MarkCommitted();

        Refused(employee, Rules.GoodQuota, () => employee.CorrectQuarterlyGrade(D("2021-07-10"), Q2, QuarterlyGrade.Good, "the Good was earned"));
        var grant = GoodQuotaLedger.FromHistory(Planning, Q2, []).Grant(D("2021-07-10"), employee.Id, 10, employee.Policy);
        employee.CorrectQuarterlyGrade(D("2021-07-10"), Q2, QuarterlyGrade.Good, "the Good was earned", grant);

        Assert.Equal(QuarterlyGrade.Good, employee.QuarterlyGrades[Q2].Grade);
    }

    [Fact]
    public void Corrections_with_nothing_to_correct_or_no_reason_are_refused_and_record_nothing()
    {
        var employee = Appointed();
        Quarter(employee, 2021, 2, QuarterlyGrade.FairlyGood);
        employee.MarkCommitted();

        Refused(employee, Rules.QuarterlyGradeCorrection, () => employee.CorrectQuarterlyGrade(D("2021-07-10"), new Quarter(2021, 1), QuarterlyGrade.Average, "x"), ViolationKind.NotFound);
        Refused(employee, Rules.QuarterlyGradeCorrection, () => employee.CorrectQuarterlyGrade(D("2021-07-10"), Q2, QuarterlyGrade.FairlyGood, "same"));
        Refused(employee, Rules.QuarterlyGradeCorrection, () => employee.CorrectQuarterlyGrade(D("2021-07-10"), Q2, QuarterlyGrade.Average, " "), ViolationKind.InvalidArgument);
        Refused(employee, Rules.QuarterlyGradeCorrection, () => employee.CorrectQuarterlyGrade(D("2021-06-01"), Q2, QuarterlyGrade.Average, "before"));

        Assert.Empty(employee.UncommittedEvents);
    }

    [Fact]
    public void AS28_once_the_year_is_graded_its_quarters_are_not_corrected()
    {
        var employee = Appointed();
        for (var q = 1; q <= 4; q++)
        {
            Quarter(employee, 2021, q, QuarterlyGrade.FairlyGood);
        }

        Year(employee, 2021, AnnualGrade.Competent);
        employee.MarkCommitted();

        var refused = Refused(employee, Rules.QuarterlyGradeCorrection, () => employee.CorrectQuarterlyGrade(D("2021-12-28"), Q2, QuarterlyGrade.Average, "late finding"));

        Assert.Contains("AS 第二十八条", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AS8_a_released_Good_frees_its_place_in_the_ledger()
    {
        var first = new EmployeeId("a");
        var policy = Appointed().Policy;
        var ledger = GoodQuotaLedger.FromHistory(Planning, Q2, []);
        var granted = ledger.Grant(D("2021-06-30"), first, 5, policy);
        var released = ledger.Release(D("2021-07-10"), first, "corrected to FairlyGood");

        var replayed = GoodQuotaLedger.FromHistory(Planning, Q2, [granted, released]);

        Assert.Equal(0, replayed.Granted);
        Assert.Throws<RuleViolationException>(() => replayed.Release(D("2021-07-11"), first, "twice"));
        replayed.Grant(D("2021-07-11"), new EmployeeId("b"), 5, policy);
        Assert.Equal(1, replayed.Granted);
    }
}
