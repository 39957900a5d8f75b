namespace Personnel.Grains.Queries;

/// <summary>
/// A recorded event as the history and the event feed serve it: the stream it belongs to, its place, its type (one of
/// <see cref="Domain.Common.EventTypes"/>), when it took effect and was recorded, by whom, and its JSON payload as written.
/// </summary>
/// <param name="Position">Its place among all events, in commit order.</param>
/// <param name="Version">Its place in its stream, from 1.</param>
public sealed record JournalEntry(
    long Position, string StreamId, long Version, string Type, DateOnly OccurredOn, DateTimeOffset RecordedAt, string RecordedBy, string PayloadJson)
{
    /// <summary>The employee the event is about, or null when its stream is not an employee's.</summary>
    public string? EmployeeId => StreamId.StartsWith(StreamIds.EmployeePrefix, StringComparison.Ordinal) ? StreamId[StreamIds.EmployeePrefix.Length..] : null;

    /// <summary>The department the event is about, or null when its stream is not a department's.</summary>
    public string? DepartmentId =>
        StreamId.StartsWith(StreamIds.DepartmentPrefix, StringComparison.Ordinal) ? StreamId[StreamIds.DepartmentPrefix.Length..] : null;

    internal static JournalEntry From(Storage.RecordedEvent e) =>
        new(e.Position, e.StreamId, e.Version, e.Type, e.OccurredOn, e.RecordedAt, e.RecordedBy, e.Payload);
}
