using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Personnel.Api.V1;

namespace Personnel.Server.Tests;

/// <summary>
/// What the web console needs of the HTTP/1.1 port, without a browser: its files at <c>/</c> (no key, a strict
/// Content-Security-Policy), and the JSON routes it calls beyond the read RPCs — the caller's own key, the employee search
/// and the POST of a department's assessment, refused to a reader as any RPC is.
/// </summary>
public sealed class WebConsoleHostingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/index.html", "text/html")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    public async Task The_console_files_are_served_without_a_key_under_a_content_security_policy(string path, string mediaType)
    {
        using var http = Client(token: null);

        using var response = await http.GetAsync(path);

        Assert.Equal((HttpStatusCode.OK, mediaType), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_path_that_is_neither_a_console_file_nor_a_route_is_404()
    {
        using var http = Client(token: null);

        using var response = await http.GetAsync("/secrets.txt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AM17_party_affairs_posts_an_assessment_as_json_and_a_reader_is_refused_with_nothing_written()
    {
        await server.DepartmentAsync("web-dept", "2020-01-01");
        var body = """{"requestId":"web-assess-1","year":2024,"tier":"DEPARTMENT_TIER_3","decidedOn":{"year":2025,"month":1,"day":15}}""";
        using var reader = Client(await server.KeyAsync(Role.Reader));
        using var party = Client(await server.KeyAsync(Role.PartyAffairs));

        using var refused = await reader.PostAsync("/v1/departments/web-dept/assessments", Json(body));
        var afterRefusal = await server.Admin.Call<GetDepartmentRequest, GetDepartmentResponse>(new GetDepartmentRequest { DepartmentId = "web-dept" });
        using var recorded = await party.PostAsync("/v1/departments/web-dept/assessments", Json(body));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var refusal = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.Equal("ROLE_NOT_ALLOWED", refusal.RootElement.GetProperty("details")[0].GetProperty("reason").GetString());
        }

        Assert.Empty(afterRefusal.Department.Assessments);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        using var answer = JsonDocument.Parse(await recorded.Content.ReadAsStringAsync());
        Assert.True(answer.RootElement.GetProperty("yellowCard").GetBoolean());
        Assert.Equal("DEPARTMENT_TIER_3", answer.RootElement.GetProperty("assessment").GetProperty("tier").GetString());
    }

    [Fact]
    public async Task The_caller_key_and_the_employee_search_answer_json()
    {
        await server.Admin.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("web-e1", "lake", "2024-03-01"));
        var token = await server.KeyAsync(Role.Hr, "lake");
        using var hr = Client(token);

        using var self = JsonDocument.Parse(await hr.GetStringAsync("/v1/keys/self"));
        using var found = JsonDocument.Parse(await hr.GetStringAsync("/v1/employees?query=Name%20of%20web-e&page_size=5"));

        Assert.Equal(token.Split('.')[0], self.RootElement.GetProperty("keyId").GetString());
        Assert.Equal(("ROLE_HR", "lake"), (self.RootElement.GetProperty("role").GetString(), self.RootElement.GetProperty("departmentId").GetString()));
        var match = Assert.Single(found.RootElement.GetProperty("matches").EnumerateArray());
        Assert.Equal(("web-e1", "lake"), (match.GetProperty("employeeId").GetString(), match.GetProperty("departmentId").GetString()));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private HttpClient Client(string? token)
    {
        var http = new HttpClient { BaseAddress = server.WebAddress, DefaultRequestVersion = HttpVersion.Version11 };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }
}
