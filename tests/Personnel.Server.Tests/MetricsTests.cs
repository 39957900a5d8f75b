using System.Diagnostics.Metrics;
using System.Net;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Personnel.Api.V1;
using Personnel.Server.Hosting;

namespace Personnel.Server.Tests;

/// <summary>The server with <c>--Metrics:Enabled true</c> and the default access (an admin key).</summary>
public sealed class MetricsServerFixture : ServerFixture
{
    protected override IEnumerable<string> ExtraArguments => ["--Metrics:Enabled", "true"];
}

/// <summary>
/// <c>/metrics</c> when enabled (docs/metrics.md): ASP.NET Core's and the runtime's series and the service's refusal counter
/// in Prometheus' text format, for an admin key on the HTTP/1.1 port only; this host's meters only, however many hosts share
/// the process.
/// </summary>
public sealed class MetricsTests(MetricsServerFixture server) : IClassFixture<MetricsServerFixture>
{
    private const string Duration = "http_server_request_duration_seconds_count";
    private const string Refusals = "personnel_refusals_total";

    [Fact]
    public async Task An_admin_scrape_counts_each_json_call_under_its_route_beside_the_runtime_series()
    {
        using var http = Scrape.Client(server.WebAddress, ServerFixture.AdminToken);
        string[] route = ["http_route=\"/v1/keys/self\"", "http_response_status_code=\"200\"", "network_protocol_version=\"1.1\""];
        var before = Scrape.Value(await http.GetStringAsync(ServerMetrics.Path), Duration, route);

        for (var i = 0; i < 3; i++)
        {
            (await http.GetAsync("/v1/keys/self")).Dispose();
        }

        using var response = await http.GetAsync(ServerMetrics.Path);
        var exposition = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.OK, "text/plain"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", exposition, StringComparison.Ordinal);
        Assert.Equal(before + 3, Scrape.Value(exposition, Duration, route));
        Assert.True(Scrape.Value(exposition, "dotnet_process_cpu_time_seconds_total", "cpu_mode=\"user\"") > 0, exposition);
    }

    [Fact]
    public async Task Each_refused_call_is_counted_once_by_status_and_reason()
    {
        using var http = Scrape.Client(server.WebAddress, ServerFixture.AdminToken);
        string[] role = ["status=\"PERMISSION_DENIED\"", "reason=\"ROLE_NOT_ALLOWED\""];
        string[] missing = ["status=\"UNAUTHENTICATED\"", "reason=\"API_KEY_MISSING\""];
        string[] rule = ["status=\"NOT_FOUND\"", "reason=\"EMPLOYEE_MUST_EXIST\""];
        var before = await http.GetStringAsync(ServerMetrics.Path);
        var reader = server.As(await server.KeyAsync(Role.Reader));

        await reader.Refused<ListApiKeysRequest, ListApiKeysResponse>(new ListApiKeysRequest());
        await reader.Refused<ListApiKeysRequest, ListApiKeysResponse>(new ListApiKeysRequest());
        await server.As(null).Refused<ListApiKeysRequest, ListApiKeysResponse>(new ListApiKeysRequest());
        var notFound = await server.Admin.Refused<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "metrics-nobody" });
        var after = await http.GetStringAsync(ServerMetrics.Path);

        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(
            (Scrape.Value(before, Refusals, role) + 2, Scrape.Value(before, Refusals, missing) + 1, Scrape.Value(before, Refusals, rule) + 1),
            (Scrape.Value(after, Refusals, role), Scrape.Value(after, Refusals, missing), Scrape.Value(after, Refusals, rule)));
    }

    [Fact]
    public async Task Orleans_series_count_the_grains_active_on_this_silo()
    {
        using var http = Scrape.Client(server.WebAddress, ServerFixture.AdminToken);
        await server.Admin.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("metrics-e1", "lake", "2024-03-01"));

        var exposition = await http.GetStringAsync(ServerMetrics.Path);

        Assert.True(Scrape.Value(exposition, "orleans_grains", "otel_scope_name=\"Microsoft.Orleans\"", "grain_type=\"employee\"") >= 1, exposition);
    }

    [Fact]
    public async Task A_meter_made_by_another_host_in_the_process_is_not_reported()
    {
        using var http = Scrape.Client(server.WebAddress, ServerFixture.AdminToken);
        await using var otherHost = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var otherMeter = otherHost.GetRequiredService<IMeterFactory>().Create(ServerInstruments.MeterName);
        otherMeter.CreateCounter<long>("personnel.refusals").Add(1, new KeyValuePair<string, object?>("reason", "OTHER_HOST"));

        var exposition = await http.GetStringAsync(ServerMetrics.Path);

        Assert.DoesNotContain("OTHER_HOST", exposition, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", exposition, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "API_KEY_MISSING")]
    [InlineData("admin.not-the-secret", HttpStatusCode.Unauthorized, "API_KEY_INVALID")]
    [InlineData("reader", HttpStatusCode.Forbidden, "ROLE_NOT_ALLOWED")]
    public async Task A_scrape_without_an_admin_key_is_refused_naming_the_reason_and_shows_no_series(string? token, HttpStatusCode status, string reason)
    {
        using var http = Scrape.Client(server.WebAddress, token == "reader" ? await server.KeyAsync(Role.Reader) : token);

        using var response = await http.GetAsync(ServerMetrics.Path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith(reason + ": ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("# TYPE", body, StringComparison.Ordinal);
        Assert.Equal(status == HttpStatusCode.Unauthorized ? "Bearer" : null, response.Headers.WwwAuthenticate.SingleOrDefault()?.Scheme);
    }

    [Fact]
    public async Task The_scrape_endpoint_is_not_served_on_the_grpc_port()
    {
        using var h2c = new HttpClient();
        using var onGrpc = new HttpRequestMessage(HttpMethod.Get, new Uri(server.GrpcAddress, ServerMetrics.Path))
        {
            Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        onGrpc.Headers.Authorization = new("Bearer", ServerFixture.AdminToken);
        using var web = Scrape.Client(server.WebAddress, ServerFixture.AdminToken);

        using var refused = await h2c.SendAsync(onGrpc);
        using var served = await web.GetAsync(ServerMetrics.Path);

        Assert.Equal((HttpStatusCode.NotFound, new Version(2, 0)), (refused.StatusCode, refused.Version));
        Assert.Equal("", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }
}
