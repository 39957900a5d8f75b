namespace Personnel.Storage;

/// <summary>
/// A read-model change carried by a <see cref="Commit"/>. A small closed set: callers never send SQL,
/// and every write is applied in the transaction of the events it derives from.
/// </summary>
public abstract record ReadModelWrite;

/// <summary>Inserts or replaces an employee's row in the employee view.</summary>
public sealed record UpsertEmployeeView(EmployeeView View) : ReadModelWrite;

/// <summary>Replaces an employee's rotation timeline (the periods with a rotation due; none: never due).</summary>
public sealed record ReplaceRotationTimeline(string EmployeeId, IReadOnlyList<RotationDuePeriod> Periods) : ReadModelWrite;

/// <summary>Sets how many employees of a department may be graded in a quarter (the quota base).</summary>
public sealed record SetQuarterEligible(string DepartmentId, int Year, int Quarter, int EligibleCount) : ReadModelWrite;

/// <summary>Adds <paramref name="Delta"/> (may be negative, e.g. a corrected grade) to a department-quarter's
/// Good count. An increase that would make the count exceed <paramref name="Cap"/> refuses the whole
/// commit with <see cref="QuotaExceeded"/>; the check runs inside the transaction, so it holds across nodes.</summary>
public sealed record AddQuarterGood(string DepartmentId, int Year, int Quarter, int Delta, int Cap) : ReadModelWrite;

/// <summary>Sets a department's tier and eligible count for a year (the Excellent quota base).</summary>
public sealed record SetYearQuota(string DepartmentId, int Year, int Tier, int EligibleCount) : ReadModelWrite;

/// <summary>Adds <paramref name="Delta"/> to a department-year's Excellent count, capped like <see cref="AddQuarterGood"/>.</summary>
public sealed record AddYearExcellent(string DepartmentId, int Year, int Delta, int Cap) : ReadModelWrite;

/// <summary>Inserts or replaces a JSON document in the generic read model (kind + key).</summary>
public sealed record PutDocument(string Kind, string Key, string Json) : ReadModelWrite;

/// <summary>Removes a document from the generic read model; absent is not an error.</summary>
public sealed record DeleteDocument(string Kind, string Key) : ReadModelWrite;
