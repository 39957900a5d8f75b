using Personnel.Grains.Abstractions;
using Personnel.Grains.Queries;
using Personnel.Server.Services;
using V1 = Personnel.Api.V1;
using D = Personnel.Domain;

namespace Personnel.Server.Mapping;

/// <summary>Employees, post levels and consequences between the grains and the wire.</summary>
public static class EmployeeMapping
{
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

    /// <summary>The consequences a correction withdrew (<c>annual-consequence-withdrawn</c>), each named as it was recorded.</summary>
    public static IEnumerable<V1.Consequence> Withdrawn(IEnumerable<AppendedEvent> events) =>
        events.Where(e => e.Type == D.Common.EventTypes.Employee.AnnualConsequenceWithdrawn)
            .Select(e => ToApi(D.Common.ConsequenceCatalogue.Withdrawn(e.Payload), e.OccurredOn));

    /// <summary>The consequences among a command's events (everything but the event the command itself recorded), as the
    /// domain's general table names them.</summary>
    public static IEnumerable<V1.Consequence> Consequences(IEnumerable<AppendedEvent> events) =>
        events.Select(e => (Event: e, Note: D.Common.ConsequenceCatalogue.Of(e.Type, e.Payload)))
            .Where(c => c.Note is not null)
            .Select(c => ToApi(c.Note!, c.Event.OccurredOn));

    /// <summary>A consequence on the wire, effective on the day its event took effect.</summary>
    public static V1.Consequence ToApi(D.Common.ConsequenceNote note, DateOnly effectiveOn) => new()
    {
        Kind = note.Kind, Article = note.Article, Description = note.Description, EffectiveOn = Dates.ToApi(effectiveOn),
    };

    /// <summary>The post level of a listed employee; the post is unspecified when the listing's name is unknown to this version.</summary>
    public static V1.PostLevel ToApi(EmployeeListing employee) => new()
    {
        Post = employee.Post is { } post ? Posts.ToApi(post) : V1.Post.Unspecified, GradeLevel = employee.GradeLevel, Step = employee.Step,
    };
}
