using Personnel.Domain.Employees;
using Personnel.Storage;

namespace Personnel.Grains.Employees;

/// <summary>
/// The employee grain's confirmed state: the aggregate, the person's name and the stream version reached. Orleans never
/// copies it (<see cref="ImmutableAttribute"/>): the grain reads only the confirmed state and confirms each commit as
/// soon as it raises it, so no tentative copy is ever made.
/// </summary>
[Immutable]
public sealed class EmployeeState
{
    /// <summary>Gets or sets the aggregate.</summary>
    public Employee Employee { get; set; } = Employee.New();

    /// <summary>Gets or sets the person's name (a grain-level event: the domain does not keep it).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the stream version the state reached.</summary>
    public long Version { get; set; }

    /// <summary>Gets the due dates already announced on the stream (grain-level <c>due-date-reached</c> events), by kind and date.</summary>
    public HashSet<(string Kind, DateOnly On)> DueDatesAnnounced { get; } = [];
}

/// <summary>
/// The journal entry an employee command raises: the one commit for the store and, once written, the store's answer.
/// </summary>
/// <param name="Commit">The events, read-model rows, quota grant and request record, appended in one transaction.</param>
/// <param name="Version">The stream version the commit reaches.</param>
/// <param name="CancellationToken">The caller's cancellation, for the append.</param>
[Immutable]
public sealed class EmployeeCommit(Commit commit, long version, CancellationToken cancellationToken)
{
    /// <summary>Gets the commit to append.</summary>
    public Commit Commit { get; } = commit;

    /// <summary>Gets the stream version the commit reaches.</summary>
    public long Version { get; } = version;

    /// <summary>Gets the caller's cancellation.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Gets or sets the store's answer; null until written or when the write failed.</summary>
    public AppendOutcome? Outcome { get; set; }

    /// <summary>Gets or sets the failure of a write whose fate is unknown (the store unreachable, the call cancelled).</summary>
    public System.Runtime.ExceptionServices.ExceptionDispatchInfo? Failure { get; set; }
}
