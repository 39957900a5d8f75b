using System.Collections.Frozen;
using Personnel.Grains.Abstractions;
using Personnel.Server.Services;
using V1 = Personnel.Api.V1;
using D = Personnel.Domain;

namespace Personnel.Server.Mapping;

/// <summary>Employees, post levels and consequences between the grains and the wire.</summary>
public static class EmployeeMapping
{
    // The consequences a command can record beside its own event, each with its rule and what it means.
    private static readonly FrozenDictionary<string, (string Kind, string Article, string Description)> ConsequenceTypes =
        new Dictionary<string, (string, string, string)>
        {
            ["quarterly-follow-up-due"] = ("QuarterlyFollowUpDue", "AS 第十八条", "Follow-up of the quarterly grade: praise, a talk with a deadline, or criticism."),
            ["commendation-awarded"] = ("Commendation", "AS 第十九条", "Excellent: commendation (嘉奖)."),
            ["merit-awarded"] = ("MeritAwarded", "AS 第十九条", "Consecutive Excellent years: a merit (三等功 after 3, 二等功 after 5)."),
            ["admonished"] = ("Admonished", "AS 第二十条", "BasicallyCompetent: admonishment (诫勉), self-examination, improvement deadline."),
            ["promotion-frozen"] = ("PromotionFrozen", "AS 第二十条", "No promotion of post grade for one year."),
            ["year-not-counted"] = ("YearNotCounted", "AS 第二十条–第二十二条", "The year does not count toward tenure at the current post grade."),
            ["demoted"] = ("Demoted", "AS 第二十一条", "Demoted one post grade."),
            ["demotion-floor-reached"] = ("DemotionDueAtFloor", "AS 第二十一条", "A demotion fell due at the lowest grade: the post must be adjusted instead."),
            ["post-adjustment-due"] = ("PostAdjustmentDue", "AS 第二十条", "The post is to be adjusted."),
            ["contract-terminated"] = ("ContractTerminated", "AS 第二十一条", "Two consecutive Incompetent years: the contract is terminated (解除聘用合同)."),
            ["employee-reinstated"] = ("Reinstated", "AS 第二十八条", "The grade behind it was revised on appeal or corrected: the terminated contract is reinstated."),
            ["demotion-reversed"] = ("DemotionReversed", "AS 第二十八条", "The grade behind it was revised on appeal or corrected: the demotion is reversed."),
            ["employee-dismissed"] = ("Dismissed", "AM 第十八条", "Dismissed (辞聘)."),
            ["leadership-adjustment-ordered"] = ("LeadershipAdjustment", "AM 第十七条", "The leadership is adjusted: the head's rotation is mandatory now."),
            ["yellow-card-issued"] = ("YellowCard", "AM 第十七条", "Yellow card (黄牌警告): warning and an interview of the leadership."),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static V1.Employee ToApi(EmployeeSnapshot s)
    {
        var employee = new V1.Employee
        {
            EmployeeId = s.EmployeeId,
            Name = s.Name,
            DepartmentId = s.DepartmentId,
            State = Enums.ToApi(s.State),
            PostLevel = ToApi(s.PostLevel),
            TermNumber = s.TermNumber,
            TermStartsOn = Dates.ToApi(s.TermStart),
            TermEndsOn = Dates.ToApi(s.TermEnd),
            ProbationEndsOn = Dates.ToApi(s.ProbationEnd),
            TrialEndsOn = Dates.ToApi(s.TrialEnd),
            RetirementOn = Dates.ToApi(s.RetirementDate),
            Version = s.Version,
            Method = Enums.ToApi(s.Method),
        };
        employee.EligibilityWaivers.AddRange((s.EligibilityWaivers ?? []).Select(w =>
        {
            var waiver = new V1.EligibilityWaiver
            {
                Post = Posts.ToApi(w.Post), GrantedBy = w.GrantedBy, GrantedOn = Dates.ToApi(w.OccurredOn), Reason = w.Reason, Facts = w.Facts,
            };
            waiver.Conditions.AddRange(w.Conditions.Select(ConditionName));
            return waiver;
        }));
        return employee;
    }

    /// <summary>EDUCATION, RANK_AND_TENURE … for a condition of AM 第五条.</summary>
    private static string ConditionName(D.Posts.EligibilityCondition condition) => condition switch
    {
        D.Posts.EligibilityCondition.Education => "EDUCATION",
        D.Posts.EligibilityCondition.RankAndTenure => "RANK_AND_TENURE",
        D.Posts.EligibilityCondition.CityAppointment => "CITY_APPOINTMENT",
        _ => "RANK_ORIGIN",
    };

    public static V1.PostLevel ToApi(D.Posts.PostLevel level) =>
        new() { Post = Posts.ToApi(level.Post), GradeLevel = level.Grade.Level, Step = level.Grade.Step };

    /// <summary>A post level from the wire: post, grade level 1–8 and step 1–19 (PM 第五条).</summary>
    public static D.Posts.PostLevel FromApi(V1.PostLevel? level, string field)
    {
        if (level is null)
        {
            throw Refusals.Invalid($"{field} is missing: give post, grade_level (1–8) and step (1–19).");
        }

        var post = Posts.FromApi(level.Post)
            ?? throw Refusals.Invalid($"{field}.post {(int)level.Post} is missing or unknown: one of the posts of AM 第四条 (POST_DEPARTMENT_HEAD …).");
        if (level.GradeLevel is < D.Posts.PostGrade.HighestLevel or > D.Posts.PostGrade.LowestLevel)
        {
            throw Refusals.Invalid($"{field}.grade_level {level.GradeLevel} is not a pay grade level: 1 (highest) to 8 (PM 第五条).");
        }

        if (level.Step is < 1 or > D.Posts.PostGrade.MaxStep)
        {
            throw Refusals.Invalid($"{field}.step {level.Step} is not a step: 1 to 19 (PM 第五条).");
        }

        return new D.Posts.PostLevel(post, new D.Posts.PostGrade(level.GradeLevel, level.Step));
    }

    /// <summary>The consequence an <c>annual-consequence-withdrawn</c> event takes back, by the event type that recorded it.</summary>
    private static string RecordedAs(D.Grading.Consequence consequence) => consequence switch
    {
        D.Grading.Consequence.Commendation => "commendation-awarded",
        D.Grading.Consequence.Admonishment => "admonished",
        D.Grading.Consequence.YearNotCounted => "year-not-counted",
        D.Grading.Consequence.PromotionFreeze => "promotion-frozen",
        D.Grading.Consequence.Demotion => "demotion-floor-reached",
        _ => "post-adjustment-due",
    };

    /// <summary>The consequences a correction withdrew (<c>annual-consequence-withdrawn</c>), each named as it was recorded.</summary>
    public static IEnumerable<V1.Consequence> Withdrawn(IEnumerable<AppendedEvent> events) =>
        events.Where(e => e.Type == "annual-consequence-withdrawn").Select(e =>
        {
            var withdrawn = (D.Employees.AnnualConsequenceWithdrawn)D.Employees.EventJson.Deserialize<D.Employees.EmployeeEvent>(e.Payload);
            var (kind, article, description) = ConsequenceTypes[RecordedAs(withdrawn.Consequence)];
            return new V1.Consequence
            {
                Kind = kind, Article = article, Description = $"Withdrawn for {withdrawn.Year}, its grade corrected: {description}", EffectiveOn = Dates.ToApi(e.OccurredOn),
            };
        });

    /// <summary>The consequences among a command's events (everything but the event the command itself recorded).</summary>
    public static IEnumerable<V1.Consequence> Consequences(IEnumerable<AppendedEvent> events) =>
        events.Where(e => ConsequenceTypes.ContainsKey(e.Type)).Select(e =>
        {
            var (kind, article, description) = ConsequenceTypes[e.Type];
            if (e.Type == "merit-awarded" && D.Employees.EventJson.Deserialize<D.Employees.EmployeeEvent>(e.Payload) is D.Employees.MeritAwarded merit)
            {
                // The answer names the merit decided, not only the rule.
                description = merit.Class == D.Employees.MeritClass.SecondClass
                    ? $"二等功 (second-class merit): {merit.ConsecutiveExcellentYears} consecutive Excellent years to {merit.Year}."
                    : $"三等功 (third-class merit): {merit.ConsecutiveExcellentYears} consecutive Excellent years to {merit.Year}.";
            }

            return new V1.Consequence { Kind = kind, Article = article, Description = description, EffectiveOn = Dates.ToApi(e.OccurredOn) };
        });
}
