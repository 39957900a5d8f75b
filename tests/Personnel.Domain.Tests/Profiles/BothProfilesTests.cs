using Personnel.Domain.Common;
using Personnel.Domain.Grading;
using Personnel.Domain.Profiles;
using Personnel.Domain.Ranking;

namespace Personnel.Domain.Tests.Profiles;

/// <summary>
/// RULES §9: one department-year of ten people, with their annual grades and their ranking scores,
/// judged under weihai-2020 (by grade) and under yangshahu-2020 (by ranking). Worked by hand.
/// </summary>
public class BothProfilesTests
{
    private const decimal BonusPool = 101_000.00m;

    private static EmployeeId P(int n) => new($"p{n:00}");

    // 2021, best score first. p07 was BasicallyCompetent and p09 Incompetent in 2020 too; p10 was last in 2020.
    private static readonly DepartmentYearRecord Year2021 = new(2021,
    [
        new(P(1), AnnualGrade.Excellent, 98m),
        new(P(2), AnnualGrade.Excellent, 95m),
        new(P(3), AnnualGrade.Competent, 92m),
        new(P(4), AnnualGrade.Competent, 90m),
        new(P(5), AnnualGrade.Competent, 88m),
        new(P(6), AnnualGrade.Competent, 85m),
        new(P(7), AnnualGrade.BasicallyCompetent, 84m),
        new(P(8), AnnualGrade.Competent, 80m),
        new(P(9), AnnualGrade.Incompetent, 79m),
        new(P(10), AnnualGrade.Competent, 60m),
    ]);

    private static readonly DepartmentYearRecord Year2020 = new(2020,
    [
        new(P(1), AnnualGrade.Excellent, 97m),
        new(P(2), AnnualGrade.Competent, 91m),
        new(P(3), AnnualGrade.Competent, 90m),
        new(P(4), AnnualGrade.Competent, 89m),
        new(P(5), AnnualGrade.Competent, 87m),
        new(P(6), AnnualGrade.Competent, 86m),
        new(P(7), AnnualGrade.BasicallyCompetent, 83m),
        new(P(8), AnnualGrade.Competent, 82m),
        new(P(9), AnnualGrade.Incompetent, 75m),
        new(P(10), AnnualGrade.Competent, 58m),
    ]);

    private static Dictionary<EmployeeId, PersonJudgement> Judge(string profile) =>
        YearJudge.Judge(PolicyProfiles.Load(profile), Year2021, [Year2020], BonusPool).ToDictionary(j => j.Employee);

    [Fact]
    public void R9_Weihai_JudgesByGrade()
    {
        var weihai = Judge("weihai-2020");

        // AS 第十九条: Excellent → commendation. AS 第二十条(一)–(四): BasicallyCompetent twice → admonishment,
        // year not counted, promotion frozen, post adjustment and demotion. AS 第二十一条(一)–(三): Incompetent
        // twice → demotion, year not counted and termination. The one table of GradingPolicy, as the aggregate applies it.
        Assert.Equal([ProfileConsequence.Commendation], weihai[P(1)].Consequences);
        Assert.Equal(
            [ProfileConsequence.Admonishment, ProfileConsequence.YearNotCounted, ProfileConsequence.PromotionFreeze,
                ProfileConsequence.PostAdjustment, ProfileConsequence.Demotion],
            weihai[P(7)].Consequences);
        Assert.Equal([ProfileConsequence.Demotion, ProfileConsequence.YearNotCounted, ProfileConsequence.ContractTermination], weihai[P(9)].Consequences);
        // Last place in the ranking means nothing by grade.
        Assert.Empty(weihai[P(10)].Consequences);
        Assert.Empty(weihai[P(8)].Consequences);

        // PM 第五条 coefficients 1.1 ×2, 1.0 ×6, 0.2, 0 → Σ 8.4; 10,100,000 fen / 8.4 = 1,202,380.95 fen per unit:
        // Excellent 1,322,619.05, Competent 1,202,380.95, BasicallyCompetent 240,476.19, Incompetent 0.
        // Floors leave 6 fen, one to each Competent (remainder .95 beats .05 and .19).
        Assert.Equal(1.1m, weihai[P(1)].AnnualCoefficient);
        Assert.Equal(13_226.19m, weihai[P(1)].Bonus);
        Assert.Equal(12_023.81m, weihai[P(10)].Bonus);
        Assert.Equal(2_404.76m, weihai[P(7)].Bonus);
        Assert.Equal(0m, weihai[P(9)].Bonus);
        Assert.Equal(BonusPool, weihai.Values.Sum(j => j.Bonus));
    }

