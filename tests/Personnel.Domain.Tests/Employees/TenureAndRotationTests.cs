using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

public class TenureAndRotationTests
{
    private static Employee HeadRenewedThrough(int terms, string appointed = "2020-01-01", Post post = Post.DepartmentHead)
    {
        var employee = Appointed(appointed, post, level: 2);
        for (var term = 1; term < terms; term++)
        {
            employee.OpenRenewal(employee.TermEnd.AddDays(-30));
            employee.Renew(employee.TermEnd.AddDays(-10));
        }

        return employee;
    }

    [Fact]
    public void AM12_AHead_RotationIsAdvisoryAfterTwoTermsAndMandatoryAfterThree()
    {
        var employee = Appointed("2020-01-01", Post.DepartmentHead, level: 2);

        var tenure = employee.TenureOn(D("2020-06-01"));

        Assert.Equal(
            [(D("2025-12-31"), RotationStrength.Advisory), (D("2028-12-31"), RotationStrength.Mandatory)],
            tenure.RotationSchedule.Select(r => (r.DueOn, r.Strength)).ToArray());
        Assert.Equal((D("2025-12-31"), RotationStrength.Advisory), (tenure.Rotation!.DueOn, tenure.Rotation.Strength));
        Assert.Contains("AM 第十二条", tenure.Rotation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AM12_OnceTheAdvisoryDateHasPassed_TheAdvisoryRotationIsDueAndAfterTheThirdTermTheMandatoryOne()
    {
        var employee = HeadRenewedThrough(3);

        Assert.Equal(RotationStrength.Advisory, employee.TenureOn(D("2026-01-01")).Rotation!.Strength);
        var afterThird = employee.TenureOn(D("2028-12-31")).Rotation!;
        Assert.Equal((D("2028-12-31"), RotationStrength.Mandatory), (afterThird.DueOn, afterThird.Strength));
    }

    [Fact]
    public void AM12_ADeputyHead_FollowsTheLeadershipRule()
    {
        var employee = Appointed("2020-01-01", Post.DeputyHead, level: 3);

        Assert.Equal(2, employee.RotationSchedule().Count);
    }

    [Fact]
    public void AM12_ASectionChief_RotationIsAdvisoryAfterTwoTermsInTheSamePostOnly()
    {
        var employee = Appointed("2020-01-01", Post.SectionChief, level: 4);

        var schedule = employee.RotationSchedule();

        var due = Assert.Single(schedule);
        Assert.Equal((D("2025-12-31"), RotationStrength.Advisory), (due.DueOn, due.Strength));
    }

    [Fact]
    public void AM12_Staff_HaveNoRotationDue()
    {
        Assert.Empty(Appointed().RotationSchedule());
    }

    [Fact]
    public void AM12_ARoleTakenMidTerm_CountsFromTheNextFullTerm()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 4);
        employee.ChangePost(D("2021-03-01"), Level(Post.SectionChief, 4), "appointed section chief");

        var due = Assert.Single(employee.RotationSchedule());

        Assert.Equal(D("2028-12-31"), due.DueOn);
    }

    [Fact]
    public void AM12_ARotation_ResetsTheConsecutiveTermCount()
    {
        var employee = HeadRenewedThrough(2);
        Assert.Equal(D("2025-12-31"), employee.RotationSchedule()[0].DueOn);

        employee.Rotate(D("2024-01-01"), Finance, Level(Post.DepartmentHead, 2));

        Assert.Equal(D("2031-12-31"), employee.RotationSchedule()[0].DueOn);
    }

    [Fact]
    public void AM12_ARotationDueAfterRetirement_IsDropped()
    {
        var employee = Appointed("2020-01-01", Post.DepartmentHead, level: 2, retirement: "2027-06-30");

        var due = Assert.Single(employee.RotationSchedule());

        Assert.Equal(RotationStrength.Advisory, due.Strength);
    }

    [Fact]
    public void AM17_ALeadershipAdjustment_MakesTheHeadsRotationMandatoryNow()
    {
        var employee = Appointed("2020-01-01", Post.DepartmentHead, level: 2);

        employee.OrderLeadershipAdjustment(D("2022-03-15"), Planning, 2021);

        var rotation = employee.TenureOn(D("2022-03-15")).Rotation!;
        Assert.Equal((D("2022-03-15"), RotationStrength.Mandatory), (rotation.DueOn, rotation.Strength));
        Assert.Contains("AM 第十七条", rotation.Reason, StringComparison.Ordinal);
        employee.Rotate(D("2022-06-01"), Finance, Level(Post.DepartmentHead, 2));
        Assert.Equal(RotationStrength.Advisory, employee.TenureOn(D("2022-06-01")).Rotation!.Strength);
    }

