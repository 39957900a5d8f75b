using Grpc.Core;
using Personnel.Server.Mapping;
using Personnel.Grains.Queries;
using V1 = Personnel.Api.V1;

namespace Personnel.Server.Services;

/// <summary>Search by id or name (the web console's 员工 / Employee view): people know a colleague's name, not their id.</summary>
public sealed partial class EmployeeService
{
    private const int DefaultSearchPage = 20;

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

        var found = await directory.SearchAsync(query, request.PageSize == 0 ? DefaultSearchPage : request.PageSize, context.CancellationToken)
            .ConfigureAwait(false);
        var response = new V1.SearchEmployeesResponse { Truncated = found.Truncated };
        response.Matches.AddRange(found.Matches.Select(ToMatch));
        return response;
    }

    public override async Task<V1.ListEmployeesResponse> ListEmployees(V1.ListEmployeesRequest request, ServerCallContext context)
    {
        var department = request.DepartmentId.Length == 0 ? null : GrainCalls.Id(request.DepartmentId, "department_id");
        var limit = Pages.Size(request.PageSize, 100);

        // The cursor is the last employee id of the previous page, as the rows are in id order.
        var after = Pages.Cursor(request.PageToken);
        var rows = await directory.ListAsync(department, after, limit + 1, context.CancellationToken).ConfigureAwait(false);
        var response = new V1.ListEmployeesResponse();
        response.Employees.AddRange(rows.Take(limit).Select(ToMatch));
        if (rows.Count > limit)
        {
            response.NextPageToken = Pages.Token(rows[limit - 1].EmployeeId);
        }

        return response;
    }

    private static V1.EmployeeMatch ToMatch(EmployeeListing employee) => new()
    {
        EmployeeId = employee.EmployeeId,
        Name = employee.Name,
        DepartmentId = employee.DepartmentId,
        PostLevel = EmployeeMapping.ToApi(employee),
        State = employee.State is { } state ? Enums.ToApi(state) : V1.ContractState.Unspecified,
    };
}
