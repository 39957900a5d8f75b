using Personnel.Domain.Common;

namespace Personnel.Domain.Departments;

/// <summary>One step of a department-score computation, naming its source.</summary>
public sealed record ScoreLine(string Item, decimal Value, string Article);

/// <summary>A department's weighted annual score with how it was reached. Rounded to 0.01 (half away from zero) only at the end.</summary>
public sealed record DepartmentScoreResult(decimal Score, IReadOnlyList<ScoreLine> Lines);

/// <summary>
/// The weighted annual score of a department (SP 三): the street/township committee's evaluation weighs
/// at least 30 % for a zone department; a dispatched agency's 100-point township score weighs 60 %, that
/// score being the quarterly mean × 40 % + year-end × 60 % + adjustments. Every score is on 0–100.
/// </summary>
public static class DepartmentScore
{
    /// <summary>A zone department: its own assessment score and the township's evaluation, weighted.</summary>
    public static DepartmentScoreResult ZoneDepartment(
        decimal departmentScore, decimal townshipScore, decimal townshipWeight, DepartmentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        RequireScore(departmentScore, "the department's own assessment score", Rules.TownshipEvaluationWeight);
        RequireScore(townshipScore, "the township committee's evaluation", Rules.TownshipEvaluationWeight);
        RuleViolationException.ThrowIfInvalid(
            townshipWeight >= policy.ZoneDepartmentMinimumTownshipWeight && townshipWeight <= 1m, Rules.TownshipEvaluationWeight,
            $"the township weight {townshipWeight:0.##} is outside {policy.ZoneDepartmentMinimumTownshipWeight:0.##}–1");

        var own = departmentScore * (1m - townshipWeight);
        var township = townshipScore * townshipWeight;
        return new DepartmentScoreResult(Math.Round(own + township, 2, MidpointRounding.AwayFromZero),
        [
            new ScoreLine($"department score {departmentScore} × {1m - townshipWeight}", own, "SP 三(一)"),
            new ScoreLine($"township evaluation {townshipScore} × {townshipWeight}", township, "SP 三(一)"),
        ]);
    }

    /// <summary>
    /// A dispatched agency (司法所, 综合执法中队, 市场监管所): the township's year score from its quarterly and
    /// year-end scores and adjustments (加减分), weighted with the district department's own score.
    /// </summary>
    public static DepartmentScoreResult DispatchedAgency(
        DepartmentKind kind,
        decimal districtScore,
        IReadOnlyList<decimal> quarterlyScores,
        decimal yearEndScore,
        decimal adjustments,
        DepartmentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(quarterlyScores);
        ArgumentNullException.ThrowIfNull(policy);
        RuleViolationException.ThrowIfInvalid(
            kind.IsDispatchedAgency(), Rules.DispatchedAgencyScore, $"{kind} is not a dispatched agency (派驻机构)");
        RequireScore(districtScore, "the district department's score", Rules.DispatchedAgencyScore);
        RequireScore(yearEndScore, "the year-end score", Rules.DispatchedAgencyScore);
        RequireWeights(policy);

        var lines = new List<ScoreLine>();
        decimal townshipYear;
        if (kind == DepartmentKind.LawEnforcementSquad || policy.QuarterlyFormulaForAllDispatchedAgencies)
        {
            RuleViolationException.ThrowIfInvalid(
                quarterlyScores.Count is >= 1 and <= 4, Rules.DispatchedAgencyScore,
                $"{quarterlyScores.Count} quarterly scores given; a year has 1–4 quarterly checks");
            for (var i = 0; i < quarterlyScores.Count; i++)
            {
                RequireScore(quarterlyScores[i], $"quarterly score {i + 1}", Rules.DispatchedAgencyScore);
            }

            var mean = quarterlyScores.Sum() / quarterlyScores.Count;
            lines.Add(new ScoreLine($"quarterly mean {mean:0.####} × {policy.QuarterlyMeanWeight}", mean * policy.QuarterlyMeanWeight, "SP 三(三)7"));
            lines.Add(new ScoreLine($"year-end score {yearEndScore} × {policy.YearEndWeight}", yearEndScore * policy.YearEndWeight, "SP 三(三)7"));
            townshipYear = (mean * policy.QuarterlyMeanWeight) + (yearEndScore * policy.YearEndWeight) + adjustments;
        }
        else
        {
            lines.Add(new ScoreLine($"year-end score {yearEndScore}", yearEndScore, "SP 三(二)"));
            townshipYear = yearEndScore + adjustments;
        }

        lines.Add(new ScoreLine("adjustments (加减分)", adjustments, "SP 三(三)6"));
        var districtWeight = 1m - policy.DispatchedAgencyTownshipWeight;
        lines.Add(new ScoreLine($"township year score {townshipYear:0.####} × {policy.DispatchedAgencyTownshipWeight}",
            townshipYear * policy.DispatchedAgencyTownshipWeight, "SP 三(二)–(四)"));
        lines.Add(new ScoreLine($"district score {districtScore} × {districtWeight}", districtScore * districtWeight, "SP 三(二)–(四)"));
        var score = (townshipYear * policy.DispatchedAgencyTownshipWeight) + (districtScore * districtWeight);
        return new DepartmentScoreResult(Math.Round(score, 2, MidpointRounding.AwayFromZero), lines);
    }

    private static void RequireWeights(DepartmentPolicy policy)
    {
        RuleViolationException.ThrowIfInvalid(
            policy.DispatchedAgencyTownshipWeight is >= 0m and <= 1m, Rules.DispatchedAgencyScore,
            $"the township weight {policy.DispatchedAgencyTownshipWeight} is outside 0–1");
        RuleViolationException.ThrowIfInvalid(
            policy.QuarterlyMeanWeight >= 0m && policy.YearEndWeight >= 0m && policy.QuarterlyMeanWeight + policy.YearEndWeight == 1m,
            Rules.DispatchedAgencyScore,
            $"the quarterly weight {policy.QuarterlyMeanWeight} and year-end weight {policy.YearEndWeight} must be non-negative and sum to 1");
    }

    private static void RequireScore(decimal score, string what, Rule rule) =>
        RuleViolationException.ThrowIfInvalid(score is >= 0m and <= 100m, rule, $"{what} {score} is outside 0–100");
}
