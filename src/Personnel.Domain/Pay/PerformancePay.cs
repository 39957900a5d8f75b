using Personnel.Domain.Common;
using Personnel.Domain.Grading;

namespace Personnel.Domain.Pay;

/// <summary>A share or coefficient of performance pay, with the article that set it and why.</summary>
public sealed record PerformancePayDecision(decimal Value, string Article, string Reason);

/// <summary>
/// Quarterly pay ratio and personal annual coefficient (PM 第五条), with the cases that withhold or
/// substitute them (PM 第八条, 第九条).
/// </summary>
public static class PerformancePay
{
    /// <summary>The share of the quarter's performance pay to pay; <paramref name="grade"/> null when the quarter has no grade.</summary>
    public static PerformancePayDecision QuarterlyRatio(QuarterlyGrade? grade, PerformancePayFacts facts, PayPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(policy);
        if (facts.InOpenRecruitmentProbation)
        {
            return new PerformancePayDecision(0m, Rules.ProbationNoPerformancePay.Article, "in the probation of open recruitment");
        }

        return grade is { } g
            ? new PerformancePayDecision(policy.QuarterlyPayRatio[g], Rules.PerformancePayByGrade.Article, $"quarterly grade {g}")
            : WithoutGrade(facts.Separation, "quarter", QuarterlyGrade.FairlyGood.ToString(), policy.QuarterlyPayRatio[QuarterlyGrade.FairlyGood],
                policy.UngradedQuarterlyRatio);
    }

    /// <summary>
    /// The quarterly pay of a grade as a whole percentage (PM 第五条: Good, FairlyGood 100, Average 20, Poor 0 by default):
    /// the grade's own ratio, before any fact of the person withholds it; a quarter without a grade pays the profile's
    /// ungraded ratio.
    /// </summary>
    public static int QuarterlyPayPercent(QuarterlyGrade? grade, PayPolicy policy) =>
        Percent(QuarterlyRatio(grade, new PerformancePayFacts(), policy));

    /// <summary>A share of pay as a whole percentage, rounded half to even as the grade records have always shown it.</summary>
    public static int Percent(PerformancePayDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return (int)Math.Round(100m * decision.Value);
    }

    /// <summary>The personal annual coefficient; <paramref name="grade"/> null when the year has no grade.</summary>
    public static PerformancePayDecision AnnualCoefficient(AnnualGrade? grade, PerformancePayFacts facts, PayPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(policy);
        if (facts.InOpenRecruitmentProbation)
        {
            return new PerformancePayDecision(0m, Rules.ProbationNoPerformancePay.Article, "in the probation of open recruitment");
        }

        if (AnnualPayWithheldBecause(facts) is { } reason)
        {
            return new PerformancePayDecision(0m, Rules.NoAnnualPerformancePay.Article, reason);
        }

        return grade is { } g
            ? new PerformancePayDecision(policy.PersonalCoefficient[g], Rules.PerformancePayByGrade.Article, $"annual grade {g}")
            : WithoutGrade(facts.Separation, "year", AnnualGrade.Competent.ToString(), policy.PersonalCoefficient[AnnualGrade.Competent],
                policy.UngradedAnnualCoefficient);
    }

    /// <summary>
    /// A period without a grade (PM 第八条): people transferred out, retired or deceased are paid as the middle grade
    /// (<paramref name="paidAs"/>), people who quit get nothing, anyone else the profile's ungraded value.
    /// </summary>
    private static PerformancePayDecision WithoutGrade(Separation separation, string period, string paidAs, decimal paidAsValue, decimal ungraded) =>
        separation switch
        {
            Separation.TransferredOut or Separation.Retired or Separation.Deceased => new PerformancePayDecision(
                paidAsValue, Rules.SeparatedWithoutResult.Article, $"{separation} without a result: paid as {paidAs}"),
            Separation.Quit => new PerformancePayDecision(
                0m, Rules.SeparatedWithoutResult.Article, $"quit (离职) and not assessed this {period}"),
            _ => new PerformancePayDecision(ungraded, "PM 第五条 (Interpretation)", $"no grade this {period}"),
        };

    /// <summary>Why PM 第九条 withholds the year's annual performance pay, or null when it does not.</summary>
    public static string? AnnualPayWithheldBecause(PerformancePayFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.PartySanction >= PartySanction.SeriousWarning)
        {
            return $"party sanction {facts.PartySanction} (严重警告 or above)";
        }

        if (facts.GovernmentSanction >= GovernmentSanction.Demerit)
        {
            return $"government sanction {facts.GovernmentSanction} (记过 or above)";
        }

        if (facts.OrganisationalMeasure != OrganisationalMeasure.None)
        {
            return $"organisational measure {facts.OrganisationalMeasure} (降职、责令辞职、免职)";
        }

        if (facts.UnderInvestigation)
        {
            return "under investigation (立案调查尚未结案)";
        }

        return facts.ExcludedByZoneCommittee ? "excluded from incentives by the zone committee" : null;
    }
}
