using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using Personnel.Domain.Profiles;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

/// <summary>
/// One person's whole career under the ranking-based yangshahu-2020 profile, 2015–2024, every date and
/// consequence worked out by hand in the comments: hire, first-job probation, grades (which bring no
/// consequence of their own here), promotion trial, a yellow-card department and its leadership adjustment,
/// the rotation it forces, a post adjustment one grade down for last place, warnings for bottom places, and
/// the removal for last place two years running that ends the contract (seed 000 三(五)19).
/// </summary>
public class YangshahuScenarioTests
{
    private const int GroupSize = 12;
    private static readonly EmployeeId Liu = new("liu-yang");
    private static readonly PostGrade L6S3 = new(6, 3);
    private static readonly PostGrade L4S3 = new(4, 3);
    private static readonly PostGrade L5S3 = new(5, 3);
    private static readonly PolicyProfile Profile = PolicyProfiles.Load("yangshahu-2020");

    /// <summary>The department's yearly ranking, recorded on 28 December.</summary>
    private static void Rank(Employee e, int year, int place, int? fromBottom = null) =>
        e.RecordRankingPlace(new DateOnly(year, 12, 28), year, place, GroupSize, Profile.Consequences.Ranking, fromBottom);

    [Fact]
    public void Yangshahu2020_ACareerFromHireToRemovalForLastPlace()
    {
        // 2015-03-02 (Mon): open recruitment into a first job → 12 months' probation inside the term (AM 第十三条):
        // ends 2015-03-02 + 12 months − 1 day = 2016-03-01; term 1 = 2015-03-02..2018-03-01 (AM 第九条).
        var e = Employee.Appoint(D("2015-03-02"), new AppointmentRequest(
            Liu, Planning, new PostLevel(Post.DeputySectionChief, L6S3), AppointmentMethod.OpenRecruitment, ProbationKind.FirstJob,
            D("2048-08-31"), AdministrativeRank.DeputySection, D("2014-07-01"), Education.Bachelor), Profile.Grading);
        Assert.Equal((ContractState.InProbation, D("2016-03-01"), D("2018-03-01")), (e.State, e.ProbationEnd!.Value, e.TermEnd));

        // 2015: every quarter touches the probation → comments only (AS 第二十三条); so is the year. Under this
        // profile no grade brings nothing (weihai-2020 would not count the year). Ranked 7th of 12 (6th from
        // the bottom): nothing.
        Quarters(e, 2015, null, null, null, null);
        e.MarkCommitted();
        Year(e, 2015, null);
        Assert.Equal([typeof(AnnualGradeRecorded)], NewEventTypes(e));
        Rank(e, 2015, 7);

        // 2016-03-01: probation passed on its last day. Q1 touched the probation: no grade; then Good, FairlyGood,
        // FairlyGood. The year touched the probation too → no annual grade again (AS 第二十三条): two ungraded years
        // running, which under weihai-2020 would make a post adjustment due (AS 第二十二条); here nothing. Ranked 4th.
        e.PassProbation(D("2016-03-01"));
        Quarters(e, 2016, null, QuarterlyGrade.Good, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        Refused(e, Rules.ProbationNoGrade, () => Year(e, 2016, AnnualGrade.Competent));
        e.MarkCommitted();
        Year(e, 2016, null);
        Assert.Equal([typeof(AnnualGradeRecorded)], NewEventTypes(e));
        Rank(e, 2016, 4);

        // 2017: a Good quarter, noticed from 1 December, Excellent in a tier-1 department: no commendation here
        // (the grade table of yangshahu-2020 is empty). Ranked 1st.
        e.MarkCommitted();
        GoodYear(e, 2017, AnnualGrade.Excellent);
        Rank(e, 2017, 1);
        Assert.Equal([typeof(QuarterlyGradeRecorded), typeof(QuarterlyFollowUpDue), typeof(QuarterlyGradeRecorded), typeof(QuarterlyGradeRecorded),
            typeof(QuarterlyGradeRecorded), typeof(ExcellentProposed), typeof(AnnualGradeRecorded), typeof(RankingPlaceRecorded)], NewEventTypes(e));

        // Term 1 ends 2018-03-01; the renewal window opens 90 days before (2017-12-01). Term 2 = 2018-03-02..2021-03-01.
        e.OpenRenewal(D("2018-01-15"));
        e.Renew(D("2018-02-20"));
        Assert.Equal((2, D("2018-03-02"), D("2021-03-01")), (e.TermNumber, e.TermStart, e.TermEnd));

        // 2018-04-02: promoted to head of Planning at L4S3 on a 1-year trial → ends 2019-04-01 (AM 第十三条).
        e.Promote(D("2018-04-02"), new PostLevel(Post.DepartmentHead, L4S3));
        Assert.Equal((ContractState.InPromotionTrial, D("2019-04-01")), (e.State, e.TrialEnd!.Value));

        // 2018: Planning is tier 3 → first yellow card (AM 第十七条). Competent. Ranked 10th of 12 = 3rd from the
        // bottom → warning and re-education (警示提醒、批评教育、书面检查), no post adjustment.
        var planning = Department.Create(Planning, "Planning", DepartmentKind.ZoneDepartment, D("2015-01-01"));
        planning.RecordAssessment(2018, DepartmentTier.Tier3, null, D("2019-01-10"), Profile.Departments);
        Quarters(e, 2018, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        Year(e, 2018, AnnualGrade.Competent, DepartmentTier.Tier3);
        e.MarkCommitted();
        Rank(e, 2018, 10);
        Assert.Equal([typeof(RankingPlaceRecorded), typeof(RankingWarningIssued)], NewEventTypes(e));
        Assert.Equal(3, e.History.OfType<RankingWarningIssued>().Single().PlaceFromBottom);

        // 2019-04-01: the trial passed on its last day.
        e.PassTrial(D("2019-04-01"));

        // 2019: Average, Average, Poor, FairlyGood: 3 of 4 weak → at most BasicallyCompetent (AS 第十三条 holds here
        // too) — which brings no admonishment, freeze or uncounted year under this profile. Ranked 12th of 12: last
        // → post adjustment (视情况调整岗位) and a warning; 2018 was not last, so no removal.
        Quarters(e, 2019, QuarterlyGrade.Average, QuarterlyGrade.Average, QuarterlyGrade.Poor, QuarterlyGrade.FairlyGood);
        Refused(e, Rules.AveragePoorMajority, () => Year(e, 2019, AnnualGrade.Competent, DepartmentTier.Tier4));
        e.MarkCommitted();
        Year(e, 2019, AnnualGrade.BasicallyCompetent, DepartmentTier.Tier4);
        Assert.Equal([typeof(AnnualGradeRecorded)], NewEventTypes(e));
        Assert.Null(e.PromotionFrozenUntil);
        e.MarkCommitted();
        Rank(e, 2019, 12);
        Assert.Equal([typeof(RankingPlaceRecorded), typeof(PostAdjustmentDue), typeof(RankingWarningIssued)], NewEventTypes(e));

        // 2020-01-10: Planning is tier 4 for 2019 → its second consecutive yellow card → leadership adjustment
        // (AM 第十七条; the department rules keep their weihai-2020 defaults). Sent to its head: rotation mandatory now.
        planning.RecordAssessment(2019, DepartmentTier.Tier4, null, D("2020-01-10"), Profile.Departments);
        var adjustment = planning.UncommittedEvents.OfType<DepartmentLeadershipAdjustmentOrdered>().Single();
        Assert.Equal((2019, LeadershipAdjustmentGround.ConsecutiveYellowCards), (adjustment.Year, adjustment.Ground));
        e.OrderLeadershipAdjustment(D("2020-01-10"), Planning, adjustment.Year);
        Assert.Equal((D("2020-01-10"), RotationStrength.Mandatory), (e.TenureOn(D("2020-01-10")).Rotation!.DueOn, e.TenureOn(D("2020-01-10")).Rotation!.Strength));

        // 2020-02-03: rotated to head of Finance at the same grade; the mandatory rotation is served.
        // 2020-03-02: the post adjustment due for last place in 2019, carried out: deputy head of Finance, one grade
        // down, L4S3 → L5S3. Head and deputy are one role for rotation (部门正副职), so the role still dates from 2020-02-03.
        e.Rotate(D("2020-02-03"), Finance, new PostLevel(Post.DepartmentHead, L4S3));
        e.ChangePost(D("2020-03-02"), new PostLevel(Post.DeputyHead, L5S3), "post adjustment for last place in 2019 (洋沙湖 三(五)19)");
        Assert.Null(e.MandatoryRotationOrderedOn);

        // 2020: Competent. Ranked 5th: nothing. Term 2 ends 2021-03-01 → term 3 = 2021-03-02..2024-03-01.
        Quarters(e, 2020, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        Year(e, 2020, AnnualGrade.Competent, DepartmentTier.Tier2);
        Rank(e, 2020, 5);
        e.OpenRenewal(D("2021-01-04"));
        e.Renew(D("2021-02-22"));
        Assert.Equal((3, D("2021-03-02"), D("2024-03-01")), (e.TermNumber, e.TermStart, e.TermEnd));

        // Rotation since the rotation of 2020-02-03: the first full term in the role is term 3, so advice at the end of
        // the 2nd full term (projected 2024-03-02 + 3 years − 1 day = 2027-03-01) and mandatory after the 3rd (2030-03-01).
        Assert.Equal(
            [(D("2027-03-01"), RotationStrength.Advisory), (D("2030-03-01"), RotationStrength.Mandatory)],
            e.RotationSchedule().Select(r => (r.DueOn, r.Strength)).ToArray());

        // 2021: a confirmed democratic evaluation with 7 of 18 Incompetent/Poor votes (> 1/3) still forces
        // Incompetent (AS 第十五条(六)) — but here it demotes nothing and the year still counts.
        // Ranked 11th of 12 = 2nd from the bottom → warning only.
        var evaluation = new AnnualAssessment { Evaluation = new DemocraticEvaluation(18, 7, ConfirmedByOrganisation: true) };
        Quarters(e, 2021, QuarterlyGrade.Poor, QuarterlyGrade.Average, QuarterlyGrade.Poor, QuarterlyGrade.Poor);
        Refused(e, Rules.MandatoryIncompetent, () => Year(e, 2021, AnnualGrade.BasicallyCompetent, DepartmentTier.Tier2, evaluation));
        e.MarkCommitted();
        Year(e, 2021, AnnualGrade.Incompetent, DepartmentTier.Tier2, evaluation);
        Assert.Equal([typeof(AnnualGradeRecorded)], NewEventTypes(e));
        Assert.Equal(L5S3, e.PostLevel.Grade);
        Rank(e, 2021, 11);
        Assert.Equal(2, e.History.OfType<RankingWarningIssued>().Last().PlaceFromBottom);

        // 2022: Competent, ranked 6th. Tenure on 2023-01-10: deputy head of Finance at L5S3, post and grade both since
        // 2020-03-02; whole years since then are 2021 and 2022, both counted (no grade uncounts a year here) → 2.
        Quarters(e, 2022, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        Year(e, 2022, AnnualGrade.Competent, DepartmentTier.Tier2);
        Rank(e, 2022, 6);
        var t2023 = e.TenureOn(D("2023-01-10"));
        Assert.Equal((Finance, D("2020-03-02"), D("2020-03-02"), 2), (t2023.Department, t2023.PostSince, t2023.GradeSince, t2023.CountedYears));
        Assert.Empty(t2023.YearsNotCounted);

        // 2023: Competent, but ranked 12th: last → post adjustment and warning; 2022 was 6th → no removal yet.
        Quarters(e, 2023, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        Year(e, 2023, AnnualGrade.Competent, DepartmentTier.Tier2);
        e.MarkCommitted();
        Rank(e, 2023, 12);
        Assert.Equal([typeof(RankingPlaceRecorded), typeof(PostAdjustmentDue), typeof(RankingWarningIssued)], NewEventTypes(e));

        // Term 3 ends 2024-03-01 → term 4 = 2024-03-02..2027-03-01.
        e.OpenRenewal(D("2024-01-08"));
        e.Renew(D("2024-02-19"));
        Assert.Equal((4, D("2027-03-01")), (e.TermNumber, e.TermEnd));

        // 2024: Competent; two people tie for the lowest score: both place 11 from the top, both last (1 from the
        // bottom). Last in 2023 and 2024 → removal (劝退、免职、责令辞职): the contract ends on 2024-12-28.
        Quarters(e, 2024, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        Year(e, 2024, AnnualGrade.Competent, DepartmentTier.Tier2);
        e.MarkCommitted();
        Rank(e, 2024, 11, fromBottom: 1);
        Assert.Equal([typeof(RankingPlaceRecorded), typeof(PostAdjustmentDue), typeof(RankingWarningIssued), typeof(RemovedForRanking)], NewEventTypes(e));
        Assert.Equal((ContractState.Terminated, D("2024-12-28")), (e.State, e.SeparatedOn!.Value));

        // The whole record, as of dates.
        Assert.Equal(new PostLevel(Post.DeputySectionChief, L6S3), e.PostLevelOn(D("2018-04-01")));
        Assert.Equal(new PostLevel(Post.DepartmentHead, L4S3), e.PostLevelOn(D("2018-04-02")));
        Assert.Equal(Planning, e.DepartmentOn(D("2020-02-02")));
        Assert.Equal(Finance, e.DepartmentOn(D("2020-02-03")));
        Assert.Equal(new PostLevel(Post.DeputyHead, L5S3), e.PostLevelOn(D("2024-12-27")));
        Assert.Null(e.PostLevelOn(D("2024-12-28")));
        Assert.Equal([2018, 2019, 2021, 2023, 2024], e.History.OfType<RankingWarningIssued>().Select(w => w.Year).ToArray());
        Assert.Equal([2019, 2023, 2024], e.RankingPlaces.Values.Where(r => r.PlaceFromBottom == 1).Select(r => r.Year).ToArray());
        Assert.Equal(3, e.PostAdjustments.Count(p => p.RuleCode == Rules.RankingConsequences.Code));
        Assert.Empty(e.History.OfType<YearNotCounted>());
        Assert.Empty(e.History.OfType<CommendationAwarded>());
        Assert.Empty(e.History.OfType<Demoted>());
        Assert.Equal(e.State, Employee.FromHistory(e.History.Select(EventJson.Serialize).Select(EventJson.Deserialize<EmployeeEvent>), Profile.Grading).State);
        Refused(e, Rules.ContractLifecycle, () => Quarter(e, 2025, 1, QuarterlyGrade.FairlyGood));
    }
}
