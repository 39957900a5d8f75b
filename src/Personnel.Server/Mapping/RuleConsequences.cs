using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using Personnel.Grains.Abstractions;
using V1 = Personnel.Api.V1;
using D = Personnel.Domain;

namespace Personnel.Server.Mapping;

/// <summary>
/// Consequences named by the rule that raised them. A post adjustment falls due under several rules (AS 第二十条,
/// AM 第十六条, 洋沙湖 三(五)19), so its article is read from the event's rule code; the ranking and correction
/// consequences are listed here; everything else is as <see cref="EmployeeMapping.Consequences"/> says.
/// </summary>
public static class RuleConsequences
{
    private static readonly FrozenDictionary<string, D.Common.Rule> RulesByCode = typeof(D.Common.Rules)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(D.Common.Rule))
        .Select(f => (D.Common.Rule)f.GetValue(null)!)
        .GroupBy(r => r.Code, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, (string Kind, string Article, string Description)> Types =
        new Dictionary<string, (string, string, string)>
        {
            ["ranking-warning-issued"] = ("RankingWarning", D.Common.Rules.RankingConsequences.Article,
                "A bottom place: warning and re-education (警示提醒、批评教育、书面检查)."),
            ["removed-for-ranking"] = ("RemovedForRanking", D.Common.Rules.RankingConsequences.Article,
                "Last place in consecutive years: removed (劝退、免职、责令辞职), the contract ends."),
            ["yellow-card-withdrawn"] = ("YellowCardWithdrawn", D.Common.Rules.YellowCard.Article,
                "The corrected assessment no longer gives this yellow card, or gives it on other grounds."),
            ["leadership-adjustment-rescinded"] = ("LeadershipAdjustmentRescinded", D.Common.Rules.DepartmentLeadershipAdjustment.Article,
                "The corrected assessment no longer orders the leadership adjustment."),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The consequences among a command's events.</summary>
    public static IEnumerable<V1.Consequence> Of(IEnumerable<AppendedEvent> events)
    {
        foreach (var e in events)
        {
            if (e.Type == "post-adjustment-due")
            {
                yield return PostAdjustment(e);
            }
            else if (Types.TryGetValue(e.Type, out var known))
            {
                yield return new V1.Consequence
                {
                    Kind = known.Kind, Article = known.Article, Description = known.Description, EffectiveOn = Dates.ToApi(e.OccurredOn),
                };
            }
            else
            {
                foreach (var other in EmployeeMapping.Consequences([e]))
                {
                    yield return other;
                }
            }
        }
    }

    private static V1.Consequence PostAdjustment(AppendedEvent e)
    {
        // Unknown codes keep the article the general table gives a post adjustment.
        var general = EmployeeMapping.Consequences([e]).Single();
        using var payload = JsonDocument.Parse(e.Payload);
        if (payload.RootElement.TryGetProperty("ruleCode", out var code) && code.GetString() is { } c && RulesByCode.TryGetValue(c, out var rule))
        {
            general.Article = rule.Article;
        }

        if (payload.RootElement.TryGetProperty("reason", out var reason) && reason.GetString() is { Length: > 0 } text)
        {
            general.Description = $"The post is to be adjusted: {text}.";
        }

        return general;
    }
}
