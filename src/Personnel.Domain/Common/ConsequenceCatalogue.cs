using System.Collections.Frozen;
using System.Reflection;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;

namespace Personnel.Domain.Common;

/// <summary>A consequence a command recorded beside its own event: its kind, the article that raised it and what it means.</summary>
public sealed record ConsequenceNote(string Kind, string Article, string Description);

/// <summary>
/// The consequence → article table (AS 第十八条–第二十八条, AM 第十七条, 第十八条), in one place. <see cref="Of"/> is the
/// general table; <see cref="NamedByRule"/> adds the ranking and correction consequences and reads a post adjustment's
/// article from the rule code its event carries, since a post adjustment falls due under several rules (AS 第二十条,
/// AM 第十六条, 洋沙湖 三(五)19).
/// </summary>
public static class ConsequenceCatalogue
{
    private static readonly FrozenDictionary<string, ConsequenceNote> General = new Dictionary<string, ConsequenceNote>
    {
        [EventTypes.Employee.QuarterlyFollowUpDue] = new("QuarterlyFollowUpDue", "AS 第十八条",
            "Follow-up of the quarterly grade: praise, a talk with a deadline, or criticism."),
        [EventTypes.Employee.CommendationAwarded] = new("Commendation", "AS 第十九条", "Excellent: commendation (嘉奖)."),
        [EventTypes.Employee.MeritAwarded] = new("MeritAwarded", "AS 第十九条", "Consecutive Excellent years: a merit (三等功 after 3, 二等功 after 5)."),
        [EventTypes.Employee.Admonished] = new("Admonished", "AS 第二十条", "BasicallyCompetent: admonishment (诫勉), self-examination, improvement deadline."),
        [EventTypes.Employee.PromotionFrozen] = new("PromotionFrozen", "AS 第二十条", "No promotion of post grade for one year."),
        [EventTypes.Employee.YearNotCounted] = new("YearNotCounted", "AS 第二十条–第二十二条", "The year does not count toward tenure at the current post grade."),
        [EventTypes.Employee.Demoted] = new("Demoted", "AS 第二十一条", "Demoted one post grade."),
        [EventTypes.Employee.DemotionFloorReached] = new("DemotionDueAtFloor", "AS 第二十一条",
            "A demotion fell due at the lowest grade: the post must be adjusted instead."),
        [EventTypes.Employee.PostAdjustmentDue] = new("PostAdjustmentDue", "AS 第二十条", "The post is to be adjusted."),
        [EventTypes.Employee.ContractTerminated] = new("ContractTerminated", "AS 第二十一条",
            "Two consecutive Incompetent years: the contract is terminated (解除聘用合同)."),
        [EventTypes.Employee.EmployeeReinstated] = new("Reinstated", "AS 第二十八条", 
            "The grade behind it was revised on appeal or corrected: the terminated contract is reinstated."),
        [EventTypes.Employee.DemotionReversed] = new("DemotionReversed", "AS 第二十八条", 
            "The grade behind it was revised on appeal or corrected: the demotion is reversed."),
        [EventTypes.Employee.EmployeeDismissed] = new("Dismissed", "AM 第十八条", "Dismissed (辞聘)."),
        [EventTypes.Employee.LeadershipAdjustmentOrdered] = new("LeadershipAdjustment", "AM 第十七条",
            "The leadership is adjusted: the head's rotation is mandatory now."),
        [EventTypes.Department.YellowCardIssued] = new("YellowCard", "AM 第十七条", "Yellow card (黄牌警告): warning and an interview of the leadership."),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ConsequenceNote> RuleNamed = new Dictionary<string, ConsequenceNote>
    {
        [EventTypes.Employee.RankingWarningIssued] = new("RankingWarning", Rules.RankingConsequences.Article,
            "A bottom place: warning and re-education (警示提醒、批评教育、书面检查)."),
        [EventTypes.Employee.RemovedForRanking] = new("RemovedForRanking", Rules.RankingConsequences.Article,
            "Last place in consecutive years: removed (劝退、免职、责令辞职), the contract ends."),
        [EventTypes.Department.YellowCardWithdrawn] = new("YellowCardWithdrawn", Rules.YellowCard.Article,
            "The corrected assessment no longer gives this yellow card, or gives it on other grounds."),
        [EventTypes.Department.LeadershipAdjustmentRescinded] = new("LeadershipAdjustmentRescinded", Rules.DepartmentLeadershipAdjustment.Article,
            "The corrected assessment no longer orders the leadership adjustment."),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Rule> RulesByCode = typeof(Rules)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Rule))
        .Select(f => (Rule)f.GetValue(null)!)
        .GroupBy(r => r.Code, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The consequence an event of <paramref name="eventType"/> records, by the general table; null when it is none
    /// (the command's own event). A merit names the class decided, read from <paramref name="payload"/>.</summary>
    public static ConsequenceNote? Of(string eventType, string payload)
    {
        if (!General.TryGetValue(eventType, out var note))
        {
            return null;
        }

        if (eventType == EventTypes.Employee.MeritAwarded && EventJson.Deserialize<EmployeeEvent>(payload) is MeritAwarded merit)
        {
            return note with
            {
                Description = merit.Class == MeritClass.SecondClass
                    ? $"二等功 (second-class merit): {merit.ConsecutiveExcellentYears} consecutive Excellent years to {merit.Year}."
                    : $"三等功 (third-class merit): {merit.ConsecutiveExcellentYears} consecutive Excellent years to {merit.Year}.",
            };
        }

        return note;
    }

    /// <summary>A consequence a correction of the annual grade withdrew (<see cref="AnnualConsequenceWithdrawn"/>, payload
    /// <paramref name="payload"/>), named as it was recorded.</summary>
    public static ConsequenceNote Withdrawn(string payload)
    {
        var withdrawn = (AnnualConsequenceWithdrawn)EventJson.Deserialize<EmployeeEvent>(payload);
        var recorded = General[RecordedAs(withdrawn.Consequence)];
        return recorded with { Description = $"Withdrawn for {withdrawn.Year}, its grade corrected: {recorded.Description}" };
    }

    /// <summary>The event type that recorded a consequence of the annual grade.</summary>
    private static string RecordedAs(Consequence consequence) => consequence switch
    {
        Consequence.Commendation => EventTypes.Employee.CommendationAwarded,
        Consequence.Admonishment => EventTypes.Employee.Admonished,
        Consequence.YearNotCounted => EventTypes.Employee.YearNotCounted,
        Consequence.PromotionFreeze => EventTypes.Employee.PromotionFrozen,
        Consequence.Demotion => EventTypes.Employee.DemotionFloorReached,
        _ => EventTypes.Employee.PostAdjustmentDue,
    };

    /// <summary>The consequence named by the rule that raised it: the ranking and correction consequences, a post adjustment
    /// under the article of its rule code (an unknown code keeps the general article) with its reason; else <see cref="Of"/>.</summary>
    public static ConsequenceNote? NamedByRule(string eventType, string payload)
    {
        if (RuleNamed.TryGetValue(eventType, out var named))
        {
            return named;
        }

        var note = Of(eventType, payload);
        if (note is null || eventType != EventTypes.Employee.PostAdjustmentDue
            || EventJson.Deserialize<EmployeeEvent>(payload) is not PostAdjustmentDue due)
        {
            return note;
        }

        if (due.RuleCode is { } code && RulesByCode.TryGetValue(code, out var rule))
        {
            note = note with { Article = rule.Article };
        }

        return due.Reason is { Length: > 0 } reason ? note with { Description = $"The post is to be adjusted: {reason}." } : note;
    }
}
