using Personnel.Domain.Common;

namespace Personnel.Grains.Queries;

/// <summary>An employee's recorded events, as history and as the trail of who recorded each grade.</summary>
public interface IEmployeeJournal
{
    /// <summary>At most <paramref name="maxCount"/> of the employee's events with a version after <paramref name="afterVersion"/>,
    /// in order; empty when none. A page costs the same however long the stream.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadAsync(string employeeId, long afterVersion, int maxCount, CancellationToken cancellationToken);

    /// <summary>Who recorded each grade and which years are under appeal (AS 第二十八条), from the employee's events.</summary>
    Task<GradeTrail> GradeTrailAsync(string employeeId, CancellationToken cancellationToken);
}

/// <summary>Who recorded each quarterly and annual grade (the last recording, a resolved appeal included) and which years
/// are under appeal now.</summary>
public sealed record GradeTrail(
    IReadOnlyDictionary<Quarter, string> QuarterRecordedBy, IReadOnlyDictionary<int, string> YearRecordedBy, IReadOnlySet<int> YearsUnderAppeal);
