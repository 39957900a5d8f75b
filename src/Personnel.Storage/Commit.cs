namespace Personnel.Storage;

/// <summary>
/// Everything one command records, applied in one transaction or not at all: the events appended to
/// one or more streams, the read-model writes derived from them, and the result a retry gets back.
/// </summary>
/// <param name="RequestId">Unique per command: a second commit with the same id records nothing.</param>
/// <param name="RequestFingerprint">Hash of the request content, computed by the caller. A reused
/// request id with a different fingerprint is a caller error, reported as <see cref="RequestIdReused"/>.</param>
/// <param name="RecordedBy">Who recorded it (the API key id); stored on every event.</param>
/// <param name="Appends">The streams appended to; empty only for a read-model-only commit (a rebuild).</param>
/// <param name="ReadModelWrites">Read-model changes, applied in order after the appends.</param>
/// <param name="Result">The caller's answer (JSON), returned as-is by <see cref="Duplicate"/>.</param>
public sealed record Commit(
    string RequestId,
    string RequestFingerprint,
    string RecordedBy,
    IReadOnlyList<StreamAppend> Appends,
    IReadOnlyList<ReadModelWrite> ReadModelWrites,
    string Result);

/// <summary>Events for one stream, appended only if the stream is at <paramref name="ExpectedVersion"/>.</summary>
/// <param name="ExpectedVersion">The stream's current version (0 = the stream has no events yet), or
/// <see cref="ExpectedVersion.Any"/> to append whatever the version.</param>
public sealed record StreamAppend(string StreamId, long ExpectedVersion, IReadOnlyList<NewEvent> Events);

/// <summary>An event to append: its type name, JSON payload and the civil date it took effect.</summary>
public sealed record NewEvent(string Type, string Payload, DateOnly OccurredOn);

/// <summary>Special expected versions.</summary>
public static class ExpectedVersion
{
    /// <summary>The stream must not exist yet.</summary>
    public const long NoStream = 0;

    /// <summary>Append whatever the stream's version (for streams whose invariants the database itself
    /// enforces, e.g. a quota counter with a cap).</summary>
    public const long Any = -1;
}

/// <summary>An event as stored.</summary>
/// <param name="Position">Global position: gap-free and in commit order across all nodes.</param>
public sealed record RecordedEvent(
    long Position,
    string StreamId,
    long Version,
    string Type,
    string Payload,
    DateOnly OccurredOn,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string RequestId);
