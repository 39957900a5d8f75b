using System.Diagnostics;
using Personnel.Api.V1;
using Personnel.Client;

namespace Personnel.History.Bench;

/// <summary>
/// What one call costs on an employee whose grain is already active, one call at a time: the reads of the mixed load and
/// one attendance record (the next command of the career). Activation aside, these show which calls still grow with the
/// stream.
/// </summary>
internal static class WarmCalls
{
    public static readonly IReadOnlyList<string> Kinds = ["GetPostLevel", "GetTenure", "ListGrades", "ListHistory", "Record"];

    /// <summary>Times each kind <paramref name="repeats"/> times on each of <paramref name="ids"/>; the record written
    /// the k-th time on an employee is its career's command <paramref name="firstSlot"/>(id) + k.</summary>
    public static async Task<IReadOnlyList<(string Id, string Kind, double Ms)>> TimeAsync(
        PersonnelClient client, IReadOnlyList<string> ids, Func<string, int> firstSlot, int repeats, CancellationToken cancellationToken)
    {
        var timed = new List<(string, string, double)>();
        for (var k = 0; k < repeats; k++)
        {
            foreach (var id in ids)
            {
                foreach (var kind in Kinds)
                {
                    var started = Stopwatch.GetTimestamp();
                    await CallAsync(client, id, kind, firstSlot(id) + k, cancellationToken).ConfigureAwait(false);
                    timed.Add((id, kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                }
            }
        }

        return timed;
    }

    private static Task CallAsync(PersonnelClient client, string id, string kind, int slot, CancellationToken cancellationToken) => kind switch
    {
        "GetPostLevel" => client.Employees.GetPostLevelAsync(new GetPostLevelRequest { EmployeeId = id }, cancellationToken),
        "GetTenure" => client.Employees.GetTenureAsync(new GetTenureRequest { EmployeeId = id }, cancellationToken),
        "ListGrades" => client.Grading.ListGradesAsync(new ListGradesRequest { EmployeeId = id }, cancellationToken),
        "ListHistory" => client.Employees.ListHistoryAsync(new ListHistoryRequest { EmployeeId = id, PageSize = 100 }, cancellationToken),
        "Record" => Careers.Command(client, id, slot, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
