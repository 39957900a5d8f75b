using Grpc.Core;
using Personnel.Api.V1;

namespace Personnel.Server.Tests;

/// <summary>A department's staff, page by page (EmployeeService.ListEmployees), over gRPC and JSON.</summary>
public sealed class ListEmployeesTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_departments_staff_come_in_id_order_a_page_at_a_time_and_over_json()
    {
        await server.DepartmentAsync("list-a");
        foreach (var id in new[] { "la-3", "la-1", "la-2" })
        {
            await server.Admin.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment(id, "list-a", "2024-01-02", Post.Staff));
        }

        await server.Admin.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("lb-1", "bay", "2024-01-02", Post.Staff));
        var reader = server.As(await server.KeyAsync(Role.Reader));

        var first = await reader.Call<ListEmployeesRequest, ListEmployeesResponse>(new ListEmployeesRequest { DepartmentId = "list-a", PageSize = 2 });
        var second = await reader.Call<ListEmployeesRequest, ListEmployeesResponse>(
            new ListEmployeesRequest { DepartmentId = "list-a", PageSize = 2, PageToken = first.NextPageToken });
        var badToken = await reader.Refused<ListEmployeesRequest, ListEmployeesResponse>(new ListEmployeesRequest { DepartmentId = "list-a", PageToken = "%%" });
        using var http = new HttpClient { BaseAddress = server.WebAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ServerFixture.AdminToken);
        var json = await http.GetStringAsync("/v1/departments/list-a/employees");

        Assert.Equal(["la-1", "la-2"], first.Employees.Select(e => e.EmployeeId));
        Assert.NotEmpty(first.NextPageToken);
        Assert.Equal(["la-3"], second.Employees.Select(e => e.EmployeeId));
        Assert.Empty(second.NextPageToken);
        Assert.Equal(("Name of la-3", "list-a", Post.Staff), (second.Employees[0].Name, second.Employees[0].DepartmentId, second.Employees[0].PostLevel.Post));
        Assert.Equal(StatusCode.InvalidArgument, badToken.StatusCode);
        Assert.Contains("\"la-1\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("lb-1", json, StringComparison.Ordinal);
    }
}
