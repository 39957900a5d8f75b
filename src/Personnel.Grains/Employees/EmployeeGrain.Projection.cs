using System.Text.Json;
using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Storage;
using StorageStrength = Personnel.Storage.RotationStrength;

namespace Personnel.Grains.Employees;

public sealed partial class EmployeeGrain
{
    /// <summary>How many quarters before and after the command's quarter keep their gradability written.</summary>
    /// <remarks>
    /// N of the Good quota (AS 第八条) is "the people of the department who may be graded that quarter". It
    /// is kept durable, not guessed: every commit of an employee writes one document per quarter (and per
    /// year for the Excellent quota) in which the person may be graded, under the assessing department,
    /// and deletes the ones that no longer hold, in the same transaction as its events. The department
    /// counts them. The window is bounded (two quarters back, four ahead; the previous, current and next
    /// year) because an employee's facts about a quarter are recorded around it; every employee is
    /// graded each quarter, which moves the window along.
    /// </remarks>
    private const int QuartersBack = 2;
    private const int QuartersAhead = 4;

    /// <summary>The view row's details: <paramref name="RotationReason"/> says why the row's rotation is due, with its article;
    /// <paramref name="ConsecutiveTerms"/> counts the terms begun in the current role.</summary>
    private sealed record EmployeeViewDetails(string Name, DateOnly PostSince, DateOnly TermStart, DateOnly? TrialEnd, string? RotationReason, int ConsecutiveTerms);

    /// <summary>The department that may grade the person for each quarter and year of the window around <paramref name="on"/>.</summary>
    private Dictionary<string, string> Gradability(DateOnly on)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Aggregate.IsAppointed)
        {
            return map;
        }

        var current = Quarter.Of(on);
        var quarter = current;
        for (var i = 0; i < QuartersBack; i++)
        {
            quarter = quarter.Previous;
        }

        for (var i = 0; i <= QuartersBack + QuartersAhead; i++, quarter = quarter.Next)
        {
            if (quarter.LastDay < Aggregate.AppointedOn)
            {
                continue;
            }

            var unit = Aggregate.AssessingUnitOn(quarter.LastDay);
            if (Aggregate.MayReceiveQuarterlyGrade(quarter, unit, quarter.LastDay))
            {
                map[StreamIds.GradableQuarter(unit.Value, quarter)] = unit.Value;
            }
        }

        for (var year = on.Year - 1; year <= on.Year + 1; year++)
        {
            var yearEnd = new DateOnly(year, 12, 31);
            if (yearEnd < Aggregate.AppointedOn)
            {
                continue;
            }

            var unit = Aggregate.AssessingUnitOn(yearEnd);
            if (Aggregate.MayReceiveAnnualGrade(year, unit, yearEnd))
            {
                map[StreamIds.GradableYear(unit.Value, year)] = unit.Value;
            }
        }

        return map;
    }

    /// <summary>The employee's read-model rows after the command: the view row and the gradability documents.</summary>
    /// <remarks>A gradability document this activation already wrote (and saw committed) is not written again:
    /// rewriting every document of the window on every command cost one row write each for nothing. After a
    /// reload or an activation <see cref="_storedGradability"/> is empty, so the first commit writes them all.</remarks>
    /// <remarks>The rotation timeline's rows always equal the committed state's timeline (every commit that changes it
    /// writes it, in the same transaction; a database from before the timelines is rebuilt at start-up), so a command
    /// that left the timeline as it was (a grade, a leave: most of them) writes no rotation row.</remarks>
    private IEnumerable<ReadModelWrite> Project(DateOnly on, long version, Dictionary<string, string> before, Dictionary<string, string> after, int timelineBefore)
    {
        foreach (var kind in before.Keys.Where(k => !after.ContainsKey(k)))
        {
            yield return new DeleteDocument(kind, Key);
        }

        foreach (var kind in after.Keys.Where(k => !_storedGradability.Contains(k)))
        {
            yield return new PutDocument(kind, Key, "{}");
        }

        if (!Aggregate.IsAppointed)
        {
            yield break;
        }

        if (Aggregate.RotationTimelineRevision != timelineBefore)
        {
            yield return new ReplaceRotationTimeline(Key, TimelineRows(Aggregate));
        }

        var level = Aggregate.PostLevel;
        var period = Aggregate.RotationOn(on);
        var rotation = period?.Due;
        var details = JsonSerializer.Serialize(new EmployeeViewDetails(State.Name, Aggregate.PostSince, Aggregate.TermStart, Aggregate.TrialEnd, rotation?.Reason, period?.ConsecutiveTerms ?? 0), GrainJson.Options);
        yield return new UpsertEmployeeView(new EmployeeView(
            Key,
            Aggregate.Department.Value,
            level.Post.ToString(),
            level.Grade.Level,
            level.Grade.Step,
            Aggregate.State.ToString(),
            Aggregate.TermNumber,
            Aggregate.TermNumber > 0 ? Aggregate.TermEnd : null,
            Aggregate.ProbationEnd,
            rotation?.DueOn,
            rotation is null ? null : rotation.Strength == Domain.Employees.RotationStrength.Mandatory ? StorageStrength.Mandatory : StorageStrength.Advisory,
            Aggregate.RetirementDate,
            Aggregate.CountedYearsOn(on),
            details,
            version));
    }

    /// <summary>The periods of the employee's rotation timeline with a rotation due, as the rotation-due list stores them.</summary>
    internal static List<RotationDuePeriod> TimelineRows(Employee employee) =>
        employee.RotationTimeline
            .Where(p => p.Due is not null)
            .Select(p => new RotationDuePeriod(
                p.From, p.Until, p.Department.Value, p.Due!.DueOn,
                p.Due.Strength == Domain.Employees.RotationStrength.Mandatory ? StorageStrength.Mandatory : StorageStrength.Advisory,
                p.ConsecutiveTerms, p.Due.Reason))
            .ToList();
}
