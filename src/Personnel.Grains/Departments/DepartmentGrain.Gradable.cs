using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Grains.Employees;

namespace Personnel.Grains.Departments;

/// <summary>
/// N of a quota (AS 第八条, 第十二条): the people the department may grade in the period. An employee's commits write a
/// gradability document for each quarter and year of a window around the commit's date, so a member whose last record is
/// older than the window (appointed in an earlier year and not graded since) has no document for the period. Such members
/// are judged here from their stream, once per activation, and re-judged only when their stream moves on; a member who
/// gains a document is counted by it instead.
/// </summary>
public sealed partial class DepartmentGrain
{
    /// <summary>Per gradability kind, the members without a document: their stream version when judged and the verdict.</summary>
    private readonly Dictionary<string, Dictionary<string, (long Version, bool Gradable)>> _undocumented = new(StringComparer.Ordinal);

    /// <summary>The people gradable by this department in <paramref name="kind"/>'s period: the documents plus the
    /// undocumented members <paramref name="gradable"/> accepts.</summary>
    private async Task<int> CountGradableAsync(string kind, Func<Employee, bool> gradable, CancellationToken cancellationToken)
    {
        if (!_undocumented.TryGetValue(kind, out var members))
        {
            members = await FindUndocumentedAsync(kind, gradable, cancellationToken);
            _undocumented[kind] = members;
        }

        var count = await Store.ReadModels.CountDocumentsAsync(kind, cancellationToken);
        foreach (var id in members.Keys.ToList())
        {
            var version = await Store.GetStreamVersionAsync(StreamIds.Employee(id), cancellationToken);
            if (version != members[id].Version)
            {
                // The member committed since: a document now counts them, or they are judged again.
                if (await Store.ReadModels.GetDocumentAsync(kind, id, cancellationToken) is not null)
                {
                    members.Remove(id);
                    continue;
                }

                members[id] = await JudgeAsync(id, gradable, cancellationToken);
            }

            if (members[id].Gradable)
            {
                count++;
            }
        }

        return count;
    }

    private async Task<Dictionary<string, (long Version, bool Gradable)>> FindUndocumentedAsync(
        string kind, Func<Employee, bool> gradable, CancellationToken cancellationToken)
    {
        const int Page = 1000;
        var documented = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var page = await Store.ReadModels.ListDocumentsAsync(kind, after, Page, cancellationToken);
            documented.UnionWith(page.Select(d => d.Key));
            if (page.Count < Page)
            {
                break;
            }

            after = page[^1].Key;
        }

        var undocumented = new Dictionary<string, (long, bool)>(StringComparer.Ordinal);
        after = null;
        while (true)
        {
            var page = await Store.ReadModels.ListEmployeesAsync(Key, after, Page, cancellationToken);
            foreach (var view in page.Where(v => !documented.Contains(v.EmployeeId)))
            {
                undocumented[view.EmployeeId] = await JudgeAsync(view.EmployeeId, gradable, cancellationToken);
            }

            if (page.Count < Page)
            {
                break;
            }

            after = page[^1].EmployeeId;
        }

        return undocumented;
    }

    /// <summary>The member as their committed stream tells it (read from the store: the employee's grain may be the caller).</summary>
    private async Task<(long Version, bool Gradable)> JudgeAsync(string employeeId, Func<Employee, bool> gradable, CancellationToken cancellationToken)
    {
        var recorded = await Store.ReadStreamAsync(StreamIds.Employee(employeeId), 1, cancellationToken);
        var employee = EmployeeGrain.Replay(recorded, _services.Profile.Grading);
        return (recorded.Count == 0 ? 0 : recorded[^1].Version, employee.IsAppointed && gradable(employee));
    }

    private Task<int> CountGradableQuarterAsync(Quarter quarter, CancellationToken cancellationToken)
    {
        var department = new DepartmentId(Key);
        return CountGradableAsync(StreamIds.GradableQuarter(Key, quarter),
            e => e.MayReceiveQuarterlyGrade(quarter, department, quarter.LastDay), cancellationToken);
    }

    private Task<int> CountGradableYearAsync(int year, CancellationToken cancellationToken)
    {
        var department = new DepartmentId(Key);
        return CountGradableAsync(StreamIds.GradableYear(Key, year),
            e => e.MayReceiveAnnualGrade(year, department, new DateOnly(year, 12, 31)), cancellationToken);
    }
}
