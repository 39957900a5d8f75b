using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using Personnel.Domain.Profiles;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

/// <summary>
/// Scripted careers for the snapshot tests, lived through the intents (a refusal fails the test that asks for them): between
/// them every event type happens at least once, and the long one keeps something in every field of the aggregate.
/// </summary>
internal static class SnapshotCareers
{
    public static readonly PolicyProfile Yangshahu = PolicyProfiles.Load("yangshahu-2020");

    /// <summary>A career's events and the policy it was lived under.</summary>
    public sealed record Career(string Name, IReadOnlyList<EmployeeEvent> Events, GradingPolicy Policy)
    {
        public override string ToString() => Name;
    }

    public static IReadOnlyList<Career> All() =>
        [HeadWithAppealsAndCorrections(), OnProbationToMerit(), ProbationFailed(), DismissedForAbsence(), Resigned(), Retired(), RemovedForRanking()];

    /// <summary>
    /// 2016–2024: a waived competition to section chief, a corrected quarter, Excellent, attendance and a warning, a
    /// secondment, a promotion trial passed, two BasicallyCompetent years with the second corrected (consequences withdrawn,
    /// demotion reversed), rotation to head, leadership adjustments ordered and rescinded, an investigation with a grade set
    /// afterwards, incapacity, two Incompetent years terminating the contract and an appeal reinstating it, a demotion at the
    /// floor then corrected away, a leadership adjustment held, a ranking place and feedback, and the transfer out of the zone.
    /// </summary>
    public static Career HeadWithAppealsAndCorrections()
    {
        var e = Employee.New();
        e.Hire(D("2016-01-04"), Request(Post.SectionChief, 5, 1, retirement: "2045-06-30"), new EligibilityPolicy(), new EligibilityWaiverGrant("工委", "表现特别优秀"));
        e.RecordQualifications(D("2016-03-01"), AdministrativeRank.SectionChief, D("2016-03-01"), Education.Postgraduate);
        Quarters(e, 2016, QuarterlyGrade.Good, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        e.CorrectQuarterlyGrade(D("2016-10-20"), new Quarter(2016, 3), QuarterlyGrade.Average, "another person's sheet");
        Year(e, 2016, AnnualGrade.Excellent);
        e.SignAnnualFeedback(D("2016-12-22"), 2016);

        e.Promote(D("2017-02-01"), Level(Post.DeputyHead, 4, 1));
        e.RecordOvertime(D("2017-03-10"), D("2017-03-06"), 9.5m);
        e.RecordLateness(D("2017-04-12"), D("2017-04-10"), LatenessKind.LateArrival);
        e.RecordLeave(D("2017-05-08"), LeaveKind.Annual, new DatePeriod(D("2017-05-02"), D("2017-05-06")));
        e.RecordSanction(D("2017-06-01"), SanctionKind.Warning, SanctionAuthority.Government, "late reports");
        e.RecordSecondment(D("2017-07-01"), Finance, new DatePeriod(D("2017-07-01"), D("2017-09-30")));
        Quarters(e, 2017, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        Year(e, 2017, AnnualGrade.Competent);
        e.PassTrial(D("2018-01-31"));

        Quarters(e, 2018, QuarterlyGrade.Average, QuarterlyGrade.Average, QuarterlyGrade.Poor, QuarterlyGrade.FairlyGood);
        e.OpenRenewal(D("2018-11-01"));
        e.Renew(D("2018-12-01"));
        Year(e, 2018, AnnualGrade.BasicallyCompetent);
        Quarters(e, 2019, QuarterlyGrade.Average, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.Poor);
        Year(e, 2019, AnnualGrade.BasicallyCompetent);
        e.CorrectAnnualGrade(D("2020-01-15"), 2019, AnnualGrade.Competent, "keyed against the wrong name");

        e.Rotate(D("2020-03-02"), Finance, Level(Post.DepartmentHead, 4, 1));
        e.OrderLeadershipAdjustment(D("2020-04-01"), Finance, 2019);
        e.RescindLeadershipAdjustment(D("2020-05-01"), Finance, 2019);
        e.OrderLeadershipAdjustment(D("2020-06-01"), Finance, 2020);
        e.ChangePost(D("2020-07-01"), Level(Post.DepartmentHead, 4, 2), "step raised");
        Quarters(e, 2020, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        e.OpenInvestigation(D("2020-08-03"), "case 7");
        Quarter(e, 2020, 3, null);
        e.CloseInvestigation(D("2020-10-15"), InvestigationOutcome.NoSanction);
        Quarter(e, 2020, 3, QuarterlyGrade.FairlyGood);
        Quarter(e, 2020, 4, QuarterlyGrade.FairlyGood);
        Year(e, 2020, AnnualGrade.Competent);

        e.RecordAbsence(D("2021-03-20"), AbsenceKind.WithoutLeave, new DatePeriod(D("2021-03-15"), D("2021-03-17")));
        e.RecordHealthIncapacity(D("2021-12-01"), new DatePeriod(D("2020-11-20"), D("2021-11-30")));
        Quarters(e, 2021, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.Average);
        e.OpenRenewal(D("2021-11-01"));
        e.Renew(D("2021-11-15"));
        Year(e, 2021, AnnualGrade.Incompetent);
        e.AppealAnnualGrade(D("2021-12-28"), 2021);
        e.ResolveAppeal(D("2022-01-10"), 2021, AppealOutcome.Upheld);
        Quarters(e, 2022, QuarterlyGrade.FairlyGood, QuarterlyGrade.Poor, QuarterlyGrade.Poor, QuarterlyGrade.FairlyGood);
        Year(e, 2022, AnnualGrade.Incompetent);
        e.AppealAnnualGrade(D("2022-12-28"), 2022);
        e.ResolveAppeal(D("2023-01-09"), 2022, AppealOutcome.Revised, AnnualGrade.Competent);

        e.ChangePost(D("2023-02-01"), Level(Post.DepartmentHead, 8, 2), "restructured");
        e.OrderLeadershipAdjustment(D("2023-03-01"), Finance, 2022);
        Quarters(e, 2023, QuarterlyGrade.Poor, QuarterlyGrade.Average, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        Year(e, 2023, AnnualGrade.Incompetent);
        e.RecordRankingPlace(D("2023-12-27"), 2023, 3, 10, ranking: null);
        e.CorrectAnnualGrade(D("2024-01-10"), 2023, AnnualGrade.BasicallyCompetent, "the evaluation was of 2022");
        e.SignAnnualFeedback(D("2024-01-12"), 2023);
        e.TransferOut(D("2024-03-01"), "city bureau");
        return new Career(nameof(HeadWithAppealsAndCorrections), e.History, e.Policy);
    }

    /// <summary>Open recruitment on a first-job probation (no grades meanwhile), passed; leave over half a quarter; three
    /// Excellent years bringing a third-class merit; renewed once, then not renewed.</summary>
    public static Career OnProbationToMerit()
    {
        var e = Employee.Appoint(D("2015-03-02"), Request(Post.Staff, 7, 3, AppointmentMethod.OpenRecruitment, ProbationKind.FirstJob, "2048-06-30"));
        Quarters(e, 2015, null, null, null, null);
        Year(e, 2015, null);
        e.PassProbation(D("2016-03-01"));
        Quarters(e, 2016, null, QuarterlyGrade.Good, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        Year(e, 2016, null);
        GoodYear(e, 2017, AnnualGrade.Excellent);
        e.OpenRenewal(D("2017-12-15"));
        e.Renew(D("2018-01-10"));
        e.RecordLeave(D("2018-07-02"), LeaveKind.Sick, new DatePeriod(D("2018-04-02"), D("2018-06-29")));
        Quarters(e, 2018, QuarterlyGrade.Good, null, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        Year(e, 2018, AnnualGrade.Excellent, DepartmentTier.Tier2);
        GoodYear(e, 2019, AnnualGrade.Excellent);
        e.OpenRenewal(D("2020-12-15"));
        e.DeclineRenewal(D("2021-01-15"), "post abolished");
        return new Career(nameof(OnProbationToMerit), e.History, e.Policy);
    }

    /// <summary>A standard probation failed: the appointment cancelled.</summary>
    public static Career ProbationFailed()
    {
        var e = Employee.Appoint(D("2021-02-01"), Request(Post.Staff, 8, 1, AppointmentMethod.OpenRecruitment, ProbationKind.Standard));
        Quarter(e, 2021, 1, null);
        e.FailProbation(D("2021-07-31"), "not suited to the post");
        return new Career(nameof(ProbationFailed), e.History, e.Policy);
    }

    /// <summary>A demerit (no grade while it runs), then absences past 15 consecutive days: dismissed (AM 第十八条(四)).</summary>
    public static Career DismissedForAbsence()
    {
        var e = Employee.Appoint(D("2019-01-07"), Request(Post.Staff, 6, 2));
        e.RecordSanction(D("2019-02-01"), SanctionKind.Demerit, SanctionAuthority.Party, "false claims");
        Quarter(e, 2019, 1, null);
        e.RecordAbsence(D("2019-05-01"), AbsenceKind.WithoutLeave, new DatePeriod(D("2019-04-01"), D("2019-04-16")));
        return new Career(nameof(DismissedForAbsence), e.History, e.Policy);
    }

    /// <summary>Graded a year, then resigned.</summary>
    public static Career Resigned()
    {
        var e = Employee.Appoint(D("2022-01-04"), Request(Post.Staff, 7, 1, method: AppointmentMethod.DirectAppointment));
        GoodYear(e, 2022, AnnualGrade.Competent);
        e.Resign(D("2023-02-28"));
        return new Career(nameof(Resigned), e.History, e.Policy);
    }

    /// <summary>A deputy section chief near retirement: a promotion trial failed, the renewed term is capped at the retirement date, then retired.</summary>
    public static Career Retired()
    {
        var e = Employee.Appoint(D("2017-01-02"), Request(Post.DeputySectionChief, 5, 4, retirement: "2020-06-30"));
        GoodYear(e, 2017, AnnualGrade.Competent);
        e.Promote(D("2018-02-01"), Level(Post.SectionChief, 4, 4));
        e.FailTrial(D("2019-01-31"), "did not lead the section");
        e.OpenRenewal(D("2019-11-01"));
        e.Renew(D("2019-12-02"));
        e.Retire(D("2020-06-30"));
        return new Career(nameof(Retired), e.History, e.Policy);
    }

    /// <summary>Under yangshahu-2020: last place two years running, warned, then removed (seed 000 三(五)19).</summary>
    public static Career RemovedForRanking()
    {
        var ranking = Yangshahu.Consequences.Ranking!;
        var e = Appointed("2020-01-06", policy: Yangshahu.Grading);
        e.RecordRankingPlace(D("2020-12-28"), 2020, 10, 10, ranking);
        e.RecordRankingPlace(D("2021-12-28"), 2021, 10, 10, ranking);
        return new Career(nameof(RemovedForRanking), e.History, e.Policy);
    }
}
