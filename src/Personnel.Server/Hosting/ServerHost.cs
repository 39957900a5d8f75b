using Microsoft.AspNetCore.Server.Kestrel.Core;
using Personnel.Domain.Profiles;
using Personnel.Grains;
using Personnel.Grains.Runtime;
using Personnel.Rpc;
using Personnel.Server.Auth;
using Personnel.Server.Services;
using Personnel.Storage;

namespace Personnel.Server.Hosting;

/// <summary>Builds the server: configuration, storage, auth and every personnel.v1 service.</summary>
public static class ServerHost
{
    /// <summary>The address served when none is configured (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, Kestrel endpoints).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>Builds the application. <paramref name="configure"/> lets tests replace services (the clock) before the build.</summary>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // gRPC needs HTTP/2; over plain TCP that means h2c (prior knowledge), so HTTP/1 is off. Over
        // TLS (a certificate in Kestrel:Certificates:Default or an https endpoint) ALPN picks h2 as well.
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));

        // The hosting layer's request-start/finish lines (Information) are off: while its logger is enabled at all, every
        // call opens a logging scope and a diagnostics Activity, a sizeable share of a read's server CPU. Failed calls are
        // still logged by Kestrel and by the RPC layer.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection("Storage"));
        builder.Services.Configure<PolicyOptions>(builder.Configuration.GetSection("Policy"));
        builder.Services.AddPersonnelRpc(_ => { });
        configure?.Invoke(builder);

        var storageOptions = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var profile = LoadProfile(builder.Configuration.GetSection("Policy").Get<PolicyOptions>());
        builder.Services.AddSingleton(profile);
        builder.Services.AddSingleton<ShanghaiClock>();
        builder.Services.AddSingleton<StoreHolder>();
        builder.Services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<StoreHolder>().Store);
        // The grains over the same store; the container disposes the cluster (stopping every activation)
        // before the store, since it was made after it.
        builder.Services.AddSingleton(sp => PersonnelCluster.Start(sp.GetRequiredService<IEventStore>(), profile, new PersonnelClusterOptions
        {
            TimeProvider = sp.GetRequiredService<TimeProvider>(),
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
            OutboxPeriod = builder.Configuration.GetValue("Grains:OutboxPeriod", TimeSpan.FromSeconds(5)),
        }));
        builder.Services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<PersonnelCluster>());
        builder.Services.AddSingleton<ApiKeyRegistry>();
        ServiceRegistration.AddPersonnelServices(builder.Services);

        var app = builder.Build();
        var timeProvider = app.Services.GetRequiredService<TimeProvider>();
        var store = await StorageFactory.OpenAsync(storageOptions, builder.Environment.ContentRootPath, timeProvider,
            app.Services.GetRequiredService<ILoggerFactory>(), cancellationToken).ConfigureAwait(false);
        StoreHolder.Attach(app, store);

        // Started now, not on the first call, so the leadership-adjustment outbox is delivered from the start.
        var cluster = app.Services.GetRequiredService<PersonnelCluster>();
        await cluster.RebuildRotationTimelinesIfNeededAsync(cancellationToken).ConfigureAwait(false);
        var keys = app.Services.GetRequiredService<ApiKeyRegistry>();
        // Environment variables are configuration too, so PERSONNEL_ADMIN_KEY works from the environment or the command line.
        await keys.InitializeAsync(builder.Configuration[ApiKeyRegistry.AdminKeyVariable], cancellationToken)
            .ConfigureAwait(false);

        app.UseRouting();
        app.UseMiddleware<AuthenticationMiddleware>();
        ServiceRegistration.MapPersonnelServices(app);
        app.MapGrpcHealthService();
        app.MapGrpcReflectionService();
        return app;
    }

    private static PolicyProfile LoadProfile(PolicyOptions? options)
    {
        if (options?.ProfileFile is { Length: > 0 } file)
        {
            try
            {
                return PolicyProfiles.Parse(File.ReadAllText(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Domain.Common.RuleViolationException)
            {
                throw new InvalidOperationException($"Policy:ProfileFile '{file}' cannot be used: {e.Message}", e);
            }
        }

        var name = options?.Profile;
        if (string.IsNullOrWhiteSpace(name))
        {
            return PolicyProfiles.Default;
        }

        if (!PolicyProfiles.Names.Contains(name, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"Policy:Profile '{name}' is not a known profile; known profiles: {string.Join(", ", PolicyProfiles.Names)}.");
        }

        return PolicyProfiles.Load(name);
    }
}