    [Fact]
    public void AM17_AHeadMovedOutOfTheHeadPost_HasFulfilledTheAdjustment()
    {
        var employee = Appointed("2020-01-01", Post.DepartmentHead, level: 2);
        employee.OrderLeadershipAdjustment(D("2022-03-15"), Planning, 2021);

        employee.ChangePost(D("2022-05-01"), Level(Post.DeputyHead, 2), "leadership adjusted");

        Assert.Null(employee.MandatoryRotationOrderedOn);
        Assert.DoesNotContain(employee.RotationSchedule(), r => r.Reason.Contains("AM 第十七条", StringComparison.Ordinal));
        Refused(employee, Rules.LeadershipAdjustment, () => employee.RescindLeadershipAdjustment(D("2022-06-01"), Planning, 2021));
    }

    [Fact]
    public void AM17_ARescission_LiftsOnlyItsOwnOrder_AndTheRotationReturnsToTheTerms()
    {
        var employee = Appointed("2020-01-01", Post.DepartmentHead, level: 2);
        employee.OrderLeadershipAdjustment(D("2021-03-15"), Planning, 2020);
        employee.OrderLeadershipAdjustment(D("2022-03-15"), Planning, 2021);

        employee.RescindLeadershipAdjustment(D("2022-04-01"), Planning, 2020);
        var stillOrdered = employee.TenureOn(D("2022-04-01")).Rotation!;
        employee.RescindLeadershipAdjustment(D("2022-05-01"), Planning, 2021);
        var lifted = employee.TenureOn(D("2022-05-01")).Rotation!;

        Assert.Equal((D("2022-03-15"), RotationStrength.Mandatory), (stillOrdered.DueOn, stillOrdered.Strength));
        Assert.Equal((D("2025-12-31"), RotationStrength.Advisory), (lifted.DueOn, lifted.Strength));
        Assert.Equal(2, employee.History.OfType<HeadLeadershipAdjustmentRescinded>().Count());
        var version = employee.Version;
        Refused(employee, Rules.LeadershipAdjustment, () => employee.RescindLeadershipAdjustment(D("2022-06-01"), Planning, 2021));
        Assert.Equal(version, employee.Version);
    }

    [Fact]
    public void AM17_ALeadershipAdjustmentSentToSomeoneNotTheHead_IsRefused()
    {
        var deputy = Appointed("2020-01-01", Post.DeputyHead, level: 3);
        var head = Appointed("2020-01-01", Post.DepartmentHead, level: 2);

        Refused(deputy, Rules.LeadershipAdjustment, () => deputy.OrderLeadershipAdjustment(D("2022-03-15"), Planning, 2021));
        Refused(head, Rules.LeadershipAdjustment, () => head.OrderLeadershipAdjustment(D("2022-03-15"), Finance, 2021));
    }

    [Fact]
    public void RULES6_CountedYears_ExcludeBasicallyCompetentIncompetentAndNoGradeYears()
    {
        var employee = Appointed("2019-01-01", Post.Staff, level: 6);
        Year(employee, 2019, AnnualGrade.Competent);
        Year(employee, 2020, AnnualGrade.BasicallyCompetent);
        employee.RecordLeave(D("2021-01-01"), LeaveKind.Personal, new DatePeriod(D("2021-01-01"), D("2021-07-31")));
        Year(employee, 2021, null);
        GoodYear(employee, 2022, AnnualGrade.Excellent);

        var tenure = employee.TenureOn(D("2023-01-10"));

        Assert.Equal(2, tenure.CountedYears);
        Assert.Equal(
            [new UncountedYear(2020, AnnualOutcome.BasicallyCompetent, null), new UncountedYear(2021, AnnualOutcome.NoGrade, NoGradeReason.LeaveOverHalf)],
            tenure.YearsNotCounted);
        Assert.Equal(D("2019-01-01"), tenure.GradeSince);
        Assert.Null(tenure.PromotionFrozenUntil);
        Assert.Equal(D("2021-12-20"), employee.TenureOn(D("2021-06-01")).PromotionFrozenUntil);
    }

    [Fact]
    public void RULES6_AYearCountsOnlyOnceOverAndHeldWhole()
    {
        var employee = Appointed("2019-03-01");
        Year(employee, 2019, AnnualGrade.Competent);
        Year(employee, 2020, AnnualGrade.Competent);

        Assert.Equal(0, employee.TenureOn(D("2020-12-31")).CountedYears);
        Assert.Equal(1, employee.TenureOn(D("2021-01-01")).CountedYears);
    }

    [Fact]
    public void RULES6_ADemotion_StartsTheGradesTenureAgain()
    {
        var employee = Appointed("2019-01-01", Post.Staff, level: 6);
        Year(employee, 2019, AnnualGrade.Competent);
        Year(employee, 2020, AnnualGrade.Incompetent);

        var tenure = employee.TenureOn(D("2021-06-01"));

        Assert.Equal(D("2020-12-20"), tenure.GradeSince);
        Assert.Equal(D("2019-01-01"), tenure.PostSince);
        Assert.Equal(0, tenure.CountedYears);
    }

