using Grpc.Core;
using Personnel.Server.Mapping;
using Personnel.Storage;
using V1 = Personnel.Api.V1;
using D = Personnel.Domain;

namespace Personnel.Server.Services;

/// <summary>Search by id or name (the web console's 员工 / Employee view): people know a colleague's name, not their id.</summary>
public sealed partial class EmployeeService
{
    private const int DefaultSearchPage = 20;
    private const int ScanPage = 1000;

    public override async Task<V1.SearchEmployeesResponse> SearchEmployees(V1.SearchEmployeesRequest request, ServerCallContext context)
    {
        var query = request.Query.Trim();
        if (query.Length is 0 or > 100)
        {
            throw Refusals.Invalid("query must be 1 to 100 characters: an employee id, its beginning, or part of a name.");
        }

        if (request.PageSize is < 0 or > 100)
        {
            throw Refusals.Invalid($"page_size {request.PageSize} must be 0 (meaning {DefaultSearchPage}) to 100.");
        }

        var limit = request.PageSize == 0 ? DefaultSearchPage : request.PageSize;
        var response = new V1.SearchEmployeesResponse();

        // The exact id answers at once from its row; the rest is a scan of the employee view in id order. The name is in
        // the row's details JSON, which no index covers: a zone's staff is thousands of rows, read in pages of 1,000.
        var exact = await store.ReadModels.GetEmployeeAsync(query, context.CancellationToken).ConfigureAwait(false);
        if (exact is not null)
        {
            response.Matches.Add(ToMatch(exact));
        }

        string? after = null;
        while (response.Matches.Count <= limit)
        {
            var rows = await store.ReadModels.ListEmployeesAsync(null, after, ScanPage, context.CancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                if (row.EmployeeId != exact?.EmployeeId && Matches(row, query))
                {
                    response.Matches.Add(ToMatch(row));
                }
            }

            if (rows.Count < ScanPage)
            {
                break;
            }

            after = rows[^1].EmployeeId;
        }

        if (response.Matches.Count > limit)
        {
            response.Truncated = true;
            while (response.Matches.Count > limit)
            {
                response.Matches.RemoveAt(response.Matches.Count - 1);
            }
        }

        return response;
    }

    public override async Task<V1.ListEmployeesResponse> ListEmployees(V1.ListEmployeesRequest request, ServerCallContext context)
    {
        var department = request.DepartmentId.Length == 0 ? null : GrainCalls.Id(request.DepartmentId, "department_id");
        var limit = Pages.Size(request.PageSize, 100);

        // The cursor is the last employee id of the previous page, as the rows are in id order.
        var after = Pages.Cursor(request.PageToken);
        var rows = await store.ReadModels.ListEmployeesAsync(department, after, limit + 1, context.CancellationToken).ConfigureAwait(false);
        var response = new V1.ListEmployeesResponse();
        response.Employees.AddRange(rows.Take(limit).Select(ToMatch));
        if (rows.Count > limit)
        {
            response.NextPageToken = Pages.Token(rows[limit - 1].EmployeeId);
        }

        return response;
    }

    private static bool Matches(EmployeeView row, string query) =>
        row.EmployeeId.StartsWith(query, StringComparison.OrdinalIgnoreCase)
        || Details.Name(row.Details).Contains(query, StringComparison.OrdinalIgnoreCase);

    private static V1.EmployeeMatch ToMatch(EmployeeView row) => new()
    {
        EmployeeId = row.EmployeeId,
        Name = Details.Name(row.Details),
        DepartmentId = row.DepartmentId,
        PostLevel = new V1.PostLevel { Post = Posts.FromName(row.Post), GradeLevel = row.GradeLevel, Step = row.Step },
        State = Enum.TryParse<D.Employees.ContractState>(row.Status, out var state) ? Enums.ToApi(state) : V1.ContractState.Unspecified,
    };
}
