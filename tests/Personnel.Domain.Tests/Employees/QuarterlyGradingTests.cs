using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

public class QuarterlyGradingTests
{
    private static readonly Quarter Q2 = new(2021, 2);

    [Fact]
    public void AS8_AGoodWithTheLedgersGrant_IsRecordedWithPraise()
    {
        var employee = Appointed();

        Quarter(employee, 2021, 2, QuarterlyGrade.Good);

        var recorded = employee.UncommittedEvents.OfType<QuarterlyGradeRecorded>().Single();
        Assert.Equal(QuarterlyGrade.Good, recorded.Grade);
        Assert.Equal(QuarterlyFollowUp.PraiseOrReward, employee.UncommittedEvents.OfType<QuarterlyFollowUpDue>().Single().FollowUp);
    }

    [Fact]
    public void AS8_AGoodWithoutAGrant_IsRefused()
    {
        var employee = Appointed();

        Refused(employee, Rules.GoodQuota, () => employee.RecordQuarterlyGrade(Q2.LastDay, Q2, QuarterlyGrade.Good, Planning));
    }

    [Fact]
    public void AS8_AGrantForSomeoneElse_IsRefused()
    {
        var employee = Appointed();
        var grant = GoodQuotaLedger.FromHistory(Planning, Q2, []).Grant(Q2.LastDay, new EmployeeId("li-si"), 10, employee.Policy);

        Refused(employee, Rules.GoodQuota, () => employee.RecordQuarterlyGrade(Q2.LastDay, Q2, QuarterlyGrade.Good, Planning, grant), ViolationKind.InvalidArgument);
    }

    [Theory]
    [InlineData(QuarterlyGrade.Average, QuarterlyFollowUp.TalkAndRectification)]
    [InlineData(QuarterlyGrade.Poor, QuarterlyFollowUp.CriticismPossibleAdmonishment)]
    public void AS18_AverageAndPoor_CallForTheirFollowUp(QuarterlyGrade grade, QuarterlyFollowUp followUp)
    {
        var employee = Appointed();

        Quarter(employee, 2021, 2, grade);

        Assert.Equal(followUp, employee.UncommittedEvents.OfType<QuarterlyFollowUpDue>().Single().FollowUp);
    }

    [Fact]
    public void AS7_AQuarterGradedBeforeItsLastMonth_IsRefused()
    {
        var employee = Appointed();

        Refused(employee, Rules.QuarterlyAssessmentTiming, () => employee.RecordQuarterlyGrade(D("2021-05-31"), Q2, QuarterlyGrade.FairlyGood, Planning));
        employee.RecordQuarterlyGrade(D("2021-06-01"), Q2, QuarterlyGrade.FairlyGood, Planning);
    }

    [Fact]
    public void AS8_AQuarterGradedTwice_IsAlreadyExists()
    {
        var employee = Appointed();
        Quarter(employee, 2021, 2, QuarterlyGrade.FairlyGood);

        Refused(employee, Rules.OneGradePerPeriod, () => Quarter(employee, 2021, 2, QuarterlyGrade.Average), ViolationKind.AlreadyExists);
    }

    [Fact]
    public void AS8_NoGradeWithoutAReason_IsRefused()
    {
        var employee = Appointed();

        Refused(employee, Rules.GradeRequired, () => Quarter(employee, 2021, 2, null));
    }

    [Fact]
    public void AS27_DuringAWarning_NoGood()
    {
        var employee = Appointed();
        employee.RecordSanction(D("2021-05-10"), SanctionKind.Warning, SanctionAuthority.Government, "late reports");

        var error = Refused(employee, Rules.SanctionEffects, () => Quarter(employee, 2021, 4, QuarterlyGrade.Good));
        Assert.Contains("2021-05-10..2021-11-09", error.Message, StringComparison.Ordinal);
        Quarter(employee, 2021, 4, QuarterlyGrade.FairlyGood);
    }

