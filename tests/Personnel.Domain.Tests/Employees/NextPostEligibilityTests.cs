using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

/// <summary>
/// <see cref="Employee.TenureOn(DateOnly, EligibilityPolicy)"/>: the earliest eligibility for the next post (RULES §6)
/// judged by AM 第五条 on the employee's own rank history and uncounted years, worked out by hand.
/// </summary>
public class NextPostEligibilityTests
{
    private static readonly EligibilityPolicy Weihai = new();

    private static Employee Staff(Education education = Education.Bachelor)
    {
        // Staff at L7S1 from 2016-01-04; first-grade staff (一级科员) since 2014-09-01.
        var e = Employee.Appoint(D("2016-01-04"), new AppointmentRequest(
            Zhang, Planning, Level(Post.Staff, 7, 1), AppointmentMethod.Competition, ProbationKind.None, D("2050-06-30"),
            AdministrativeRank.FirstGradeStaff, D("2014-09-01"), education));
        e.MarkCommitted();
        return e;
    }

    private static void Weak(Employee e, int year, AnnualGrade grade)
    {
        Quarters(e, year, QuarterlyGrade.Average, QuarterlyGrade.Average, QuarterlyGrade.Poor, QuarterlyGrade.FairlyGood);
        Year(e, year, grade);
    }

    [Fact]
    public void AM5_TheNextPost_IsTheNextManagementPostUpWithARankCondition()
    {
        Assert.Equal(Post.DeputySectionChief, Employee.NextManagementPost(Post.Probationer, Weihai));
        Assert.Equal(Post.DeputySectionChief, Employee.NextManagementPost(Post.Staff, Weihai));
        Assert.Equal(Post.SectionChief, Employee.NextManagementPost(Post.DeputySectionChief, Weihai));
        Assert.Equal(Post.DepartmentHead, Employee.NextManagementPost(Post.DeputyHead, Weihai));
        Assert.Null(Employee.NextManagementPost(Post.DepartmentHead, Weihai));
        Assert.Null(Employee.NextManagementPost(Post.Assistant2, Weihai));
    }

    [Fact]
    public void AM5_StaffToDeputySectionChief_ThreeCountedYearsAsFirstGradeStaff_AnUncountedYearPushesAWholeYear()
    {
        var e = Staff();

        // Deputy section chief: deputy-section level now, or first-grade staff held 3 counted years (AM 第五条).
        // First-grade staff since 2014-09-01, nothing uncounted yet → 2014-09-01 + 3 years = 2017-09-01.
        Assert.Equal(D("2017-09-01"), e.TenureOn(D("2017-06-30"), Weihai).EarliestNextPostEligibility);

        // 2017 graded BasicallyCompetent on 2017-12-20: the year does not count (AS 第二十条), and it lies wholly inside
        // the three years → the date moves a whole year, to 2018-09-01. As of a date before the grade, still 2017-09-01.
        Weak(e, 2017, AnnualGrade.BasicallyCompetent);
        Assert.Equal(D("2017-09-01"), e.TenureOn(D("2017-12-19"), Weihai).EarliestNextPostEligibility);
        Assert.Equal(D("2018-09-01"), e.TenureOn(D("2018-01-10"), Weihai).EarliestNextPostEligibility);
        Assert.Equal([2017], e.CandidateOn(D("2018-01-10")).UncountedYears.ToArray());
    }

    [Fact]
    public void AM5_DeputySectionChiefToSectionChief_CountsFromTheRankRecordedLater_AndSkipsUncountedYearsBeforeIt()
    {
        var e = Staff();
        Weak(e, 2017, AnnualGrade.BasicallyCompetent);

        // 2019-03-01: the rank is now deputy-section (副科级) since 2019-02-15; 2019-04-01 promoted to deputy section chief L6S1.
        e.RecordQualifications(D("2019-03-01"), AdministrativeRank.DeputySection, D("2019-02-15"), Education.Bachelor);
        e.Promote(D("2019-04-01"), Level(Post.DeputySectionChief, 6, 1));
        Assert.Equal(
            [new RankHeld(AdministrativeRank.FirstGradeStaff, D("2014-09-01")), new RankHeld(AdministrativeRank.DeputySection, D("2019-02-15"))],
            e.CandidateOn(D("2019-04-01")).RankHistory);

        // Section chief: section-chief level now, or deputy-section held 2 counted years: 2019-02-15 + 2 = 2021-02-15;
        // the uncounted 2017 lies before the rank and does not matter.
        Assert.Equal(D("2021-02-15"), e.TenureOn(D("2019-04-01"), Weihai).EarliestNextPostEligibility);

        // 2020 Incompetent (not counted, AS 第二十一条), wholly inside the two years → 2022-02-15.
        Quarters(e, 2019, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        Year(e, 2019, AnnualGrade.Competent);
        e.PassTrial(D("2020-03-31"));
        Weak(e, 2020, AnnualGrade.Incompetent);
        Assert.Equal(D("2022-02-15"), e.TenureOn(D("2021-01-10"), Weihai).EarliestNextPostEligibility);
    }

    [Fact]
    public void AM5_AnAppealThatRevisesTheYear_CountsItAgainFromTheDecision()
    {
        var e = Staff();
        Weak(e, 2017, AnnualGrade.Incompetent);
        e.AppealAnnualGrade(D("2018-01-05"), 2017);
        e.ResolveAppeal(D("2018-02-01"), 2017, AppealOutcome.Revised, AnnualGrade.Competent);

        Assert.Equal(D("2018-09-01"), e.TenureOn(D("2018-01-31"), Weihai).EarliestNextPostEligibility);
        Assert.Equal(D("2017-09-01"), e.TenureOn(D("2018-02-01"), Weihai).EarliestNextPostEligibility);
    }

    [Fact]
    public void AM5_WithoutJuniorCollege_OrAtTheTop_ThereIsNoNextPostDate()
    {
        Assert.Null(Staff(Education.BelowJuniorCollege).TenureOn(D("2018-01-10"), Weihai).EarliestNextPostEligibility);

        var head = Appointed("2016-01-04", Post.DepartmentHead, 4);
        Assert.Null(head.TenureOn(D("2018-01-10"), Weihai).EarliestNextPostEligibility);
    }

    [Fact]
    public void AM5_TheProfilesYearsAreUsed()
    {
        var lenient = Weihai with
        {
            ManagementPosts = [.. Weihai.ManagementPosts.Select(r => r.Post == Post.DeputySectionChief ? r with { YearsHeld = 1 } : r)],
        };

        Assert.Equal(D("2015-09-01"), Staff().TenureOn(D("2016-01-04"), lenient).EarliestNextPostEligibility);
    }
}
