using Personnel.Domain.Employees;
using Personnel.Storage;

namespace Personnel.Grains.Queries;

/// <summary><see cref="IEmployeeDirectory"/> over the employee view the employee grains keep in the event store.</summary>
internal sealed class EmployeeDirectory(IEventStore store) : IEmployeeDirectory
{
    /// <summary>Rows read per page of a scan: a zone's staff is thousands of rows.</summary>
    private const int ScanPage = 1000;

    public async Task<EmployeeListing?> GetAsync(string employeeId, CancellationToken cancellationToken) =>
        await store.ReadModels.GetEmployeeAsync(employeeId, cancellationToken).ConfigureAwait(false) is { } row
            ? EmployeeListing.From(row)
            : null;

    public async Task<IReadOnlyList<EmployeeListing>> ListAsync(
        string? departmentId, string? afterEmployeeId, int limit, CancellationToken cancellationToken)
    {
        var rows = await store.ReadModels.ListEmployeesAsync(departmentId, afterEmployeeId, limit, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(EmployeeListing.From)];
    }

    public async Task<EmployeeSearch> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        // The exact id answers at once from its row; the rest is a scan of the employee view in id order. The name is in
        // the row's details JSON, which no index covers.
        var matches = new List<EmployeeListing>();
        var exact = await GetAsync(query, cancellationToken).ConfigureAwait(false);
        if (exact is not null)
        {
            matches.Add(exact);
        }

        string? after = null;
        while (matches.Count <= limit)
        {
            var rows = await ListAsync(null, after, ScanPage, cancellationToken).ConfigureAwait(false);
            matches.AddRange(rows.Where(row => row.EmployeeId != exact?.EmployeeId && Matches(row, query)));
            if (rows.Count < ScanPage)
            {
                break;
            }

            after = rows[^1].EmployeeId;
        }

        return matches.Count > limit ? new EmployeeSearch(matches[..limit], Truncated: true) : new EmployeeSearch(matches, Truncated: false);
    }

    public async Task<int> HeadcountAsync(string departmentId, CancellationToken cancellationToken)
    {
        var count = 0;
        string? after = null;
        while (true)
        {
            var page = await ListAsync(departmentId, after, ScanPage, cancellationToken).ConfigureAwait(false);
            count += page.Count(e => e.State is ContractState.InService or ContractState.InProbation or ContractState.Appointed
                or ContractState.InPromotionTrial or ContractState.AwaitingRenewal);
            if (page.Count < ScanPage)
            {
                return count;
            }

            after = page[^1].EmployeeId;
        }
    }

    private static bool Matches(EmployeeListing row, string query) =>
        row.EmployeeId.StartsWith(query, StringComparison.OrdinalIgnoreCase)
        || row.Name.Contains(query, StringComparison.OrdinalIgnoreCase);
}
