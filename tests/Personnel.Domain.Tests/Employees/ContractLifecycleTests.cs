using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

public class ContractLifecycleTests
{
    [Fact]
    public void AM9_Appointment_SignsAThreeYearTerm()
    {
        var employee = Employee.Appoint(D("2020-03-01"), Request());

        Assert.Equal(ContractState.Appointed, employee.State);
        Assert.Equal(1, employee.TermNumber);
        Assert.Equal(D("2020-03-01"), employee.TermStart);
        Assert.Equal(D("2023-02-28"), employee.TermEnd);
        var appointed = Assert.IsType<EmployeeAppointed>(Assert.Single(employee.UncommittedEvents));
        Assert.Null(appointed.ProbationEnd);
        Assert.Equal(AdministrativeRank.FirstGradeStaff, appointed.Rank);
        Assert.Equal(Education.Bachelor, appointed.Education);
    }

    [Fact]
    public void AM9_AChangeOfPostInsideATerm_AmendsTheContractAndTheTermContinues()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);

        employee.ChangePost(D("2021-05-01"), Level(Post.DeputySectionChief, 6, 3), "section reorganised");

        Assert.Equal((1, D("2022-12-31")), (employee.TermNumber, employee.TermEnd));
        Assert.Equal(Post.DeputySectionChief, employee.PostLevel.Post);
        Assert.Equal(D("2021-05-01"), employee.TenureOn(D("2021-06-01")).PostSince);
        Assert.Equal(D("2020-01-01"), employee.TenureOn(D("2021-06-01")).GradeSince);
        Refused(employee, Rules.PostChangeWithinTerm, () => employee.ChangePost(D("2021-06-01"), employee.PostLevel, "none"), ViolationKind.InvalidArgument);
    }

    [Fact]
    public void AM13_PassingProbationBeforeItsEnd_IsRefusedAndChangesNothing()
    {
        var employee = Employee.Appoint(D("2020-03-01"), Request(method: AppointmentMethod.OpenRecruitment, probation: ProbationKind.Standard));

        var error = Refused(employee, Rules.Probation, () => employee.PassProbation(D("2020-08-30")));
        Assert.Contains("runs until 2020-08-31", error.Message, StringComparison.Ordinal);
        Assert.False(employee.CanFire(ContractTrigger.PassProbation, D("2020-08-30")));
        Assert.True(employee.CanFire(ContractTrigger.PassProbation, D("2020-08-31")));

        employee.PassProbation(D("2020-08-31"));
        Assert.Equal(ContractState.Appointed, employee.State);
    }

    [Fact]
    public void AM13_FailedProbation_CancelsTheAppointment()
    {
        var employee = Employee.Appoint(D("2020-03-01"), Request(method: AppointmentMethod.OpenRecruitment, probation: ProbationKind.Standard));

        employee.FailProbation(D("2020-08-31"), "did not meet the post's requirements");

        Assert.Equal(ContractState.ProbationFailed, employee.State);
        Assert.True(employee.IsIn(ContractState.Separated));
        Assert.Null(employee.PostLevelOn(D("2020-09-01")));
        Refused(employee, Rules.Termination, () => employee.Resign(D("2020-09-02")));
    }

    [Fact]
    public void AM13_Promotion_StartsAOneYearTrialAndTheTermContinues()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);

        employee.Promote(D("2021-01-04"), Level(Post.DeputySectionChief, 5));

        Assert.Equal(ContractState.InPromotionTrial, employee.State);
        Assert.True(employee.IsIn(ContractState.Appointed));
        Assert.Equal(D("2022-01-03"), employee.TrialEnd);
        Assert.Equal(D("2022-12-31"), employee.TermEnd);
        Assert.Equal(1, employee.TermNumber);
    }

    [Fact]
    public void AM13_FailedTrial_ReturnsToThePostGradeHeldBefore()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        employee.Promote(D("2021-01-04"), Level(Post.DeputySectionChief, 5));

        Refused(employee, Rules.PromotionTrial, () => employee.FailTrial(D("2022-01-02"), "not competent"));
        employee.FailTrial(D("2022-01-03"), "not competent in the trial post");

        Assert.Equal(ContractState.Appointed, employee.State);
        Assert.Equal(Level(Post.Staff, 6, 3), employee.PostLevel);
        Assert.Equal(Level(Post.DeputySectionChief, 5), employee.PostLevelOn(D("2022-01-02")));
        Assert.Equal(Level(Post.Staff, 6, 3), employee.PostLevelOn(D("2020-06-30")));
        Assert.Null(employee.TrialEnd);
    }

    [Fact]
    public void AM13_PassedTrial_KeepsThePromotedPost()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        employee.Promote(D("2021-01-04"), Level(Post.DeputySectionChief, 5));

        employee.PassTrial(D("2022-01-03"));

        Assert.Equal(ContractState.Appointed, employee.State);
        Assert.Equal(Level(Post.DeputySectionChief, 5), employee.PostLevel);
    }

    [Fact]
    public void AM13_PromotingDuringATrial_IsRefused()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        employee.Promote(D("2021-01-04"), Level(Post.DeputySectionChief, 5));

        var error = Refused(employee, Rules.PromotionTrial, () => employee.Promote(D("2021-06-01"), Level(Post.SectionChief, 4)));
        Assert.Contains("must be decided first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AM15_TheContractNeverRunsPastTheRetirementDate()
    {
        var employee = Employee.Appoint(D("2020-03-01"), Request(retirement: "2021-07-15"));

        Assert.Equal(D("2021-07-15"), employee.TermEnd);
        employee.OpenRenewal(D("2021-05-01"));
        var error = Refused(employee, Rules.Termination, () => employee.Renew(D("2021-06-01")));
        Assert.Contains("cannot run past retirement", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AM9_Renewal_OpensInTheLastNinetyDaysAndStartsTheNextTermTheDayAfter()
    {
        var employee = Appointed("2020-01-01");

        Refused(employee, Rules.ContractTerm, () => employee.OpenRenewal(D("2022-10-01")));
        employee.OpenRenewal(D("2022-10-02"));
        Assert.Equal(ContractState.AwaitingRenewal, employee.State);
        employee.Renew(D("2022-12-15"));

        Assert.Equal(ContractState.Appointed, employee.State);
        Assert.Equal(2, employee.TermNumber);
        Assert.Equal(D("2023-01-01"), employee.TermStart);
        Assert.Equal(D("2025-12-31"), employee.TermEnd);
    }

    [Fact]
    public void AM9_RenewalOfATermCappedByRetirement_EndsOnTheRetirementDate()
    {
        var employee = Appointed("2020-01-01", retirement: "2024-05-31");
        employee.OpenRenewal(D("2022-12-01"));

        employee.Renew(D("2022-12-20"));

        Assert.Equal(D("2024-05-31"), employee.TermEnd);
    }

    [Fact]
    public void AM15_DeclinedRenewal_EndsTheContract()
    {
        var employee = Appointed("2020-01-01");
        Refused(employee, Rules.ContractTerm, () => employee.DeclineRenewal(D("2022-12-01"), "post abolished"));
        employee.OpenRenewal(D("2022-12-01"));

        employee.DeclineRenewal(D("2022-12-20"), "post abolished");

        Assert.Equal(ContractState.NotRenewed, employee.State);
    }

    [Fact]
    public void AM15_ResignationAndTransferOut_EndTheContract()
    {
        var resigning = Appointed();
        var leaving = Appointed();

        resigning.Resign(D("2021-05-01"));
        leaving.TransferOut(D("2021-05-01"), "Weihai municipal bureau");

        Assert.Equal(ContractState.Resigned, resigning.State);
        Assert.Equal(ContractState.TransferredOut, leaving.State);
        Assert.Equal(D("2021-05-01"), leaving.SeparatedOn);
    }

    [Fact]
    public void AM15_Retirement_IsRefusedBeforeTheRetirementDate()
    {
        var employee = Appointed("2020-01-01", retirement: "2021-07-15");

        Refused(employee, Rules.Termination, () => employee.Retire(D("2021-07-14")));
        employee.Retire(D("2021-07-15"));

        Assert.Equal(ContractState.Retired, employee.State);
    }

    [Theory]
    [InlineData(DismissalCause.IncompetentRefusesArrangement)]
    [InlineData(DismissalCause.RefusesArrangementAfterRestructuring)]
    [InlineData(DismissalCause.MisconductAfterEducation)]
    public void AM18_DismissalForCause_RecordsTheCauseAndReason(DismissalCause cause)
    {
        var employee = Appointed();

        employee.Dismiss(D("2021-03-01"), cause, "decided by the zone committee");

        Assert.Equal(ContractState.Dismissed, employee.State);
        var dismissed = Assert.IsType<EmployeeDismissed>(Assert.Single(employee.UncommittedEvents));
        Assert.Equal(cause, dismissed.Cause);
    }

    [Fact]
    public void AM18_DismissalForAbsenceWithinTheThresholds_IsRefused()
    {
        var employee = Appointed();
        employee.RecordAbsence(D("2021-03-31"), AbsenceKind.WithoutLeave, new DatePeriod(D("2021-03-01"), D("2021-03-15")));

        Refused(employee, Rules.AbsenceDismissal, () => employee.Dismiss(D("2021-04-01"), DismissalCause.AbsenceWithoutLeave, "absent"));
    }

    [Fact]
    public void AM18_DismissalForExpulsionWithoutAnExpulsion_IsRefused()
    {
        var employee = Appointed();

        Refused(employee, Rules.Dismissal, () => employee.Dismiss(D("2021-04-01"), DismissalCause.Expelled, "expelled"));
    }

    [Fact]
    public void AM18_5_AnExpulsionDismissesAtOnce()
    {
        var employee = Appointed();

        employee.RecordSanction(D("2021-04-01"), SanctionKind.Expulsion, SanctionAuthority.Government, "serious breach");

        Assert.Equal(ContractState.Dismissed, employee.State);
        Assert.Equal(DismissalCause.Expelled, employee.UncommittedEvents.OfType<EmployeeDismissed>().Single().Cause);
    }

    [Fact]
    public void AM16_HealthIncapacityOverOneYear_MakesAPostAdjustmentDueOnce()
    {
        var employee = Appointed();

        employee.RecordHealthIncapacity(D("2021-06-30"), new DatePeriod(D("2021-01-01"), D("2021-06-30")));
        employee.RecordHealthIncapacity(D("2021-12-31"), new DatePeriod(D("2021-07-01"), D("2021-12-31")));
        Assert.Empty(employee.PostAdjustments);
        employee.RecordHealthIncapacity(D("2022-01-01"), new DatePeriod(D("2022-01-01"), D("2022-01-01")));
        employee.RecordHealthIncapacity(D("2022-02-01"), new DatePeriod(D("2022-01-02"), D("2022-02-01")));

        var due = Assert.Single(employee.PostAdjustments);
        Assert.Equal(Rules.HealthPostAdjustment.Code, due.RuleCode);
        Assert.Equal(D("2022-01-01"), due.OccurredOn);
    }

    [Fact]
    public void Lifecycle_TriggersOfASeparatedContract_AreRefusedNamingTheRule()
    {
        var employee = Appointed();
        employee.Resign(D("2021-01-01"));

        var error = Refused(employee, Rules.PromotionTrial, () => employee.Promote(D("2021-02-01"), Level(Post.SectionChief, 4)));
        Assert.Contains("promote is not allowed while the contract is 辞职 resigned", error.Message, StringComparison.Ordinal);
        Refused(employee, Rules.ContractLifecycle, () => employee.RecordLeave(D("2021-02-01"), LeaveKind.Sick, new DatePeriod(D("2021-02-01"), D("2021-02-02"))));
    }

    [Fact]
    public void Lifecycle_HiringIntoAStreamThatHoldsAContract_IsAlreadyExists()
    {
        var employee = Employee.FromHistory(Appointed().History);

        Refused(employee, Rules.AppointmentOnce, () => employee.Hire(D("2021-01-01"), Request()), ViolationKind.AlreadyExists);
    }

    [Fact]
    public void Lifecycle_HistoryWithTwoAppointments_IsCorrupt()
    {
        var employee = Appointed();
        var history = employee.History.Append(employee.History[0]);

        Assert.Throws<InvalidOperationException>(() => Employee.FromHistory(history));
    }

    [Fact]
    public void Lifecycle_ActingOnAnEmployeeNotAppointed_IsNotFound()
    {
        var employee = Employee.New();

        var error = Assert.Throws<RuleViolationException>(() => employee.Resign(D("2021-01-01")));
        Assert.Equal(ViolationKind.NotFound, error.Kind);
    }

    [Fact]
    public void FromHistory_RebuildsTheSameContract()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        employee.Promote(D("2021-01-04"), Level(Post.DeputySectionChief, 5));
        employee.FailTrial(D("2022-01-03"), "not competent");
        employee.OpenRenewal(D("2022-12-01"));
        employee.Renew(D("2022-12-15"));

        var rebuilt = Employee.FromHistory(employee.History);

        Assert.Equal(employee.State, rebuilt.State);
        Assert.Equal(employee.PostLevel, rebuilt.PostLevel);
        Assert.Equal(employee.Terms, rebuilt.Terms);
        Assert.Equal(employee.Version, rebuilt.Version);
        Assert.Empty(rebuilt.UncommittedEvents);
        Assert.Equal(employee.PostHistory, rebuilt.PostHistory);
    }

    [Fact]
    public void PostLevelOn_AnswersFromHistory()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        employee.ChangePost(D("2020-07-01"), Level(Post.Staff, 6, 5), "step raised");
        employee.Rotate(D("2021-03-01"), Finance, Level(Post.DeputySectionChief, 6, 5));

        Assert.Null(employee.PostLevelOn(D("2019-12-31")));
        Assert.Equal(Level(Post.Staff, 6, 3), employee.PostLevelOn(D("2020-06-30")));
        Assert.Equal(Level(Post.Staff, 6, 5), employee.PostLevelOn(D("2021-02-28")));
        Assert.Equal(Level(Post.DeputySectionChief, 6, 5), employee.PostLevelOn(D("2030-01-01")));
        Assert.Equal(Finance, employee.DepartmentOn(D("2021-03-01")));
    }

    [Fact]
    public void MarkCommitted_ForgetsOnlyTheUncommittedList()
    {
        var employee = Employee.Appoint(D("2020-01-01"), Request());

        employee.MarkCommitted();

        Assert.Empty(employee.UncommittedEvents);
        Assert.Equal(1, employee.Version);
        Assert.Single(employee.History);
    }
}
