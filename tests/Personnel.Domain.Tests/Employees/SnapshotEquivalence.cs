using System.Collections;
using System.Reflection;
using System.Text.Json;
using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

/// <summary>
/// What "the same employee" means for a snapshot: every field of the aggregate, read by reflection (so a field the memento
/// leaves out, today's or one added later, shows as a difference), the public answers over a span of dates, and the outcome
/// of each next intent of a fixed set — the events raised and the state after, or the refusal.
/// </summary>
internal sealed class SnapshotEquivalence
{
    /// <summary>Not state: the history (only the tail after a restore), the uncommitted events, the policy passed in, and the flag.</summary>
    private static readonly HashSet<string> NotState = ["_history", "_uncommitted", "<Policy>k__BackingField", "<HasWholeHistory>k__BackingField"];

    private static readonly FieldInfo[] StateFields = typeof(Employee)
        .GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
        .Where(f => !NotState.Contains(f.Name))
        .OrderBy(f => f.Name, StringComparer.Ordinal)
        .ToArray();

    private readonly IReadOnlyList<DateOnly> _dates;
    private readonly IReadOnlyList<(string Name, Action<Employee> Act)> _probes;

    /// <summary>The dates and intents to ask, chosen from <paramref name="replayed"/>, the employee of the whole history.</summary>
    public SnapshotEquivalence(Employee replayed, IReadOnlyList<EmployeeEvent> events)
    {
        var first = events.Count == 0 ? D("2020-01-01") : events.Min(e => e.OccurredOn);
        var last = events.Count == 0 ? first : events.Max(e => e.OccurredOn);
        _dates = Enumerable.Range(0, int.MaxValue).Select(i => first.AddDays((i * 41) - 60)).TakeWhile(d => d <= last.AddYears(7)).ToList();
        _probes = Probes(replayed, last.AddDays(1));
    }

    /// <summary>Every field but the history, by name, as canonical JSON (dictionaries as their entries, in order).</summary>
    public static IReadOnlyList<string> Fields(Employee employee) =>
        StateFields.Select(f => $"{f.Name} = {Canonical(f.GetValue(employee))}").ToList();

    /// <summary>The public answers over the dates.</summary>
    public IReadOnlyList<string> Observations(Employee e)
    {
        var answers = new List<string>
        {
            $"state {e.State} v{e.Version} appointed {e.IsAppointed} in service {e.IsInService} investigation {e.IsUnderInvestigation}",
            $"term {e.TermNumber} {e.TermStart}..{e.TermEnd} ordered {e.MandatoryRotationOrderedOn}",
            $"post level {(e.IsAppointed ? e.PostLevel : null)}",
            $"schedule {Json(e.RotationSchedule())}",
            $"timeline {Json(e.RotationTimeline)}",
            $"quarterly {Canonical(e.QuarterlyGrades)}",
            $"annual {Canonical(e.AnnualGrades)}",
            $"rankings {Canonical(e.RankingPlaces)} feedback {Canonical(e.SignedFeedback)}",
            $"consequences {Json(e.ConsequenceHistory)} merits {Json(e.Merits)} floors {Json(e.DemotionFloorsReached)}",
            $"records {Json(e.Sanctions)} {Json(e.Investigations)} {Json(e.Leaves)} {Json(e.Absences)} {Json(e.Overtime)} {Json(e.Lateness)}",
            $"adjustments {Json(e.PostAdjustments)} orders {Json(e.LeadershipAdjustmentsHeld)} waivers {Json(e.EligibilityWaivers)}",
            $"posts {Json(e.PostHistory)} terms {Json(e.Terms)}",
        };
        foreach (var date in _dates)
        {
            var quarter = Personnel.Domain.Common.Quarter.Of(date);
            answers.Add($"{date}: level {e.PostLevelOn(date)} in {e.DepartmentOn(date)} assessed by {(e.IsAppointed ? e.AssessingUnitOn(date) : null)}"
                + $" rotation {Json(e.RotationOn(date))} counted {e.CountedYearsOn(date)} absence {e.AbsenceExceeding(date)}"
                + $" no grade {e.NoGradeReasonFor(quarter.Period, date, annual: false)}/{e.NoGradeReasonFor(DatePeriod.OfYear(date.Year), date, annual: true)}"
                + $" may {(e.IsAppointed && e.MayReceiveQuarterlyGrade(quarter, e.Department, date))}"
                + $" can {e.CanPromote(date)}{e.CanRenew(date)}{e.CanOpenRenewal(date)}{e.CanRetire(date)}{e.CanPassProbation(date)}{e.CanDecideTrial(date)}");
        }

        return answers;
    }

