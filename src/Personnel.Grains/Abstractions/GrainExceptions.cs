namespace Personnel.Grains.Abstractions;

/// <summary>A capped quota refused the grade (AS 第八条 Good, 第十二条 Excellent): FAILED_PRECONDITION.
/// Nothing was recorded.</summary>
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
    public string Rule { get; }

    public string DepartmentId { get; }

    public int Year { get; }

    /// <summary>Gets the quarter of a Good quota; null for the Excellent quota.</summary>
    public int? Quarter { get; }

    public int Cap { get; }

    public int Count { get; }

    public int Eligible { get; }
}

/// <summary>The request id was recorded before for a different command: INVALID_ARGUMENT. Nothing was recorded.</summary>
public sealed class RequestIdReusedException(string requestId)
    : Exception($"request id '{requestId}' was reused with different content")
{
    public string RequestId { get; } = requestId;
}

/// <summary>Other writers kept moving the streams this command needs; after bounded retries it gave up:
/// ABORTED (retry later with the same request id). Nothing was recorded.</summary>
public sealed class ConcurrencyExhaustedException(string streamId, int attempts)
    : Exception($"{streamId} kept changing under {attempts} attempts; nothing was recorded, retry with the same request id")
{
    public string StreamId { get; } = streamId;

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
public sealed class OutOfScopeException(
    string employeeId, string departmentId, string post, bool isLeader, DateOnly? assessedOn = null, string? homeDepartmentId = null)
    : Exception(isLeader
        ? $"employee '{employeeId}' holds the post {post}, graded by party-affairs only (AS 第二条)"
        : assessedOn is { } day
            ? $"employee '{employeeId}' is assessed for the period ending {day:yyyy-MM-dd} by department '{departmentId}' (AS 第二十四条)"
            : $"employee '{employeeId}' belongs to department '{departmentId}'")
{
    public string EmployeeId { get; } = employeeId;

    public string DepartmentId { get; } = departmentId;

    /// <summary>Gets the post's name ("DepartmentHead").</summary>
    public string Post { get; } = post;

    /// <summary>Gets whether the refusal is the leaders' rule (AS 第二条) rather than the department.</summary>
    public bool IsLeader { get; } = isLeader;

    /// <summary>Gets the assessing day a grading call was judged on (AS 第二十四条); null outside grading.</summary>
    public DateOnly? AssessedOn { get; } = assessedOn;

    /// <summary>Gets the employee's home department.</summary>
    public string HomeDepartmentId { get; } = homeDepartmentId ?? departmentId;
}
