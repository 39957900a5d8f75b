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
        if (!_employee.IsAppointed)
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
            if (quarter.LastDay < _employee.AppointedOn)
            {
                continue;
            }

            var unit = _employee.AssessingUnitOn(quarter.LastDay);
            if (_employee.MayReceiveQuarterlyGrade(quarter, unit, quarter.LastDay))
            {
                map[StreamIds.GradableQuarter(unit.Value, quarter)] = unit.Value;
            }
        }

        for (var year = on.Year - 1; year <= on.Year + 1; year++)
        {
            var yearEnd = new DateOnly(year, 12, 31);
            if (yearEnd < _employee.AppointedOn)
            {
                continue;
            }

            var unit = _employee.AssessingUnitOn(yearEnd);
            if (_employee.MayReceiveAnnualGrade(year, unit, yearEnd))
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
    private IEnumerable<ReadModelWrite> Project(DateOnly on, long version, Dictionary<string, string> before, Dictionary<string, string> after)
    {
        foreach (var kind in before.Keys.Where(k => !after.ContainsKey(k)))
        {
            yield return new DeleteDocument(kind, Key);
        }

        foreach (var kind in after.Keys.Where(k => !_storedGradability.Contains(k)))
        {
            yield return new PutDocument(kind, Key, "{}");
        }

        if (!_employee.IsAppointed)
        {
            yield break;
        }

        var level = _employee.PostLevel;
        var rotation = Employee.SelectRotation(_employee.RotationSchedule(), on);
        var details = JsonSerializer.Serialize(new EmployeeViewDetails(_name, _employee.PostSince, _employee.TermStart, _employee.TrialEnd, rotation?.Reason, _employee.ConsecutiveTermsInRole), GrainJson.Options);
        yield return new UpsertEmployeeView(new EmployeeView(
            Key,
            _employee.Department.Value,
            level.Post.ToString(),
            level.Grade.Level,
            level.Grade.Step,
            _employee.State.ToString(),
            _employee.TermNumber,
            _employee.TermNumber > 0 ? _employee.TermEnd : null,
            _employee.ProbationEnd,
            rotation?.DueOn,
            rotation is null ? null : rotation.Strength == Domain.Employees.RotationStrength.Mandatory ? StorageStrength.Mandatory : StorageStrength.Advisory,
            _employee.RetirementDate,
            _employee.CountedYearsOn(on),
            details,
            version));
    }

}
