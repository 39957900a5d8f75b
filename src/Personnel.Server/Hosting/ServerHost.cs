using Grpc.AspNetCore.Web;
using Personnel.Domain.Profiles;
using Personnel.Grains;
using Orleans;
using Personnel.Server.Auth;
using Personnel.Server.Services;
using Personnel.Storage;

namespace Personnel.Server.Hosting;

/// <summary>Builds the server: configuration, storage, auth and every personnel.v1 service.</summary>
public static class ServerHost
{
    /// <summary>The gRPC address served when none is configured (<c>--urls</c>).</summary>
    public const string DefaultUrl = Endpoints.DefaultGrpcUrl;

    /// <summary>Builds the application. <paramref name="configure"/> lets tests replace services (the clock) before the build.</summary>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton(Endpoints.Configure(builder));

        // No line per call at Information: the hosting layer's request start/finish, routing's "Executing endpoint" and
        // Grpc.AspNetCore's own per-call lines are off (while enabled at all, the first also costs a logging scope and an
        // Activity per call). A refused call is logged once, by AccessInterceptor; a failed one by Grpc.AspNetCore (Error).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc.AspNetCore.Server", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc.AspNetCore.Grpc.JsonTranscoding", LogLevel.Warning);
        // The web console's files are requests like any other: no line each.
        builder.Logging.AddFilter("Microsoft.AspNetCore.StaticFiles", LogLevel.Warning);
        // Orleans says what it does at Information (each start-up stage, each membership read); warnings and errors stay.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddKeyedSingleton(ShanghaiClock.Key, TimeProvider.System);
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection("Storage"));
        builder.Services.Configure<PolicyOptions>(builder.Configuration.GetSection("Policy"));
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<AccessInterceptor>()).AddJsonTranscoding(json =>
            json.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(Google.Rpc.ErrorInfo.Descriptor, Google.Rpc.BadRequest.Descriptor));
        StrictServiceMethodProvider<object>.Replace(builder.Services);
        builder.Services.AddSingleton<AccessInterceptor>();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<StorageHealthCheck>("storage");
        builder.AddPersonnelMetrics();
        configure?.Invoke(builder);

        var storageOptions = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var profile = LoadProfile(builder.Configuration.GetSection("Policy").Get<PolicyOptions>());
        builder.Services.AddSingleton(profile);
        builder.Services.AddSingleton<ShanghaiClock>();
        builder.Services.AddSingleton<StoreHolder>();
        builder.Services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<StoreHolder>().Store);
        // The silo in this process: the grains over the same store (opened below, before the host starts the silo).
        Silo.Configure(builder, storageOptions, StorageFactory.OrleansDatabase(storageOptions, builder.Environment.ContentRootPath));
        builder.Services.AddSingleton<ApiKeyRegistry>();
        ServiceRegistration.AddPersonnelServices(builder.Services);

        var app = builder.Build();
        var timeProvider = app.Services.GetRequiredKeyedService<TimeProvider>(ShanghaiClock.Key);
        var store = await StorageFactory.OpenAsync(storageOptions, builder.Environment.ContentRootPath, timeProvider,
            app.Services.GetRequiredService<ILoggerFactory>(), cancellationToken).ConfigureAwait(false);
        StoreHolder.Attach(app, store);
        await StorageFactory.EnsureOrleansTablesAsync(storageOptions, builder.Environment.ContentRootPath, timeProvider,
            app.Services.GetRequiredService<ILoggerFactory>(), cancellationToken).ConfigureAwait(false);

        var keys = app.Services.GetRequiredService<ApiKeyRegistry>();
        // Environment variables are configuration too, so PERSONNEL_ADMIN_KEY works from the environment or the command line.
        await keys.InitializeAsync(builder.Configuration[ApiKeyRegistry.AdminKeyVariable], cancellationToken)
            .ConfigureAwait(false);

        app.UseJsonDateQuery();
        app.UseWebConsole();
        app.UseRouting();
        // gRPC-Web for browsers, on every service; JSON over HTTP comes from the google.api.http routes of the protos.
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        ServiceRegistration.MapPersonnelServices(app);
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapPersonnelMetrics();
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
