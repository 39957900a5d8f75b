using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Personnel.Server.Auth;

namespace Personnel.Server.Hosting;

/// <summary>
/// Metrics through OpenTelemetry, served in Prometheus' text format at <c>/metrics</c> on the HTTP/1.1 port only
/// (docs/metrics.md): ASP.NET Core's (requests by route and status, connections), the .NET runtime's (GC, thread pool,
/// CPU), Orleans' (the meter <c>Microsoft.Orleans</c>: activations, messaging, membership) and the service's own
/// (<see cref="ServerInstruments"/>). Off unless <c>--Metrics:Enabled true</c>; then a scrape needs an admin key, unless
/// <c>--Metrics:Access open</c>.
/// </summary>
public static partial class ServerMetrics
{
    /// <summary>The path Prometheus scrapes.</summary>
    public const string Path = "/metrics";

    /// <summary>The meter Orleans 10 publishes its instruments on (<c>OrleansInstruments</c> in Orleans.Core).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The <c>service.name</c> of the resource, reported as the <c>target_info</c> series.</summary>
    private const string ServiceName = "personnel";

    /// <summary>Registers the service's meter (always: <see cref="Auth.AccessInterceptor"/> counts on it) and, when metrics are
    /// enabled, OpenTelemetry's metrics pipeline with the Prometheus exporter. An unknown <c>Metrics:Access</c> is refused here,
    /// at start, whether or not metrics are enabled.</summary>
    public static void AddPersonnelMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServerInstruments>();
        var options = builder.Configuration.GetSection("Metrics").Get<MetricsOptions>() ?? new MetricsOptions();
        _ = options.IsOpen;
        builder.Services.AddSingleton(options);
        if (!options.Enabled)
        {
            return;
        }

        if (Endpoints.SetByKestrel(builder.Configuration))
        {
            throw new InvalidOperationException(
                "Metrics:Enabled serves /metrics on the HTTP/1.1 port of --Web:Urls only, but Kestrel:Endpoints configures the "
                + "listeners, so that port is not known: listen with --urls and --Web:Urls instead, or leave metrics off.");
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OrleansMeter, ServerInstruments.MeterName)
                // Each scrape collects afresh: one or two Prometheus servers scrape every 15 s or so, and a cached answer would
                // only hide what happened since the last one.
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) =>
            metrics.AddView(OwnHostOnly(services.GetRequiredService<IMeterFactory>())));
    }

    /// <summary>Maps <see cref="Path"/> when metrics are enabled, behind <see cref="MetricsGate"/>; warns once when anyone who
    /// reaches the port may scrape.</summary>
    public static void MapPersonnelMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<MetricsOptions>();
        if (!options.Enabled)
        {
            return;
        }

        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        var open = options.IsOpen;
        if (open)
        {
            LogOpenAccess(loggers.CreateLogger(typeof(ServerMetrics).FullName!), Path);
        }

        var gate = new MetricsGate(app.Services.GetRequiredService<Endpoints>(), open ? null : app.Services.GetRequiredService<ApiKeyRegistry>(),
            loggers.CreateLogger<MetricsGate>());
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, branch => branch.Use(gate.AdmitAsync), optionsName: null);
    }

    /// <summary>
    /// A meter made by another host's factory is that host's to report. In one process every listener hears every meter,
    /// so two servers in one process (the tests start many) would otherwise each report the other's requests; meters that
    /// belong to the process (the runtime's) have no factory and are kept.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OwnHostOnly(IMeterFactory own) =>
        instrument => instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, own) ? MetricStreamConfiguration.Drop : null;

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning,
        Message = "Metrics:Access is open: anyone who reaches the HTTP/1.1 port can read {Path} without a key. Use it only for a scraper inside a private network.")]
    private static partial void LogOpenAccess(ILogger logger, string path);
}