    [Fact]
    public void AS27_AfterTheWarningPeriod_GoodAgain()
    {
        var employee = Appointed();
        employee.RecordSanction(D("2021-01-10"), SanctionKind.Warning, SanctionAuthority.Government, "late reports");

        // The six-month warning runs to 2021-07-09: it still touches Q3, not Q4.
        Refused(employee, Rules.SanctionEffects, () => Quarter(employee, 2021, 3, QuarterlyGrade.Good));
        Quarter(employee, 2021, 4, QuarterlyGrade.Good);

        Assert.Equal(QuarterlyGrade.Good, employee.QuarterlyGrades[new Quarter(2021, 4)].Grade);
    }

    [Theory]
    [InlineData(SanctionKind.Demerit)]
    [InlineData(SanctionKind.MajorDemerit)]
    [InlineData(SanctionKind.Demotion)]
    [InlineData(SanctionKind.Removal)]
    public void AS27_DuringADemeritOrHeavierPeriod_CommentsOnlyNoGrade(SanctionKind kind)
    {
        var employee = Appointed();
        employee.RecordSanction(D("2021-05-10"), kind, SanctionAuthority.Party, "breach");

        Refused(employee, Rules.SanctionEffects, () => Quarter(employee, 2021, 2, QuarterlyGrade.FairlyGood));
        Quarter(employee, 2021, 2, null);

        Assert.Equal(NoGradeReason.Sanctioned, employee.QuarterlyGrades[Q2].NoGradeReason);
    }

    [Fact]
    public void AS23_InProbation_CommentsOnlyNoGrade()
    {
        var employee = Employee.Appoint(D("2021-03-01"), Request(method: AppointmentMethod.OpenRecruitment, probation: ProbationKind.Standard));

        Refused(employee, Rules.ProbationNoGrade, () => employee.RecordQuarterlyGrade(Q2.LastDay, Q2, QuarterlyGrade.FairlyGood, Planning));
        employee.RecordQuarterlyGrade(Q2.LastDay, Q2, null, Planning);

        Assert.Equal(NoGradeReason.InProbation, employee.QuarterlyGrades[Q2].NoGradeReason);
    }

    [Fact]
    public void AS23_Interpretation_AnyDay_ProbationEndingInsideTheQuarterTakesTheGrade()
    {
        // Probation 2021-03-01..2021-08-31 overlaps Q3 (July–September).
        var employee = Employee.Appoint(D("2021-03-01"), Request(method: AppointmentMethod.OpenRecruitment, probation: ProbationKind.Standard));
        employee.PassProbation(D("2021-08-31"));

        Refused(employee, Rules.ProbationNoGrade, () => Quarter(employee, 2021, 3, QuarterlyGrade.FairlyGood));
    }

    [Fact]
    public void AS23_Interpretation_LastDay_ProbationEndedBeforeTheQuartersEndLeavesTheGrade()
    {
        var policy = new GradingPolicy { ProbationNoGradeWhen = ProbationOverlap.LastDayOfPeriod };
        var employee = Employee.Appoint(D("2021-03-01"), Request(method: AppointmentMethod.OpenRecruitment, probation: ProbationKind.Standard), policy);
        employee.PassProbation(D("2021-08-31"));

        Quarter(employee, 2021, 3, QuarterlyGrade.FairlyGood);

        Assert.Equal(QuarterlyGrade.FairlyGood, employee.QuarterlyGrades[new Quarter(2021, 3)].Grade);
    }

