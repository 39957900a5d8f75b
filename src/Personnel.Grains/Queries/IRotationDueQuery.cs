using Personnel.Domain.Employees;

namespace Personnel.Grains.Queries;

/// <summary>Who is due for rotation (AM 第十二条, 第十七条), from the rotation timelines the employee grains keep indexed.</summary>
public interface IRotationDueQuery
{
    /// <summary>The employees due for rotation on or before <c>AsOf + WindowDays</c> as the answer stands on <c>AsOf</c>
    /// (overdue rotations included), earliest first; keyset-paged.</summary>
    Task<RotationDueList> ListAsync(RotationDueRequest request, CancellationToken cancellationToken);
}

/// <summary>The question of <see cref="IRotationDueQuery.ListAsync"/>.</summary>
/// <param name="DepartmentId">Only this department; null for the whole zone.</param>
/// <param name="Strength">Only this strength; null for both.</param>
/// <param name="After">The <see cref="RotationDueList.Next"/> of the previous page; null for the first.</param>
/// <param name="Limit">Page size, 1 to 1000.</param>
public sealed record RotationDueRequest(
    DateOnly AsOf, int WindowDays, string? DepartmentId, RotationStrength? Strength, RotationDuePosition? After, int Limit);

/// <summary>A place in the rotation-due order: due date, then employee id.</summary>
public sealed record RotationDuePosition(DateOnly DueOn, string EmployeeId);

/// <summary>An employee due for rotation: the person as listed, and the rotation due in the department it is due from.</summary>
public sealed record RotationDueItem(
    EmployeeListing Employee, string DepartmentId, DateOnly DueOn, RotationStrength Strength, int ConsecutiveTerms, string Reason);

/// <summary>A page of <see cref="RotationDueItem"/>s; <paramref name="Next"/> is null on the last page.</summary>
public sealed record RotationDueList(IReadOnlyList<RotationDueItem> Items, RotationDuePosition? Next);
