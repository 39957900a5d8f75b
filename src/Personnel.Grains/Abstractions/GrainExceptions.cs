namespace Personnel.Grains.Abstractions;

/// <summary>A capped quota refused the grade (AS 第八条 Good, 第十二条 Excellent): FAILED_PRECONDITION.
/// Nothing was recorded.</summary>
[GenerateSerializer]
public sealed class QuotaExhaustedException : Exception
{
    public QuotaExhaustedException(string rule, string departmentId, int year, int? quarter, int cap, int count, int eligible)
        : base($"{rule}: {departmentId} {(quarter is { } q ? $"{year}Q{q}" : year.ToString(System.Globalization.CultureInfo.InvariantCulture))}: cap {cap} of {eligible} eligible reached, {count} already granted")
    {
        Rule = rule;
        DepartmentId = departmentId;
        Year = year;
        Quarter = quarter;
        Cap = cap;
        Count = count;
        Eligible = eligible;
    }

    /// <summary>Gets the rule and article ("Good quota (AS 第八条)").</summary>
    [Id(0)]
    public string Rule { get; }

    [Id(1)]
    public string DepartmentId { get; }

    [Id(2)]
    public int Year { get; }

    /// <summary>Gets the quarter of a Good quota; null for the Excellent quota.</summary>
    [Id(3)]
    public int? Quarter { get; }

    [Id(4)]
    public int Cap { get; }

    [Id(5)]
    public int Count { get; }

    [Id(6)]
    public int Eligible { get; }
}

/// <summary>The request id was recorded before for a different command: INVALID_ARGUMENT. Nothing was recorded.</summary>
[GenerateSerializer]
public sealed class RequestIdReusedException(string requestId)
    : Exception($"request id '{requestId}' was reused with different content")
{
    [Id(0)]
    public string RequestId { get; } = requestId;
}

/// <summary>Other writers kept moving the streams this command needs; after bounded retries it gave up:
/// ABORTED (retry later with the same request id). Nothing was recorded.</summary>
[GenerateSerializer]
public sealed class ConcurrencyExhaustedException(string streamId, int attempts)
    : Exception($"{streamId} kept changing under {attempts} attempts; nothing was recorded, retry with the same request id")
{
    [Id(0)]
    public string StreamId { get; } = streamId;

    [Id(1)]
    public int Attempts { get; } = attempts;
}

/// <summary>The employee is outside the caller's <see cref="EmployeeScope"/>: PERMISSION_DENIED. Nothing was recorded.</summary>
/// <param name="employeeId">The employee.</param>
/// <param name="departmentId">The unit the scope was matched against: the home department, or for grading the unit
/// assessing the period (AS 第二十四条).</param>
/// <param name="post">The post's name ("DepartmentHead").</param>
/// <param name="isLeader">Whether the refusal is the leaders' rule (AS 第二条) rather than the department.</param>
/// <param name="assessedOn">For grading, the assessing day the unit was judged on; null otherwise.</param>
/// <param name="homeDepartmentId">The employee's home department (equal to <paramref name="departmentId"/> outside grading).</param>
[GenerateSerializer]
public sealed class OutOfScopeException(
    string employeeId, string departmentId, string post, bool isLeader, DateOnly? assessedOn = null, string? homeDepartmentId = null)
    : Exception(isLeader
        ? $"employee '{employeeId}' holds the post {post}, graded by party-affairs only (AS 第二条)"
        : assessedOn is { } day
            ? $"employee '{employeeId}' is assessed for the period ending {day:yyyy-MM-dd} by department '{departmentId}' (AS 第二十四条)"
            : $"employee '{employeeId}' belongs to department '{departmentId}'")
{
    [Id(0)]
    public string EmployeeId { get; } = employeeId;

    [Id(1)]
    public string DepartmentId { get; } = departmentId;

    /// <summary>Gets the post's name ("DepartmentHead").</summary>
    [Id(2)]
    public string Post { get; } = post;

    /// <summary>Gets whether the refusal is the leaders' rule (AS 第二条) rather than the department.</summary>
    [Id(3)]
    public bool IsLeader { get; } = isLeader;

    /// <summary>Gets the assessing day a grading call was judged on (AS 第二十四条); null outside grading.</summary>
    [Id(4)]
    public DateOnly? AssessedOn { get; } = assessedOn;

    /// <summary>Gets the employee's home department.</summary>
    [Id(5)]
    public string HomeDepartmentId { get; } = homeDepartmentId ?? departmentId;
}

/// <summary>
/// A rule of the policy refused the command (the domain's <see cref="Personnel.Domain.Common.RuleViolationException"/>
/// as it crosses a silo boundary): the rule's code, article and summary, the facts and the kind of refusal. Nothing was
/// recorded. The silo's call filter turns every domain refusal into this, so a caller on another silo gets the same
/// rule and facts as one on the grain's own silo.
/// </summary>
[GenerateSerializer]
public sealed class RuleRefusedException : Exception
{
    public RuleRefusedException(Personnel.Domain.Common.RuleViolationException violation)
        : base((violation ?? throw new ArgumentNullException(nameof(violation))).Message)
    {
        Code = violation.Rule.Code;
        Article = violation.Rule.Article;
        Summary = violation.Rule.Summary;
        Facts = violation.Facts;
        Kind = violation.Kind;
    }

    /// <summary>Gets the rule's code.</summary>
    [Id(0)]
    public string Code { get; private set; }

    /// <summary>Gets the article that states the rule ("AS 第八条").</summary>
    [Id(1)]
    public string Article { get; private set; }

    /// <summary>Gets the rule's summary in the policy's words.</summary>
    [Id(2)]
    public string Summary { get; private set; }

    /// <summary>Gets the facts of this refusal.</summary>
    [Id(3)]
    public string Facts { get; private set; }

    /// <summary>Gets the kind of refusal (which status it gets).</summary>
    [Id(4)]
    public Personnel.Domain.Common.ViolationKind Kind { get; private set; }

    /// <summary>The domain's refusal again, equal to the one thrown in the grain.</summary>
    public Personnel.Domain.Common.RuleViolationException ToViolation() =>
        new(new Personnel.Domain.Common.Rule(Code, Article, Summary), Facts, Kind);
}
