namespace Personnel.Grains.Queries;

/// <summary>Cross-employee questions over the employee view: find, list and count people without activating their grains.</summary>
public interface IEmployeeDirectory
{
    /// <summary>Gets one employee, or null when no employee has that id.</summary>
    Task<EmployeeListing?> GetAsync(string employeeId, CancellationToken cancellationToken);

    /// <summary>Lists employees in id order after <paramref name="afterEmployeeId"/> (keyset paging), of one department or all.</summary>
    Task<IReadOnlyList<EmployeeListing>> ListAsync(string? departmentId, string? afterEmployeeId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The employees whose id is <paramref name="query"/>, whose id starts with it or whose name contains it (ignoring case),
    /// the exact id first, then in id order; at most <paramref name="limit"/>, and whether more matched.
    /// </summary>
    Task<EmployeeSearch> SearchAsync(string query, int limit, CancellationToken cancellationToken);

    /// <summary>How many people are on a department's staff: in service, in any of its states.</summary>
    Task<int> HeadcountAsync(string departmentId, CancellationToken cancellationToken);
}

/// <summary>The matches of <see cref="IEmployeeDirectory.SearchAsync"/>; <paramref name="Truncated"/> when more matched than were returned.</summary>
public sealed record EmployeeSearch(IReadOnlyList<EmployeeListing> Matches, bool Truncated);