    [Fact]
    public void RULES6_TenureAsOfAPastDate_ShowsTheTrialAndTermThen()
    {
        var employee = Employee.Appoint(D("2020-03-01"), Request(method: AppointmentMethod.OpenRecruitment, probation: ProbationKind.Standard));
        employee.PassProbation(D("2020-08-31"));
        employee.Promote(D("2021-09-01"), Level(Post.DeputySectionChief, 5));
        employee.PassTrial(D("2022-08-31"));

        var inProbation = employee.TenureOn(D("2020-05-01"));
        var inTrial = employee.TenureOn(D("2022-01-01"));
        var now = employee.TenureOn(D("2022-09-01"));

        Assert.Equal((ContractState.InProbation, D("2020-08-31"), (DateOnly?)null), (inProbation.State, inProbation.ProbationEnd, inProbation.TrialEnd));
        Assert.Equal((ContractState.InPromotionTrial, D("2022-08-31")), (inTrial.State, inTrial.TrialEnd));
        Assert.Equal(Level(Post.DeputySectionChief, 5), inTrial.PostLevel);
        Assert.Equal((1, D("2023-02-28"), D("2050-06-30")), (now.TermNumber, now.TermEnd, now.RetirementDate));
        Assert.Equal((AdministrativeRank.FirstGradeStaff, D("2015-01-01"), Education.Bachelor), (now.Rank, now.RankSince, now.Education));
    }

    [Fact]
    public void RULES6_TheEligibilityRuleIsSuppliedFromOutside()
    {
        var employee = Appointed("2019-01-01");
        Year(employee, 2019, AnnualGrade.Competent);

        var tenure = employee.TenureOn(D("2020-01-02"), t => t.GradeSince.AddYears(3 + t.YearsNotCounted.Count));

        Assert.Equal(D("2022-01-01"), tenure.EarliestNextPostEligibility);
    }

    [Fact]
    public void RULES6_TenureBeforeTheAppointment_IsNotFound()
    {
        var employee = Appointed("2019-01-01");

        var error = Assert.Throws<RuleViolationException>(() => employee.TenureOn(D("2018-12-31")));

        Assert.Equal(ViolationKind.NotFound, error.Kind);
    }

    [Fact]
    public void AM5_ARankChange_IsWhatTheTenureShowsForEligibility()
    {
        var employee = Appointed("2019-01-01");

        employee.RecordQualifications(D("2021-07-01"), AdministrativeRank.DeputySection, D("2021-06-15"), Education.Postgraduate);

        var before = employee.TenureOn(D("2021-06-30"));
        var after = employee.TenureOn(D("2021-07-01"));
        Assert.Equal((AdministrativeRank.FirstGradeStaff, Education.Bachelor), (before.Rank, before.Education));
        Assert.Equal((AdministrativeRank.DeputySection, D("2021-06-15"), Education.Postgraduate), (after.Rank, after.RankSince, after.Education));
        Refused(employee, Rules.WellFormedInput,
            () => employee.RecordQualifications(D("2021-07-01"), AdministrativeRank.SectionChief, D("2021-08-01"), Education.Postgraduate), ViolationKind.InvalidArgument);
    }

    [Fact]
    public void AS8_TheQuotaHeadcount_CountsOnlyThoseWhoMayBeGradedByTheUnit()
    {
        var inProbation = Employee.Appoint(D("2021-05-01"), Request(method: AppointmentMethod.OpenRecruitment, probation: ProbationKind.Standard));
        var moved = Appointed();
        moved.Rotate(D("2021-05-10"), Finance, Level(Post.Staff, 6, 3));
        var present = Appointed();
        var q2 = new Personnel.Domain.Common.Quarter(2021, 2);

        Assert.Equal(
            [false, false, true],
            new[] { inProbation, moved, present }.Select(e => e.MayReceiveQuarterlyGrade(q2, Planning, q2.LastDay)).ToArray());
        Assert.True(moved.MayReceiveQuarterlyGrade(q2, Finance, q2.LastDay));
        Assert.True(present.MayReceiveAnnualGrade(2021, Planning, D("2021-12-20")));
        Assert.False(inProbation.MayReceiveAnnualGrade(2021, Planning, D("2021-12-20")));
    }

    [Fact]
    public void CanQueries_AnswerWithoutChangingAnything()
    {
        var employee = Employee.Appoint(D("2020-03-01"), Request(method: AppointmentMethod.OpenRecruitment, probation: ProbationKind.Standard));

        Assert.Equal((false, true, false), (employee.CanPassProbation(D("2020-08-30")), employee.CanPassProbation(D("2020-08-31")), employee.CanPromote(D("2020-08-31"))));
        employee.PassProbation(D("2020-08-31"));
        Assert.Equal((true, false, true), (employee.CanPromote(D("2020-09-01")), employee.CanOpenRenewal(D("2022-11-29")), employee.CanOpenRenewal(D("2022-11-30"))));
        Assert.Equal((false, false), (employee.CanRenew(D("2022-12-01")), employee.CanRetire(D("2022-12-01"))));
        Assert.False(employee.CanDecideTrial(D("2022-12-01")));
        Assert.Equal(2, employee.Version);
    }
}
