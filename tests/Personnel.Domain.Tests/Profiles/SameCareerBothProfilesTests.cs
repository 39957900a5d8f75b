using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using Personnel.Domain.Profiles;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Profiles;

/// <summary>
/// RULES §9: the same ten years of one person — annual grades and places in a ranking of 10, both recorded
/// every year — lived by the Employee aggregate under weihai-2020 (the grade decides) and under
/// yangshahu-2020 (the ranking decides). Every consequence is worked out by hand below.
/// </summary>
public class SameCareerBothProfilesTests
{
    private const int GroupSize = 10;
    private static readonly EmployeeId Sun = new("sun-li");

    // year, grade, place from the top (1 best, 10 last).
    private static readonly (int Year, AnnualGrade Grade, int Place)[] Career =
    [
        (2015, AnnualGrade.Competent, 5),
        (2016, AnnualGrade.Excellent, 2),
        (2017, AnnualGrade.BasicallyCompetent, 6),
        (2018, AnnualGrade.BasicallyCompetent, 7),
        (2019, AnnualGrade.Competent, 10),
        (2020, AnnualGrade.Competent, 8),
        (2021, AnnualGrade.Incompetent, 4),
        (2022, AnnualGrade.Competent, 10),
        (2023, AnnualGrade.Incompetent, 10),
        (2024, AnnualGrade.Incompetent, 9),
    ];

    /// <summary>
    /// Lives the career under a profile: quarters, the annual grade on 20 December, the ranking on 28 December,
    /// and the renewal at the end of each 3-year term; stops at the first year the contract is already over.
    /// Returns the years lived.
    /// </summary>
    private static (Employee Employee, List<int> YearsLived) Live(PolicyProfile profile)
    {
        // 2015-01-05: appointed by competition, no probation, section chief at L5S5; terms end 2018-01-04, 2021-01-04, 2024-01-04.
        var e = Employee.Appoint(D("2015-01-05"), new AppointmentRequest(
            Sun, Planning, new PostLevel(Post.SectionChief, new PostGrade(5, 5)), AppointmentMethod.Competition, ProbationKind.None,
            D("2045-06-30"), AdministrativeRank.SectionChief, D("2013-01-01"), Education.Bachelor), profile.Grading);
        var lived = new List<int>();
        foreach (var (year, grade, place) in Career)
        {
            if (!e.IsIn(ContractState.InService))
            {
                Refused(e, Rules.ContractLifecycle, () => Quarter(e, year, 1, QuarterlyGrade.FairlyGood));
                break;
            }

            lived.Add(year);
            if (grade == AnnualGrade.Excellent)
            {
                GoodYear(e, year, grade);
            }
            else
            {
                var weak = grade is AnnualGrade.BasicallyCompetent or AnnualGrade.Incompetent;
                var q = weak ? QuarterlyGrade.Average : QuarterlyGrade.FairlyGood;
                Quarters(e, year, q, q, weak ? QuarterlyGrade.Poor : q, QuarterlyGrade.FairlyGood);
                Year(e, year, grade);
            }

            // A contract the grade ended on 20 December has no ranking place on the 28th.
            if (e.IsIn(ContractState.InService))
            {
                e.RecordRankingPlace(new DateOnly(year, 12, 28), year, place, GroupSize, profile.Consequences.Ranking);
            }

            if (e.IsIn(ContractState.InService) && year is 2017 or 2020 or 2023)
            {
                e.OpenRenewal(new DateOnly(year, 11, 1));
                e.Renew(new DateOnly(year, 12, 30));
            }
        }

        return (e, lived);
    }

    [Fact]
    public void R9_TheSameCareer_UnderWeihai_IsJudgedByGrade()
    {
        var (e, lived) = Live(PolicyProfiles.Load("weihai-2020"));

        // 2016 Excellent → commendation (AS 第十九条). 2017 BasicallyCompetent → admonished, not counted, frozen
        // until 2018-12-20; 2018 again → also the post adjusted and L5S5 → L6S5 on 2018-12-20 (AS 第二十条(四)).
        // 2021 Incompetent → L6S5 → L7S5 (AS 第二十一条); 2022 Competent breaks the run; 2023 Incompetent → L7S5 → L8S5;
        // 2024 Incompetent again → level 8 is the floor: the demotion is recorded as due (RULES §1), and the second
        // consecutive Incompetent terminates the contract on 2024-12-20 (AS 第二十一条(三)), before the 2024 ranking.
        // The places 2015–2023 are recorded and change nothing.
        Assert.Equal([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024], lived);
        Assert.Equal([2016], e.History.OfType<CommendationAwarded>().Select(c => c.Year).ToArray());
        Assert.Equal([2017, 2018], e.History.OfType<Admonished>().Select(a => a.Year).ToArray());
        Assert.Equal(
            [(2018, 5, 6), (2021, 6, 7), (2023, 7, 8)],
            e.History.OfType<Demoted>().Select(d => (d.Year, d.From.Level, d.To.Level)).ToArray());
        Assert.Equal(2024, e.History.OfType<DemotionFloorReached>().Single().Year);
        Assert.Equal(["AS-20"], e.PostAdjustments.Select(p => p.RuleCode).ToArray());
        Assert.Equal([2017, 2018, 2021, 2023, 2024], e.History.OfType<YearNotCounted>().Select(y => y.Year).ToArray());
        Assert.Empty(e.History.OfType<RankingWarningIssued>());
        Assert.Equal(9, e.RankingPlaces.Count);
        Assert.Equal((ContractState.Terminated, D("2024-12-20")), (e.State, e.SeparatedOn!.Value));
        Assert.Equal(new PostGrade(8, 5), e.PostLevel.Grade);

        // Counted years on 2021-01-10: at L6S5 since 2018-12-20; whole years 2019 and 2020, both Competent → 2.
        Assert.Equal(2, e.TenureOn(D("2021-01-10")).CountedYears);
    }

    [Fact]
    public void R9_TheSameCareer_UnderYangshahu_IsJudgedByRanking()
    {
        var (e, lived) = Live(PolicyProfiles.Load("yangshahu-2020"));

        // 三(五)19: 2019 last → post adjustment and warning; 2020 8th = 3rd from the bottom → warning; 2022 last →
        // post adjustment and warning (2021 was 4th: no removal); 2023 last again → post adjustment, warning and
        // removal: the contract ends on 2023-12-28, and 2024 is never lived. The grades change nothing: no
        // commendation, admonishment, demotion or uncounted year, and L5S5 is kept to the end.
        Assert.Equal([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023], lived);
        Assert.Equal([2019, 2020, 2022, 2023], e.History.OfType<RankingWarningIssued>().Select(w => w.Year).ToArray());
        Assert.Equal(
            ["YSH-19", "YSH-19", "YSH-19"],
            e.PostAdjustments.Select(p => p.RuleCode).ToArray());
        Assert.Equal(2023, e.History.OfType<RemovedForRanking>().Single().Year);
        Assert.Equal((ContractState.Terminated, D("2023-12-28")), (e.State, e.SeparatedOn!.Value));
        Assert.Equal(new PostGrade(5, 5), e.PostLevel.Grade);
        Assert.Empty(e.History.OfType<CommendationAwarded>());
        Assert.Empty(e.History.OfType<Admonished>());
        Assert.Empty(e.History.OfType<Demoted>());
        Assert.Empty(e.History.OfType<YearNotCounted>());

        // Counted years on 2021-01-10: at L5S5 since 2015-01-05; whole years 2016–2020 all count → 5.
        Assert.Equal(5, e.TenureOn(D("2021-01-10")).CountedYears);
    }
}
