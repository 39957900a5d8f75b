namespace Personnel.Storage;

/// <summary>How strongly a rotation is due (AM 第十二条).</summary>
public enum RotationStrength
{
    /// <summary>A rotation is generally planned / should happen.</summary>
    Advisory = 1,

    /// <summary>A rotation must happen.</summary>
    Mandatory = 2,
}

/// <summary>One employee's row in the employee view: what cross-employee questions and cold reads need.</summary>
/// <param name="GradeLevel">Post grade level, 1 (highest) to 8.</param>
/// <param name="Step">Step within the level, 1 to 19.</param>
/// <param name="Status">The contract state's name, as the domain spells it.</param>
/// <param name="RotationDueOn">When a rotation falls due; null when none is due.</param>
/// <param name="Details">Further JSON the domain wants served without loading the stream; "{}" when none.</param>
/// <param name="UpdatedVersion">The employee stream's version this row reflects.</param>
public sealed record EmployeeView(
    string EmployeeId,
    string DepartmentId,
    string Post,
    int GradeLevel,
    int Step,
    string Status,
    int TermNumber,
    DateOnly? TermEnd,
    DateOnly? ProbationEnd,
    DateOnly? RotationDueOn,
    RotationStrength? RotationStrength,
    DateOnly? RetirementDate,
    int CountedYears,
    string Details,
    long UpdatedVersion);

/// <summary>A department-quarter's Good quota counters.</summary>
public sealed record QuarterQuota(string DepartmentId, int Year, int Quarter, int EligibleCount, int GoodCount);

/// <summary>A department-year's tier and Excellent quota counters.</summary>
public sealed record YearQuota(string DepartmentId, int Year, int Tier, int EligibleCount, int ExcellentCount);

/// <summary>Who is due for rotation on or before <c>AsOf + WindowDays</c> (overdue rotations included).</summary>
/// <param name="DepartmentId">Only this department; null for the whole zone.</param>
/// <param name="Strength">Only this strength; null for both.</param>
/// <param name="After">Keyset cursor: the <see cref="RotationDuePage.Next"/> of the previous page.</param>
/// <param name="Limit">Page size, 1 to 1000.</param>
public sealed record RotationDueQuery(
    DateOnly AsOf,
    int WindowDays,
    string? DepartmentId = null,
    RotationStrength? Strength = null,
    RotationDueCursor? After = null,
    int Limit = 100);

/// <summary>Position in the rotation-due order (due date, then employee id).</summary>
public sealed record RotationDueCursor(DateOnly RotationDueOn, string EmployeeId);

/// <summary>
/// One period of an employee's rotation timeline (AM 第十二条, 第十七条): from <paramref name="ValidFrom"/> (inclusive)
/// until <paramref name="ValidUntil"/> (exclusive; null: open-ended) a rotation is due on <paramref name="DueOn"/> with
/// <paramref name="Strength"/>. The domain computes the periods; the query picks the one covering the date asked.
/// </summary>
public sealed record RotationDuePeriod(
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    string DepartmentId,
    DateOnly DueOn,
    RotationStrength Strength,
    int ConsecutiveTerms,
    string Reason);

/// <summary>An employee due for rotation on the date asked: the period covering it and the employee's row.</summary>
public sealed record RotationDueListing(EmployeeView View, RotationDuePeriod Period);

/// <summary>A page of rotation-due employees, earliest first; <paramref name="Next"/> is null on the last page.</summary>
public sealed record RotationDuePage(IReadOnlyList<RotationDueListing> Items, RotationDueCursor? Next);
