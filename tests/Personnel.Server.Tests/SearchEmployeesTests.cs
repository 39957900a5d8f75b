using Grpc.Core;
using Personnel.Api.V1;

namespace Personnel.Server.Tests;

/// <summary>SearchEmployees (the web console's 员工 search) and GetCallerKey (who is signed in), through real gRPC.</summary>
public sealed class SearchEmployeesTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task An_exact_id_comes_first_then_id_prefixes_and_parts_of_names_in_id_order()
    {
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        foreach (var (id, name) in new[] { ("ferry-1", "陈晓明"), ("ferry-10", "Li Ferry"), ("ferry-2", "王晓红"), ("gc-9", "Zhao Ferryman") })
        {
            var appointment = Build.Appointment(id, "ferry", "2024-03-01");
            appointment.Name = name;
            await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(appointment);
        }

        var reader = server.As(await server.KeyAsync(Role.Reader));
        var byId = await reader.Call<SearchEmployeesRequest, SearchEmployeesResponse>(new SearchEmployeesRequest { Query = "ferry-1" });
        var byName = await reader.Call<SearchEmployeesRequest, SearchEmployeesResponse>(new SearchEmployeesRequest { Query = "晓" });
        var mixed = await reader.Call<SearchEmployeesRequest, SearchEmployeesResponse>(new SearchEmployeesRequest { Query = "FERRY", PageSize = 3 });

        Assert.Equal(["ferry-1", "ferry-10"], byId.Matches.Select(m => m.EmployeeId));
        Assert.Equal(("陈晓明", "ferry", ContractState.Appointed), (byId.Matches[0].Name, byId.Matches[0].DepartmentId, byId.Matches[0].State));
        Assert.Equal(new PostLevel { Post = Post.DeputySectionChief, GradeLevel = 6, Step = 5 }, byId.Matches[0].PostLevel);
        Assert.Equal(["ferry-1", "ferry-2"], byName.Matches.Select(m => m.EmployeeId));
        Assert.False(byName.Truncated);
        Assert.Equal(["ferry-1", "ferry-10", "ferry-2"], mixed.Matches.Select(m => m.EmployeeId));
        Assert.True(mixed.Truncated);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("x", 101)]
    [InlineData("x", -1)]
    public async Task An_empty_query_or_a_page_size_out_of_range_is_invalid(string query, int pageSize)
    {
        var reader = server.As(await server.KeyAsync(Role.Reader));

        var refused = await reader.Refused<SearchEmployeesRequest, SearchEmployeesResponse>(new SearchEmployeesRequest { Query = query, PageSize = pageSize });

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith(query.Trim().Length == 0 ? "query" : "page_size", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_role_learns_its_own_key_and_never_a_secret()
    {
        var hr = await server.KeyAsync(Role.Hr, "roads");

        var self = await server.As(hr).Call<GetCallerKeyRequest, GetCallerKeyResponse>(new GetCallerKeyRequest());
        var admin = await server.Admin.Call<GetCallerKeyRequest, GetCallerKeyResponse>(new GetCallerKeyRequest());

        Assert.Equal((hr.Split('.')[0], Role.Hr, "roads"), (self.KeyId, self.Role, self.DepartmentId));
        Assert.Equal((Role.Admin, ""), (admin.Role, admin.DepartmentId));
        Assert.DoesNotContain(hr.Split('.')[1], self.ToString(), StringComparison.Ordinal);
    }
}
