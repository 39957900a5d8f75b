namespace Personnel.Grains.Abstractions;

/// <summary>
/// Who asks, when, and the idempotency key. The same <paramref name="RequestId"/> with the same command
/// returns the first result and records nothing new; with a different command it is refused
/// (<see cref="RequestIdReusedException"/>, INVALID_ARGUMENT).
/// </summary>
/// <param name="RequestId">Unique per intent, chosen by the client (1–128 characters).</param>
/// <param name="RecordedBy">Who records it (the API key id); stored on every event.</param>
/// <param name="Today">The civil date the command takes effect on.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record CommandContext(string RequestId, string RecordedBy, DateOnly Today)
{
    /// <summary>Gets whose staff the caller may act on; null when the caller's role alone decides. The employee
    /// grain checks it against the state the command runs on (every attempt), so no read of the view is needed
    /// and a rotation or a promotion committed meanwhile is seen.</summary>
    public EmployeeScope? Scope { get; init; }
}

/// <summary>Which employees a caller may act on (DESIGN.md, Security; AS 第二条): a refusal is <see cref="OutOfScopeException"/>.</summary>
/// <param name="Department">Only staff of this department (department HR); null for any department.</param>
/// <param name="LeadersExcluded">Not a department head or deputy: grading them is party-affairs' (AS 第二条).</param>
/// <param name="AssessedOn">For grading: <paramref name="Department"/> is matched against the unit that assesses the person
/// on this day (a seconded person's receiving unit, a transferred person's new department: AS 第二十四条) instead of
/// their home department.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record EmployeeScope(string? Department, bool LeadersExcluded, DateOnly? AssessedOn = null);
