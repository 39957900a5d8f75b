using System.Globalization;
using Personnel.Api.V1;
using Personnel.Client;
using Personnel.Cluster.Tests.Harness;

namespace Personnel.History.Bench;

/// <summary>
/// The careers the bench seeds: staff appointed on 1 January 2025 (competitive: no probation; their first term runs to
/// 2027, so no due date arrives while the bench runs), graded Average for every quarter from 2025 Q1 to 2026 Q3, then
/// attendance records one per slot — overtime and a late arrival on each day from 1 January 2025 to yesterday — and,
/// once those days run out, qualifications recorded again. Each command appends one event or two; every request id is
/// fixed by the employee and the slot, so a seed sent again records nothing twice.
/// </summary>
internal static class Careers
{
    public static readonly DateOnly AppointedOn = new(2025, 1, 1);

    /// <summary>The graded quarters, 2025 Q1 to 2026 Q3.</summary>
    public static readonly IReadOnlyList<(int Year, int Quarter)> Quarters =
        [(2025, 1), (2025, 2), (2025, 3), (2025, 4), (2026, 1), (2026, 2), (2026, 3)];

    /// <summary>Today in Asia/Shanghai, the day the server records on when a request leaves it unset.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>The attendance slots before qualifications take over: two per day from the appointment to yesterday.</summary>
    public static int AttendanceSlots => 2 * (Today.DayNumber - 1 - AppointedOn.DayNumber);

    /// <summary>Creates <paramref name="departmentId"/> and appoints <paramref name="prefix"/>0 … to it from <see cref="AppointedOn"/>,
    /// <paramref name="concurrency"/> at a time.</summary>
    public static async Task AppointAsync(
        ServerCluster server, string departmentId, string prefix, int count, int concurrency, CancellationToken cancellationToken)
    {
        await Staffing.CreateDepartmentAsync(server, 0, departmentId, cancellationToken).ConfigureAwait(false);
        await Staffing.AppointStaffAsync(server, departmentId, prefix, count, concurrency, AppointedOn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends command <paramref name="slot"/> of <paramref name="id"/>'s career (0 the first grade), one attempt per
    /// node asked and again with the same request id while the outcome is unknown.</summary>
    public static Task Step(ServerCluster server, string id, int slot, CancellationToken cancellationToken) =>
        Send(server, async (client, ct) =>
        {
            await Command(client, id, slot, ct).ConfigureAwait(false);
            return slot;
        }, cancellationToken);

    /// <summary>Sends command <paramref name="slot"/> of <paramref name="id"/>'s career once.</summary>
    public static Task Command(PersonnelClient client, string id, int slot, CancellationToken cancellationToken)
    {
        var requestId = string.Create(CultureInfo.InvariantCulture, $"hist-{id}-{slot}");
        if (slot < Quarters.Count)
        {
            var (year, quarter) = Quarters[slot];
            return client.Grading.RecordQuarterlyGradeAsync(new RecordQuarterlyGradeRequest
            {
                RequestId = requestId,
                EmployeeId = id,
                Year = year,
                Quarter = quarter,
                Grade = QuarterlyGrade.Average,
                DecidedOn = Staffing.Day(new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(2)),
            }, cancellationToken);
        }

        var record = slot - Quarters.Count;
        if (record < AttendanceSlots)
        {
            var day = Staffing.Day(AppointedOn.AddDays(record / 2));
            return record % 2 == 0
                ? client.Employees.RecordOvertimeAsync(new RecordOvertimeRequest { RequestId = requestId, EmployeeId = id, Day = day, Hours = "2.5" }, cancellationToken)
                : client.Employees.RecordLatenessAsync(new RecordLatenessRequest
                {
                    RequestId = requestId, EmployeeId = id, Day = day, Kind = LatenessKind.LateArrival,
                }, cancellationToken);
        }

        return client.Employees.RecordQualificationsAsync(new RecordQualificationsRequest
        {
            RequestId = requestId,
            EmployeeId = id,
            AdministrativeRank = AdministrativeRank.FirstGradeStaff,
            AdministrativeRankSince = Staffing.Day(new DateOnly(2020, 1, 1)),
            Education = Education.Bachelor,
        }, cancellationToken);
    }

    /// <summary>Seeds every employee's first <paramref name="commands"/> slots, slot by slot across employees so that the
    /// longest careers are not left to run alone at the end any more than need be.</summary>
    public static Task SeedAsync(ServerCluster server, IReadOnlyList<(string Id, int Commands)> careers, int concurrency, CancellationToken cancellationToken)
    {
        var longest = careers.Max(c => c.Commands);
        var steps = Enumerable.Range(0, longest).SelectMany(slot => careers.Where(c => slot < c.Commands).Select(c => (c.Id, Slot: slot)));
        return Parallel.ForEachAsync(steps, Options(concurrency, cancellationToken),
            async (step, ct) => await Step(server, step.Id, step.Slot, ct).ConfigureAwait(false));
    }

    private static ParallelOptions Options(int concurrency, CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };

    private static async Task Send<T>(ServerCluster server, Func<PersonnelClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        await RoundRobin.CallAsync(server, 0, call, onUnknownOutcome: null, cancellationToken).ConfigureAwait(false);
}