    [Fact]
    public void R9_Yangshahu_JudgesTheSameYearByRanking()
    {
        var yangshahu = Judge("yangshahu-2020");

        // 三(五)19: p10 last this year and last year → post adjustment, warning, removal;
        // p08, p09 in the bottom three → warning; p07 (BasicallyCompetent twice) → nothing.
        Assert.Equal([ProfileConsequence.PostAdjustment, ProfileConsequence.WarningAndReeducation, ProfileConsequence.Removal],
            yangshahu[P(10)].Consequences);
        Assert.Equal([ProfileConsequence.WarningAndReeducation], yangshahu[P(9)].Consequences);
        Assert.Equal([ProfileConsequence.WarningAndReeducation], yangshahu[P(8)].Consequences);
        Assert.Empty(yangshahu[P(7)].Consequences);
        Assert.Empty(yangshahu[P(1)].Consequences);

        // 三(五)18: 6,060 base each; ladder standard 4,000: top two +20 %, bottom one −30 %.
        Assert.Equal(BonusTier.Top, yangshahu[P(1)].BonusTier);
        Assert.Equal(10_860.00m, yangshahu[P(1)].Bonus);
        Assert.Equal(10_060.00m, yangshahu[P(7)].Bonus);
        Assert.Equal(10_060.00m, yangshahu[P(9)].Bonus);
        Assert.Equal(8_860.00m, yangshahu[P(10)].Bonus);
        Assert.Null(yangshahu[P(1)].AnnualCoefficient);
        Assert.Equal(BonusPool, yangshahu.Values.Sum(j => j.Bonus));
    }

    [Fact]
    public void R9_TheTwoProfilesDisagreeOnWhoIsPenalised()
    {
        var weihai = Judge("weihai-2020");
        var yangshahu = Judge("yangshahu-2020");

        static HashSet<EmployeeId> Penalised(Dictionary<EmployeeId, PersonJudgement> judged) =>
            judged.Values.Where(j => j.Consequences.Any(c => c != ProfileConsequence.Commendation)).Select(j => j.Employee).ToHashSet();

        Assert.Equal(new HashSet<EmployeeId> { P(7), P(9) }, Penalised(weihai));
        Assert.Equal(new HashSet<EmployeeId> { P(8), P(9), P(10) }, Penalised(yangshahu));
        // The Incompetent p09 loses everything by grade but keeps a standard bonus by ranking.
        Assert.Equal(0m, weihai[P(9)].Bonus);
        Assert.Equal(10_060.00m, yangshahu[P(9)].Bonus);
    }

    [Fact]
    public void R9_OnlyTheYearsRightBeforeCount_AsPreviousYears()
    {
        // With 2019 instead of 2020 on record, neither the second-consecutive grade nor the repeated last place applies.
        var gap = Year2020 with { Year = 2019 };

        var weihai = YearJudge.Judge(PolicyProfiles.Load("weihai-2020"), Year2021, [gap], BonusPool).ToDictionary(j => j.Employee);
        var yangshahu = YearJudge.Judge(PolicyProfiles.Load("yangshahu-2020"), Year2021, [gap], BonusPool).ToDictionary(j => j.Employee);

        Assert.Equal([ProfileConsequence.Demotion, ProfileConsequence.YearNotCounted], weihai[P(9)].Consequences);
        Assert.DoesNotContain(ProfileConsequence.Removal, yangshahu[P(10)].Consequences);
    }

    [Fact]
    public void AS22_YearJudge_ReadsTheOneTable_NoGradeTwiceIsAnUncountedYearAndAPostAdjustment()
    {
        // p05 ungraded in 2020 and 2021: AS 第二十二条 → year not counted, and the second consecutive → post adjustment,
        // exactly what the Employee aggregate applies from GradingPolicy.Consequences. Under yangshahu-2020 the table is empty.
        var ungraded = Year2021 with { People = [.. Year2021.People.Select(p => p.Employee == P(5) ? p with { Grade = null } : p)] };
        var before = Year2020 with { People = [.. Year2020.People.Select(p => p.Employee == P(5) ? p with { Grade = null } : p)] };

        var weihai = YearJudge.Judge(PolicyProfiles.Load("weihai-2020"), ungraded, [before], BonusPool).Single(j => j.Employee == P(5));
        var table = PolicyProfiles.Load("weihai-2020").Grading.ConsequencesOf(AnnualOutcome.NoGrade);

        Assert.Equal([ProfileConsequence.YearNotCounted, ProfileConsequence.PostAdjustment], weihai.Consequences);
        Assert.Equal([Consequence.YearNotCounted], table.Each);
        Assert.Equal([Consequence.PostAdjustment], table.SecondConsecutive);
        Assert.Equal(0m, weihai.AnnualCoefficient);
    }
}