    [Fact]
    public void AS25_SickOrPersonalLeaveOverHalfTheQuarter_NoGrade()
    {
        // Q2 2021 has 91 days: 46 days of leave is over half, 45 is not.
        var over = Appointed();
        var under = Appointed();
        over.RecordLeave(D("2021-04-01"), LeaveKind.Sick, new DatePeriod(D("2021-04-01"), D("2021-05-01")));
        over.RecordLeave(D("2021-05-02"), LeaveKind.Personal, new DatePeriod(D("2021-05-02"), D("2021-05-16")));
        under.RecordLeave(D("2021-04-01"), LeaveKind.Sick, new DatePeriod(D("2021-04-01"), D("2021-05-15")));

        Refused(over, Rules.LeaveOverHalf, () => Quarter(over, 2021, 2, QuarterlyGrade.FairlyGood));
        Quarter(over, 2021, 2, null);
        Quarter(under, 2021, 2, QuarterlyGrade.FairlyGood);

        Assert.Equal(NoGradeReason.LeaveOverHalf, over.QuarterlyGrades[Q2].NoGradeReason);
    }

    [Theory]
    [InlineData(LeaveKind.WorkInjury)]
    [InlineData(LeaveKind.Maternity)]
    public void AS25_WorkInjuryOrMaternityLeave_GradedAsUsual(LeaveKind kind)
    {
        var employee = Appointed();
        employee.RecordLeave(D("2021-04-01"), kind, new DatePeriod(D("2021-04-01"), D("2021-06-30")));

        Quarter(employee, 2021, 2, QuarterlyGrade.FairlyGood);

        Assert.Equal(QuarterlyGrade.FairlyGood, employee.QuarterlyGrades[Q2].Grade);
    }

    [Fact]
    public void AS26_UnderInvestigation_NoGradeThenSetAfterwardsWhenClosedWithoutSanction()
    {
        var employee = Appointed();
        employee.OpenInvestigation(D("2021-05-01"), "case 2021-17");

        Refused(employee, Rules.InvestigationNoGrade, () => Quarter(employee, 2021, 2, QuarterlyGrade.FairlyGood));
        Quarter(employee, 2021, 2, null);
        employee.CloseInvestigation(D("2021-08-01"), InvestigationOutcome.NoSanction);
        employee.RecordQuarterlyGrade(D("2021-08-02"), Q2, QuarterlyGrade.FairlyGood, Planning);

        Assert.Equal(QuarterlyGrade.FairlyGood, employee.QuarterlyGrades[Q2].Grade);
    }

    [Fact]
    public void AS26_ClosedWithASanction_TheWithheldGradeStaysWithheld()
    {
        var employee = Appointed();
        employee.OpenInvestigation(D("2021-05-01"), "case 2021-17");
        Quarter(employee, 2021, 2, null);
        employee.CloseInvestigation(D("2021-08-01"), InvestigationOutcome.Sanctioned);

        Refused(employee, Rules.OneGradePerPeriod,
            () => employee.RecordQuarterlyGrade(D("2021-08-02"), Q2, QuarterlyGrade.FairlyGood, Planning), ViolationKind.AlreadyExists);
    }

    [Fact]
    public void AS24_TheGradeComesFromTheDepartmentHeldAtTheQuartersEnd()
    {
        var employee = Appointed();
        employee.Rotate(D("2021-05-10"), Finance, Level(Personnel.Domain.Posts.Post.Staff, 6, 3));

        Refused(employee, Rules.AssessingUnit, () => employee.RecordQuarterlyGrade(Q2.LastDay, Q2, QuarterlyGrade.FairlyGood, Planning));
        employee.RecordQuarterlyGrade(Q2.LastDay, Q2, QuarterlyGrade.FairlyGood, Finance);
    }

    [Fact]
    public void AS24_ASecondedPerson_IsGradedByTheReceivingUnit()
    {
        var employee = Appointed();
        var township = new DepartmentId("qiaotou-town");
        employee.RecordSecondment(D("2021-04-01"), township, new DatePeriod(D("2021-04-01"), D("2021-12-31")));

        Refused(employee, Rules.AssessingUnit, () => employee.RecordQuarterlyGrade(Q2.LastDay, Q2, QuarterlyGrade.FairlyGood, Planning));
        employee.RecordQuarterlyGrade(Q2.LastDay, Q2, QuarterlyGrade.FairlyGood, township);
    }
}
