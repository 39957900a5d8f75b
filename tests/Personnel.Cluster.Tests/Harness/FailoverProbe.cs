using System.Diagnostics;
using Personnel.Api.V1;
using Personnel.Client;

namespace Personnel.Cluster.Tests.Harness;

/// <summary>
/// How long after a node's death its employees answer again: each employee is asked (GetEmployee, which the employee
/// grain itself answers, not a published view) through the surviving nodes in turn until it answers once.
/// </summary>
internal static class FailoverProbe
{
    /// <summary>Returns, per employee, the time from <paramref name="killedAt"/> (a <see cref="Stopwatch"/> timestamp) to
    /// its first answer; throws naming the employees that did not answer within <paramref name="limit"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, TimeSpan>> MeasureAsync(
        IReadOnlyList<ServerNode> survivors, IReadOnlyList<string> employees, long killedAt, TimeSpan limit, CancellationToken cancellationToken)
    {
        var answered = await Task.WhenAll(employees.Select(async (id, i) =>
        {
            for (var attempt = i; Stopwatch.GetElapsedTime(killedAt) < limit; attempt++)
            {
                try
                {
                    await survivors[attempt % survivors.Count].Client.Employees
                        .GetEmployeeAsync(new GetEmployeeRequest { EmployeeId = id }, cancellationToken).ConfigureAwait(false);
                    return (Id: id, After: (TimeSpan?)Stopwatch.GetElapsedTime(killedAt));
                }
                catch (PersonnelException e) when (RoundRobin.IsUnknownOutcome(e.StatusCode) && !cancellationToken.IsCancellationRequested)
                {
                    // Not yet: its grain is still held by the dead node, or moving.
                }

                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
            }

            return (Id: id, After: (TimeSpan?)null);
        })).ConfigureAwait(false);
        var silent = answered.Where(a => a.After is null).Select(a => a.Id).ToList();
        return silent.Count == 0
            ? answered.ToDictionary(a => a.Id, a => a.After!.Value)
            : throw new TimeoutException($"{silent.Count} employees of the dead node did not answer on the survivors within {limit.TotalSeconds} s: {string.Join(", ", silent)}");
    }
}
