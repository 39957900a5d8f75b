using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Storage;

namespace Personnel.Grains.Queries;

/// <summary><see cref="IEmployeeJournal"/> over the employee streams of the event store.</summary>
internal sealed class EmployeeJournal(IEventStore store) : IEmployeeJournal
{
    /// <summary>The events the grade trail follows: only these are read, not the attendance records and the rest.</summary>
    private static readonly string[] GradeTrailTypes =
    [
        EventTypes.Employee.QuarterlyGradeRecorded, EventTypes.Employee.AnnualGradeRecorded, EventTypes.Employee.AnnualGradeAppealed,
        EventTypes.Employee.AnnualGradeCorrected, EventTypes.Employee.AppealResolved,
    ];

    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(string employeeId, long afterVersion, int maxCount, CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(StreamIds.Employee(employeeId), afterVersion + 1, maxCount, cancellationToken).ConfigureAwait(false);
        return [.. events.Select(JournalEntry.From)];
    }

    public async Task<GradeTrail> GradeTrailAsync(string employeeId, CancellationToken cancellationToken)
    {
        var quarters = new Dictionary<Quarter, string>();
        var years = new Dictionary<int, string>();
        var underAppeal = new HashSet<int>();
        foreach (var e in await store.ReadStreamOfTypesAsync(StreamIds.Employee(employeeId), GradeTrailTypes, cancellationToken).ConfigureAwait(false))
        {
            switch (e.Type)
            {
                case EventTypes.Employee.QuarterlyGradeRecorded:
                    quarters[((QuarterlyGradeRecorded)EventJson.Deserialize<EmployeeEvent>(e.Payload)).Quarter] = e.RecordedBy;
                    break;
                case EventTypes.Employee.AnnualGradeRecorded:
                    years[((AnnualGradeRecorded)EventJson.Deserialize<EmployeeEvent>(e.Payload)).Year] = e.RecordedBy;
                    break;
                case EventTypes.Employee.AnnualGradeAppealed:
                    underAppeal.Add(((AnnualGradeAppealed)EventJson.Deserialize<EmployeeEvent>(e.Payload)).Year);
                    break;
                case EventTypes.Employee.AnnualGradeCorrected:
                    years[((AnnualGradeCorrected)EventJson.Deserialize<EmployeeEvent>(e.Payload)).Year] = e.RecordedBy;
                    break;
                case EventTypes.Employee.AppealResolved:
                    var resolved = (AppealResolved)EventJson.Deserialize<EmployeeEvent>(e.Payload);
                    underAppeal.Remove(resolved.Year);
                    years[resolved.Year] = e.RecordedBy;
                    break;
            }
        }

        return new GradeTrail(quarters, years, underAppeal);
    }
}
