using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

/// <summary>
/// One person's whole career under weihai-2020, 2015–2024, with every date and consequence worked
/// out by hand in the comments: hire, probation, grades, merits, promotion trial, a yellow-card
/// department (tier 3 then tier 4: Excellent barred and the leadership adjustment), rotation,
/// admonishment, promotion freeze, demotions and finally the contract's termination.
/// </summary>
public class TenYearScenarioTests
{
    private static readonly EmployeeId Wang = new("wang-fang");
    private static readonly PostGrade L4S5 = new(4, 5);
    private static readonly PostGrade L5S5 = new(5, 5);
    private static readonly PostGrade L6S5 = new(6, 5);
    private static readonly PostGrade L7S5 = new(7, 5);

    [Fact]
    public void Weihai2020_ACareerFromHireToTermination()
    {
        // 2015-01-05 (Mon): open recruitment, standard probation of 6 months inside the term (AM 第十三条):
        // probation ends 2015-01-05 + 6 months − 1 day = 2015-07-04; term 1 = 2015-01-05..2018-01-04 (AM 第九条).
        var e = Employee.Appoint(D("2015-01-05"), new AppointmentRequest(
            Wang, Planning, new PostLevel(Post.DeputySectionChief, L6S5), AppointmentMethod.OpenRecruitment, ProbationKind.Standard,
            D("2041-05-31"), AdministrativeRank.DeputySection, D("2013-07-01"), Education.Bachelor));
        Assert.Equal((ContractState.InProbation, D("2015-07-04"), D("2018-01-04")), (e.State, e.ProbationEnd!.Value, e.TermEnd));

        // 2015: Q1–Q3 touch the probation (Q3 by 1–4 July): comments only (AS 第二十三条); Q4 graded.
        Quarter(e, 2015, 1, null);
        Quarter(e, 2015, 2, null);
        e.PassProbation(D("2015-07-06"));
        Quarter(e, 2015, 3, null);
        Quarter(e, 2015, 4, QuarterlyGrade.FairlyGood);
        Assert.Equal(
            [NoGradeReason.InProbation, NoGradeReason.InProbation, NoGradeReason.InProbation, null],
            Personnel.Domain.Common.Quarter.OfYear(2015).Select(q => e.QuarterlyGrades[q].NoGradeReason).ToArray());

        // 2015 annual: probation that year → no grade → the year is not counted (AS 第二十二条).
        Year(e, 2015, null, on: "2015-12-18");
        Assert.Equal(AnnualOutcome.NoGrade, e.History.OfType<YearNotCounted>().Single().Outcome);

        // 2016 and 2017: a Good quarter each, noticed from 1 December (5 working days: Thu 2016-12-01 → 8 Dec),
        // Excellent in a tier-1 department → a commendation each (AS 第十九条).
        GoodYear(e, 2016, AnnualGrade.Excellent);
        Assert.Equal(D("2016-12-08"), e.History.OfType<ExcellentProposed>().Single(p => p.Year == 2016).EarliestDecision);
        GoodYear(e, 2017, AnnualGrade.Excellent);

        // Term 1 ends 2018-01-04; renewal opens 90 days before (2017-10-06). Term 2 = 2018-01-05..2021-01-04.
        e.OpenRenewal(D("2017-11-01"));
        e.Renew(D("2017-12-28"));
        Assert.Equal((2, D("2018-01-05"), D("2021-01-04")), (e.TermNumber, e.TermStart, e.TermEnd));

        // 2018-01-08: promoted to department head L4S5 on a 1-year trial, ending 2019-01-07 (AM 第十三条).
        e.Promote(D("2018-01-08"), new PostLevel(Post.DepartmentHead, L4S5));
        Assert.Equal((ContractState.InPromotionTrial, D("2019-01-07")), (e.State, e.TrialEnd!.Value));

        // 2018: third consecutive Excellent (2016, 2017, 2018), tier 2 → commendation and a third-class merit.
        GoodYear(e, 2018, AnnualGrade.Excellent, DepartmentTier.Tier2);
        Assert.Equal((2018, MeritClass.ThirdClass, 3), (e.Merits.Single().Year, e.Merits.Single().Class, e.Merits.Single().ConsecutiveExcellentYears));
        e.PassTrial(D("2019-01-07"));

        // Tenure on 2019-01-10: head since 2018-01-08; no whole year at L4S5 is over yet, none uncounted since.
        var t2019 = e.TenureOn(D("2019-01-10"));
        Assert.Equal((Post.DepartmentHead, L4S5, D("2018-01-08"), 0), (t2019.PostLevel.Post, t2019.PostLevel.Grade, t2019.GradeSince, t2019.CountedYears));
        Assert.Empty(t2019.YearsNotCounted);

        // 2019: the department is tier 3 (first yellow card). Its Excellent cap is 10 % of 20 = 2 (AS 第十二条):
        // two colleagues take it, a third is refused. The head, a leadership member, cannot be Excellent at all.
        var ledger = ExcellentQuotaLedger.FromHistory(Planning, 2019, []);
        var tier3 = new DepartmentYearFacts(Planning, 2019, DepartmentTier.Tier3, 20);
        ledger.Grant(D("2019-12-20"), new EmployeeId("li-si"), tier3, e.Policy);
        ledger.Grant(D("2019-12-20"), new EmployeeId("chen-wu"), tier3, e.Policy);
        var quotaError = Assert.Throws<RuleViolationException>(() => ledger.Grant(D("2019-12-20"), new EmployeeId("zhao-liu"), tier3, e.Policy));
        Assert.Contains("cap 2 of 20 eligible reached, 2 already granted", quotaError.Message, StringComparison.Ordinal);
        Quarters(e, 2019, QuarterlyGrade.Good, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        e.ProposeExcellent(D("2019-12-02"), 2019);
        var barred = Refused(e, Rules.LeadershipExcellentBar,
            () => e.RecordAnnualGrade(D("2019-12-20"), 2019, AnnualGrade.Excellent, AnnualAssessment.None, tier3,
                new ExcellentQuotaGranted(D("2019-12-20"), Planning, 2019, DepartmentTier.Tier3, Wang, 20, 2, 2)));
        Assert.Contains("tier 3 department in 2019", barred.Message, StringComparison.Ordinal);
        e.RecordAnnualGrade(D("2019-12-20"), 2019, AnnualGrade.Competent, AnnualAssessment.None, tier3);

        // 2020: tier 4 (second yellow card). Average, Average, Poor, FairlyGood: 3 of 4 weak → at most
        // BasicallyCompetent (AS 第十三条) → admonished, year not counted, no promotion until 2021-12-18 (AS 第二十条).
        Quarters(e, 2020, QuarterlyGrade.Average, QuarterlyGrade.Average, QuarterlyGrade.Poor, QuarterlyGrade.FairlyGood);
        Refused(e, Rules.AveragePoorMajority, () => Year(e, 2020, AnnualGrade.Competent, DepartmentTier.Tier4, on: "2020-12-18"));
        Year(e, 2020, AnnualGrade.BasicallyCompetent, DepartmentTier.Tier4, on: "2020-12-18");
        Assert.Equal(D("2021-12-18"), e.PromotionFrozenUntil);

        // Term 2 ends 2021-01-04 → term 3 = 2021-01-05..2024-01-04.
        e.OpenRenewal(D("2020-11-02"));
        e.Renew(D("2020-12-28"));
        Assert.Equal((3, D("2024-01-04")), (e.TermNumber, e.TermEnd));

        // Before the yellow cards bite: head since 2018-01-08, the first full term in the role is term 3,
        // so rotation is advised at the end of the 2nd full term (projected 2027-01-04), mandatory after the 3rd (2030-01-04).
        Assert.Equal(
            [(D("2027-01-04"), RotationStrength.Advisory), (D("2030-01-04"), RotationStrength.Mandatory)],
            e.RotationSchedule().Select(r => (r.DueOn, r.Strength)).ToArray());

        // 2021-03-01: two consecutive yellow cards (2019, 2020) → the department sends the leadership
        // adjustment (AM 第十七条): the head's rotation is mandatory now.
        e.OrderLeadershipAdjustment(D("2021-03-01"), Planning, 2020);
        var ordered = e.TenureOn(D("2021-03-01")).Rotation!;
        Assert.Equal((D("2021-03-01"), RotationStrength.Mandatory), (ordered.DueOn, ordered.Strength));

        // 2021-04-01: rotated to head of Finance at the same grade; the count starts again: the first full term
        // in the new role is term 4 (from 2024-01-05), so advisory 2030-01-04 and mandatory 2033-01-04.
        e.Rotate(D("2021-04-01"), Finance, new PostLevel(Post.DepartmentHead, L4S5));
        Assert.Equal(
            [(D("2030-01-04"), RotationStrength.Advisory), (D("2033-01-04"), RotationStrength.Mandatory)],
            e.RotationSchedule().Select(r => (r.DueOn, r.Strength)).ToArray());

        // 2021: BasicallyCompetent again → the second consecutive: also the post adjusted and one grade down,
        // L4S5 → L5S5 (AS 第二十条(四)); a new freeze until 2022-12-20.
        Quarters(e, 2021, QuarterlyGrade.Average, QuarterlyGrade.Average, QuarterlyGrade.Average, QuarterlyGrade.FairlyGood);
        e.MarkCommitted();
        Year(e, 2021, AnnualGrade.BasicallyCompetent, DepartmentTier.Tier2);
        Assert.Equal(
            [typeof(AnnualGradeRecorded), typeof(Admonished), typeof(YearNotCounted), typeof(PromotionFrozen), typeof(Demoted), typeof(PostAdjustmentDue)],
            NewEventTypes(e));
        Assert.Equal((L4S5, L5S5), (e.History.OfType<Demoted>().Single().From, e.History.OfType<Demoted>().Single().To));

        // Tenure on 2022-01-10: head of Finance since 2021-04-01, at L5S5 since 2021-12-20; 2021 not counted.
        var t2022 = e.TenureOn(D("2022-01-10"));
        Assert.Equal((Finance, D("2021-04-01"), D("2021-12-20"), 0), (t2022.Department, t2022.PostSince, t2022.GradeSince, t2022.CountedYears));
        Assert.Equal([new UncountedYear(2021, AnnualOutcome.BasicallyCompetent, null)], t2022.YearsNotCounted);
        Assert.Equal((D("2022-12-20"), D("2024-01-04"), 3), (t2022.PromotionFrozenUntil!.Value, t2022.TermEnd, t2022.TermNumber));
        Assert.Equal((D("2030-01-04"), RotationStrength.Advisory), (t2022.Rotation!.DueOn, t2022.Rotation.Strength));
        Refused(e, Rules.PromotionFreeze, () => e.ChangePost(D("2022-06-01"), new PostLevel(Post.DepartmentHead, L4S5), "restore"));

        // 2022: Competent. The year at L5S5 is whole (from 1 January 2022 ≥ 2021-12-20) → 1 counted year.
        Quarters(e, 2022, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        Year(e, 2022, AnnualGrade.Competent, DepartmentTier.Tier2);
        Assert.Equal(1, e.TenureOn(D("2023-01-10")).CountedYears);
        Assert.Null(e.TenureOn(D("2023-01-10")).PromotionFrozenUntil);

        // 2023: a confirmed democratic evaluation with 7 of 18 votes Incompetent/Poor (> 1/3) forces Incompetent
        // (AS 第十五条(六)) → one grade down, L5S5 → L6S5, year not counted. Term 3 is still renewed.
        var evaluation = new AnnualAssessment { Evaluation = new DemocraticEvaluation(18, 7, ConfirmedByOrganisation: true) };
        Quarters(e, 2023, QuarterlyGrade.Poor, QuarterlyGrade.Average, QuarterlyGrade.Poor, QuarterlyGrade.Poor);
        Refused(e, Rules.MandatoryIncompetent, () => Year(e, 2023, AnnualGrade.BasicallyCompetent, DepartmentTier.Tier2, evaluation));
        Year(e, 2023, AnnualGrade.Incompetent, DepartmentTier.Tier2, evaluation);
        Assert.Equal(L6S5, e.PostLevel.Grade);
        e.OpenRenewal(D("2023-11-01"));
        e.Renew(D("2023-12-28"));
        Assert.Equal((4, D("2024-01-05"), D("2027-01-04")), (e.TermNumber, e.TermStart, e.TermEnd));

        // 2024: Incompetent again → one grade down (L6S5 → L7S5) and, the second consecutive, the contract
        // terminated on 2024-12-20 (AM 第十七条; AS 第二十一条).
        Quarters(e, 2024, QuarterlyGrade.Poor, QuarterlyGrade.Poor, QuarterlyGrade.Poor, QuarterlyGrade.Poor);
        e.MarkCommitted();
        Year(e, 2024, AnnualGrade.Incompetent, DepartmentTier.Tier1);
        Assert.Equal([typeof(AnnualGradeRecorded), typeof(YearNotCounted), typeof(Demoted), typeof(ContractTerminated)], NewEventTypes(e));
        Assert.Equal((ContractState.Terminated, D("2024-12-20")), (e.State, e.SeparatedOn!.Value));

        // The whole record, as of dates (township apps' question).
        Assert.Equal(new PostLevel(Post.DeputySectionChief, L6S5), e.PostLevelOn(D("2015-06-01")));
        Assert.Equal(new PostLevel(Post.DepartmentHead, L4S5), e.PostLevelOn(D("2018-06-01")));
        Assert.Equal(new PostLevel(Post.DepartmentHead, L4S5), e.PostLevelOn(D("2021-12-19")));
        Assert.Equal(new PostLevel(Post.DepartmentHead, L5S5), e.PostLevelOn(D("2021-12-20")));
        Assert.Equal(new PostLevel(Post.DepartmentHead, L6S5), e.PostLevelOn(D("2023-12-20")));
        Assert.Equal(new PostLevel(Post.DepartmentHead, L7S5), e.PostLevel);
        Assert.Equal(new PostLevel(Post.DepartmentHead, L6S5), e.PostLevelOn(D("2024-12-19")));
        Assert.Null(e.PostLevelOn(D("2024-12-20")));
        Assert.Equal([2016, 2017, 2018], e.History.OfType<CommendationAwarded>().Select(c => c.Year).ToArray());
        Assert.Equal([2021, 2023, 2024], e.History.OfType<Demoted>().Select(d => d.Year).ToArray());
        Assert.Equal([2015, 2020, 2021, 2023, 2024], e.History.OfType<YearNotCounted>().Select(y => y.Year).ToArray());
        Assert.Equal(["AS-20"], e.PostAdjustments.Select(p => p.RuleCode).ToArray());
        Assert.Equal(e.State, Employee.FromHistory(e.History.Select(EventJson.Serialize).Select(EventJson.Deserialize<EmployeeEvent>)).State);
        Refused(e, Rules.ContractLifecycle, () => Quarter(e, 2025, 1, QuarterlyGrade.FairlyGood));
    }
}
