using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Personnel.Server.Hosting;

namespace Personnel.Server.Tests;

/// <summary>The metrics settings (docs/metrics.md): off unless enabled, <c>open</c> access warned about at start, and a
/// setting the server cannot honour stopping the start before anything is written.</summary>
public sealed class MetricsConfigurationTests
{
    [Fact]
    public async Task Open_access_serves_the_scrape_without_a_key_and_warns_at_start()
    {
        var log = new ConcurrentQueue<(LogLevel Level, string Text)>();
        var directory = Path.Combine(Path.GetTempPath(), "personnel-metrics-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var app = await ServerHost.BuildAsync(
                [
                    "--urls", "http://127.0.0.1:0", "--Web:Urls", "http://127.0.0.1:0", "--Storage:ConnectionString", Path.Combine(directory, "p.db"),
                    "--Metrics:Enabled", "true", "--Metrics:Access", "open",
                ],
                builder => builder.Logging.AddProvider(new CapturingLoggerProvider((_, level, text) => log.Enqueue((level, text)))));
            await app.StartAsync();
            using var http = Scrape.Client(new Uri(app.Services.GetRequiredService<Endpoints>().Web[0]), token: null);

            using var response = await http.GetAsync(ServerMetrics.Path);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("# TYPE dotnet_process_cpu_time_seconds_total counter", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Single(log, line => line.Level == LogLevel.Warning && line.Text.StartsWith("Metrics:Access is open", StringComparison.Ordinal));
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("--Metrics:Access", "public", "Metrics:Access 'public' is not known: use admin")]
    [InlineData("--Kestrel:Endpoints:Web:Url", "http://127.0.0.1:0", "Kestrel:Endpoints configures the listeners")]
    public async Task A_metrics_setting_the_server_cannot_honour_stops_the_start_naming_it_and_writes_nothing(string option, string value, string expected)
    {
        var database = Path.Combine(Path.GetTempPath(), "personnel-metrics-" + Guid.NewGuid().ToString("N") + ".db");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ServerHost.BuildAsync(["--Storage:ConnectionString", database, "--Metrics:Enabled", "true", option, value]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }
}

/// <summary>Metrics are off by default: no <c>/metrics</c>, even for an admin key on the HTTP/1.1 port.</summary>
public sealed class MetricsOffByDefaultTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Without_Metrics_Enabled_the_path_is_404_for_an_admin()
    {
        using var http = Scrape.Client(server.WebAddress, ServerFixture.AdminToken);
        using var self = await http.GetAsync("/v1/keys/self");

        using var response = await http.GetAsync(ServerMetrics.Path);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (self.StatusCode, response.StatusCode));
    }
}
