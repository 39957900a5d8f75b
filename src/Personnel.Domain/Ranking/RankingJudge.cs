using Personnel.Domain.Common;
using Personnel.Domain.Profiles;

namespace Personnel.Domain.Ranking;

/// <summary>
/// Yearly consequences by ranking (seed 000 三(五)19): last place → post adjustment; bottom places →
/// warning and re-education; last place in consecutive years → removal. Ties share a place, so every
/// person tied for last is last.
/// </summary>
public static class RankingJudge
{
    /// <param name="previousYears">Earlier years' rankings, the most recent first; only as many as the removal rule needs are read.</param>
    public static IReadOnlyDictionary<EmployeeId, IReadOnlyList<ProfileConsequence>> Judge(
        IReadOnlyList<RankedPerson> year, IReadOnlyList<IReadOnlyList<RankedPerson>> previousYears, RankingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(previousYears);
        ArgumentNullException.ThrowIfNull(policy);
        Places.Validate(year, Rules.RankingConsequences);
        foreach (var previous in previousYears)
        {
            Places.Validate(previous, Rules.RankingConsequences);
        }

        var result = new Dictionary<EmployeeId, IReadOnlyList<ProfileConsequence>>();
        foreach (var person in year)
        {
            var fromBottom = Places.FromBottom(year, person);
            var consequences = new List<ProfileConsequence>();
            if (fromBottom <= policy.PostAdjustmentLastPlaces)
            {
                consequences.Add(ProfileConsequence.PostAdjustment);
            }

            if (fromBottom <= policy.WarningLastPlaces)
            {
                consequences.Add(ProfileConsequence.WarningAndReeducation);
            }

            if (fromBottom == 1 && WasLastInEach(person.Employee, previousYears, policy.RemovalConsecutiveLastYears - 1))
            {
                consequences.Add(ProfileConsequence.Removal);
            }

            result[person.Employee] = consequences;
        }

        return result;
    }

    private static bool WasLastInEach(EmployeeId employee, IReadOnlyList<IReadOnlyList<RankedPerson>> previousYears, int years)
    {
        if (previousYears.Count < years)
        {
            return false;
        }

        return previousYears.Take(years).All(group =>
            group.FirstOrDefault(p => p.Employee == employee) is { } them && Places.FromBottom(group, them) == 1);
    }
}
