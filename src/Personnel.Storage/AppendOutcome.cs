namespace Personnel.Storage;

/// <summary>What became of a <see cref="Commit"/>. Only <see cref="Appended"/> wrote anything.</summary>
public abstract record AppendOutcome;

/// <summary>The commit is durable.</summary>
/// <param name="Streams">Per stream: the versions of the new events.</param>
/// <param name="FirstPosition">Global position of the first new event (0 when no events were appended).</param>
/// <param name="LastPosition">Global position of the last new event (0 when no events were appended).</param>
public sealed record Appended(IReadOnlyList<AppendedStream> Streams, long FirstPosition, long LastPosition) : AppendOutcome;

/// <summary>The versions one stream received.</summary>
public sealed record AppendedStream(string StreamId, long FirstVersion, long LastVersion);

/// <summary>The request id was recorded before with the same fingerprint: nothing new was recorded;
/// <paramref name="Result"/> is the first commit's result.</summary>
public sealed record Duplicate(string RequestId, string Result) : AppendOutcome;

/// <summary>The request id was recorded before for a different request: nothing was recorded.</summary>
public sealed record RequestIdReused(string RequestId, string FirstFingerprint, string Fingerprint) : AppendOutcome;

/// <summary>A stream was not at the expected version (someone else wrote first): nothing was recorded
/// in any stream. The caller reloads and retries.</summary>
public sealed record WrongExpectedVersion(string StreamId, long Expected, long Actual) : AppendOutcome;

/// <summary>A capped counter would pass its cap: nothing was recorded.</summary>
/// <param name="Quarter">The quarter for a quarterly Good quota; null for the annual Excellent quota.</param>
/// <param name="Count">The count already recorded.</param>
/// <param name="Delta">The increment that was refused.</param>
public sealed record QuotaExceeded(string DepartmentId, int Year, int? Quarter, int Cap, int Count, int Delta) : AppendOutcome;