    /// <summary>What each probe intent does to an employee made fresh by <paramref name="make"/>.</summary>
    public IReadOnlyList<string> NextIntents(Func<Employee> make) =>
        _probes.Select(p => $"{p.Name}: {Outcome(make(), p.Act)}").ToList();

    private static string Outcome(Employee employee, Action<Employee> act)
    {
        try
        {
            act(employee);
        }
        catch (Exception refused) when (refused is RuleViolationException or InvalidOperationException)
        {
            return $"{refused.GetType().Name} {refused.Message}";
        }

        var raised = Json(employee.UncommittedEvents);
        employee.MarkCommitted();
        return $"{raised} then {employee.ToSnapshotJson()}";
    }

    /// <summary>The next intents asked of both employees: dated the day after the last event, on the facts of the whole history.</summary>
    private static List<(string, Action<Employee>)> Probes(Employee r, DateOnly next)
    {
        var year = next.Year;
        var quarter = Personnel.Domain.Common.Quarter.Of(next);
        var lastYear = r.AnnualGrades.Keys.DefaultIfEmpty(year - 1).Max();
        var lastQuarter = r.QuarterlyGrades.Keys.DefaultIfEmpty(quarter).Max();
        var level = r.IsAppointed ? r.PostLevel : Level(Post.Staff, 6);
        var higher = level with { Grade = new PostGrade(Math.Max(1, level.Grade.Level - 1), level.Grade.Step) };
        var otherStep = level with { Grade = new PostGrade(level.Grade.Level, level.Grade.Step == 1 ? 2 : level.Grade.Step - 1) };
        var department = r.IsAppointed ? r.Department : Planning;
        var leave = r.Leaves.Select(l => l.Period).DefaultIfEmpty(new DatePeriod(next, next.AddDays(100))).First();
        var overtimeDay = r.Overtime.Select(o => o.Day).DefaultIfEmpty(next).First();
        var ranking = SnapshotCareers.Yangshahu.Consequences.Ranking;
        var order = r.LeadershipAdjustmentsHeld.Select(o => (o.DepartmentId, o.Year)).DefaultIfEmpty((department, year)).First();
        return
        [
            ("hire", e => e.Hire(next, Request())),
            ("quarter", e => e.RecordQuarterlyGrade(quarter.LastDay, quarter, QuarterlyGrade.FairlyGood, e.AssessingUnitOn(quarter.LastDay))),
            ("quarter good", e => Quarter(e, quarter.Year, quarter.Number, QuarterlyGrade.Good)),
            ("quarter regraded", e => e.RecordQuarterlyGrade(lastQuarter.LastDay.AddDays(30), lastQuarter, QuarterlyGrade.FairlyGood, e.AssessingUnitOn(lastQuarter.LastDay))),
            ("quarter corrected", e => e.CorrectQuarterlyGrade(next, lastQuarter, QuarterlyGrade.Poor, "probe")),
            ("propose", e => e.ProposeExcellent(new DateOnly(year, 12, 1), year)),
            ("annual", e => Year(e, year, AnnualGrade.Competent)),
            ("annual excellent without a grant", e => e.RecordAnnualGrade(new DateOnly(lastYear, 12, 20), lastYear, AnnualGrade.Excellent, AnnualAssessment.None, Facts(e, lastYear))),
            ("annual incompetent", e => Year(e, year, AnnualGrade.Incompetent)),
            ("annual corrected up", e => e.CorrectAnnualGrade(next, lastYear, AnnualGrade.Competent, "probe")),
            ("annual corrected down", e => e.CorrectAnnualGrade(next, lastYear, AnnualGrade.Incompetent, "probe")),
            ("appeal", e => e.AppealAnnualGrade(next, lastYear)),
            ("appeal resolved", e => e.ResolveAppeal(next, lastYear, AppealOutcome.Revised, AnnualGrade.Competent)),
            ("feedback", e => e.SignAnnualFeedback(next, lastYear)),
            ("ranking", e => e.RecordRankingPlace(new DateOnly(year, 12, 27), year, 10, 10, ranking)),
            ("ranking again", e => e.RecordRankingPlace(new DateOnly(year, 12, 27), lastYear, 10, 10, ranking)),
            ("promote", e => e.Promote(next, higher)),
            ("change post", e => e.ChangePost(next, otherStep, "probe")),
            ("rotate", e => e.Rotate(next, department == Planning ? Finance : Planning, level)),
            ("open renewal", e => e.OpenRenewal(e.IsAppointed ? e.TermEnd.AddDays(-10) : next)),
            ("renew", e => e.Renew(next)),
            ("decline", e => e.DeclineRenewal(next, "probe")),
            ("pass probation", e => e.PassProbation(r.ProbationEnd ?? next)),
            ("pass trial", e => e.PassTrial(r.TrialEnd ?? next)),
            ("fail trial", e => e.FailTrial(r.TrialEnd ?? next, "probe")),
            ("order", e => e.OrderLeadershipAdjustment(next, department, year)),
            ("rescind", e => e.RescindLeadershipAdjustment(next, order.Item1, order.Item2)),
            ("leave overlapping", e => e.RecordLeave(next, LeaveKind.Sick, leave)),
            ("absence", e => e.RecordAbsence(next.AddDays(20), AbsenceKind.WithoutLeave, new DatePeriod(next, next.AddDays(15)))),
            ("incapacity", e => e.RecordHealthIncapacity(next.AddDays(400), new DatePeriod(next, next.AddDays(380)))),
            ("overtime", e => e.RecordOvertime(next, overtimeDay, 5m)),
            ("lateness", e => e.RecordLateness(next, next, LatenessKind.EarlyLeave)),
            ("investigation", e => (e.IsUnderInvestigation ? (Action)(() => e.CloseInvestigation(next, InvestigationOutcome.Warning)) : () => e.OpenInvestigation(next, "probe"))()),
            ("secondment", e => e.RecordSecondment(next, department == Planning ? Finance : Planning, new DatePeriod(next, next.AddDays(90)))),
            ("sanction", e => e.RecordSanction(next, SanctionKind.MajorDemerit, SanctionAuthority.Party, "probe")),
            ("dismiss", e => e.Dismiss(next, DismissalCause.AbsenceWithoutLeave, "probe")),
            ("retire", e => e.Retire(e.IsAppointed ? e.RetirementDate : next)),
            ("resign", e => e.Resign(next)),
        ];
    }

    private static IEnumerable<DictionaryEntry> Entries(IDictionary dictionary)
    {
        var entry = dictionary.GetEnumerator();
        while (entry.MoveNext())
        {
            yield return entry.Entry;
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, EventJson.Options);

    /// <summary>A field's value as JSON of its runtime type; a dictionary as its entries in its own order.</summary>
    private static string Canonical(object? value) => value switch
    {
        null => "null",
        IDictionary dictionary => $"[{string.Join(",", Entries(dictionary).Select(e => $"[{Canonical(e.Key)},{Canonical(e.Value)}]"))}]",
        _ => JsonSerializer.Serialize(value, value.GetType(), EventJson.Options),
    };
}
