using System.Diagnostics;
using Personnel.Api.V1;
using Personnel.Client;

namespace Personnel.History.Bench;

/// <summary>
/// The first call to employees on a server just started: <c>GetEmployee</c> is answered by the employee's grain (unlike
/// <c>GetPostLevel</c>, which a silo-local view may answer), so on a fresh process it pays the grain's activation — the
/// read of its stream, or of its snapshot and the events after it. One call at a time, so no call waits on another.
/// </summary>
internal static class ColdReads
{
    /// <summary>Times the first <c>GetEmployee</c> of each of <paramref name="ids"/>, in their order, then the first
    /// <c>GetTenure</c> on the grain it activated (tenure as of a date may need the whole stream where the activation read
    /// a snapshot); returns both in milliseconds, and the stream version the first answer carried.</summary>
    public static async Task<IReadOnlyList<(string Id, double Ms, double TenureMs, long Version)>> TimeAsync(
        PersonnelClient client, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var timed = new List<(string, double, double, long)>(ids.Count);
        foreach (var id in ids)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await client.Employees.GetEmployeeAsync(new GetEmployeeRequest { EmployeeId = id }, cancellationToken).ConfigureAwait(false);
            var activated = Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            await client.Employees.GetTenureAsync(new GetTenureRequest { EmployeeId = id }, cancellationToken).ConfigureAwait(false);
            timed.Add((id, activated.TotalMilliseconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds, answer.Employee.Version));
        }

        return timed;
    }

    /// <summary>Activates each of <paramref name="ids"/> once, <paramref name="concurrency"/> at a time, untimed; returns
    /// the stream version each answer carried.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> TouchAsync(
        PersonnelClient client, IReadOnlyList<string> ids, int concurrency, CancellationToken cancellationToken)
    {
        var versions = new System.Collections.Concurrent.ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            var answer = await client.Employees.GetEmployeeAsync(new GetEmployeeRequest { EmployeeId = id }, ct).ConfigureAwait(false);
            versions[id] = answer.Employee.Version;
        }).ConfigureAwait(false);
        return versions;
    }
}
