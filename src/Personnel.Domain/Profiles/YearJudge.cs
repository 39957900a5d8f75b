using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Pay;
using Personnel.Domain.Ranking;

namespace Personnel.Domain.Profiles;

/// <summary>One person's year in a department: the annual grade (null: no grade), the ranking score and the post coefficient.</summary>
public sealed record PersonYear(EmployeeId Employee, AnnualGrade? Grade, decimal Score, decimal PostCoefficient = 1m);

/// <summary>A department's people in one year.</summary>
public sealed record DepartmentYearRecord(int Year, IReadOnlyList<PersonYear> People);

/// <summary>What a profile makes of one person's year: consequences, the annual coefficient (grade basis) or bonus tier (ladder), and the bonus.</summary>
public sealed record PersonJudgement(
    EmployeeId Employee, IReadOnlyList<ProfileConsequence> Consequences, decimal? AnnualCoefficient, BonusTier? BonusTier, decimal Bonus, string Article);

/// <summary>
/// Judges one department-year under a profile (RULES §9): by grade (consequences from the grade table,
/// the bonus pool shared by personal coefficient × post coefficient, PM 第五条) or by ranking
/// (consequences by place, the bonus by ladder). The same history can so be read under two towns' rules.
/// </summary>
public static class YearJudge
{
    /// <param name="previousYears">Earlier years of the same department, any order; only the years right before count.</param>
    public static IReadOnlyList<PersonJudgement> Judge(
        PolicyProfile profile, DepartmentYearRecord year, IReadOnlyList<DepartmentYearRecord> previousYears, decimal bonusPool)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(previousYears);
        var consecutive = new List<DepartmentYearRecord>();
        for (var y = year.Year - 1; previousYears.FirstOrDefault(p => p.Year == y) is { } earlier; y--)
        {
            consecutive.Add(earlier);
        }

        return profile.Consequences.Basis == ConsequenceBasis.Ranking
            ? ByRanking(profile, year, consecutive, bonusPool)
            : ByGrade(profile, year, consecutive.FirstOrDefault(), bonusPool);
    }

    private static List<PersonJudgement> ByGrade(PolicyProfile profile, DepartmentYearRecord year, DepartmentYearRecord? previous, decimal pool)
    {
        var coefficients = year.People.Select(p => Coefficient(profile.Pay, p.Grade)).ToList();
        var bonuses = SharePool(pool, year.People.Select((p, i) => coefficients[i] * p.PostCoefficient).ToList());
        return year.People.Select((person, i) =>
        {
            // The one consequence table the Employee aggregate applies too (AM 第十七条; AS 第十九条–第二十二条).
            var table = profile.Grading.ConsequencesOf(person.Grade.ToOutcome());
            var due = table.Each.AsEnumerable();
            var before = previous?.People.FirstOrDefault(p => p.Employee == person.Employee);
            if (before is not null && before.Grade.ToOutcome() == person.Grade.ToOutcome())
            {
                due = due.Concat(table.SecondConsecutive);
            }

            return new PersonJudgement(person.Employee, due.Select(ToProfileConsequence).Distinct().ToList(), coefficients[i], null, bonuses[i],
                "AM 第十七条; AS 第十九条–第二十二条; PM 第五条");
        }).ToList();
    }

    private static ProfileConsequence ToProfileConsequence(Consequence consequence) => consequence switch
    {
        Consequence.Commendation => ProfileConsequence.Commendation,
        Consequence.Admonishment => ProfileConsequence.Admonishment,
        Consequence.YearNotCounted => ProfileConsequence.YearNotCounted,
        Consequence.PromotionFreeze => ProfileConsequence.PromotionFreeze,
        Consequence.Demotion => ProfileConsequence.Demotion,
        Consequence.PostAdjustment => ProfileConsequence.PostAdjustment,
        Consequence.ContractTermination => ProfileConsequence.ContractTermination,
        _ => throw new ArgumentOutOfRangeException(nameof(consequence), consequence, "a consequence with no profile counterpart"),
    };

    private static List<PersonJudgement> ByRanking(
        PolicyProfile profile, DepartmentYearRecord year, List<DepartmentYearRecord> previous, decimal pool)
    {
        var ranking = profile.Consequences.Ranking!;
        var group = Ranked(year);
        var consequences = RankingJudge.Judge(group, previous.Select(Ranked).ToList(), ranking);
        IReadOnlyList<BonusShare>? ladder = profile.Consequences.BonusLadder is { } policy ? BonusLadder.Share(pool, group, policy) : null;
        var coefficients = year.People.Select(p => Coefficient(profile.Pay, p.Grade)).ToList();
        var bonuses = ladder?.Select(s => s.Total).ToList()
            ?? SharePool(pool, year.People.Select((p, i) => coefficients[i] * p.PostCoefficient).ToList());
        return year.People.Select((person, i) => new PersonJudgement(
            person.Employee, consequences[person.Employee], ladder is null ? coefficients[i] : null, ladder?[i].Tier, bonuses[i],
            $"{Rules.RankingConsequences.Article}; {Rules.BonusLadder.Article}")).ToList();
    }

    private static IReadOnlyList<RankedPerson> Ranked(DepartmentYearRecord year) =>
        year.People.Select(p => new RankedPerson(p.Employee, p.Score)).ToList();

    private static decimal Coefficient(PayPolicy pay, AnnualGrade? grade) =>
        grade is { } g ? pay.PersonalCoefficient[g] : pay.UngradedAnnualCoefficient;

    private static IReadOnlyList<decimal> SharePool(decimal pool, IReadOnlyList<decimal> weights) =>
        weights.Sum() == 0m ? weights.Select(_ => 0m).ToList() : LargestRemainder.Apportion(pool, weights);
}
