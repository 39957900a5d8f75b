using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Personnel.Server.Hosting;

namespace Personnel.Tests.Shared;

/// <summary>
/// The real server (Personnel.Server's own composition root) on a free loopback port, over a fresh SQLite file,
/// with <see cref="AdminKey"/> as its bootstrap admin key. Other processes (python, the CLI) can call it.
/// </summary>
public sealed class LiveServer : IAsyncDisposable
{
    /// <summary>The admin key every test server starts with (PERSONNEL_ADMIN_KEY on a new database).</summary>
    public const string AdminKey = "test-admin-key-7f3a9c";

    // The admin key travels through the process environment, which test classes running in parallel share:
    // one server is built at a time so each reads its own key.
    private static readonly SemaphoreSlim BuildLock = new(1, 1);

    private readonly WebApplication _app;
    private readonly DirectoryInfo _directory;

    private LiveServer(WebApplication app, DirectoryInfo directory, Uri address)
    {
        _app = app;
        _directory = directory;
        Address = address;
    }

    /// <summary>Gets the server's address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address { get; }

    /// <summary>Starts a server whose new database gets <paramref name="adminKey"/> (default <see cref="AdminKey"/>) as its admin key.</summary>
    public static async Task<LiveServer> StartAsync(string adminKey = AdminKey)
    {
        var directory = Directory.CreateTempSubdirectory("personnel-client-test-");
        WebApplication app;
        await BuildLock.WaitAsync().ConfigureAwait(false);
        try
        {
            // The server reads the bootstrap key from the environment, once, while it is built.
            Environment.SetEnvironmentVariable("PERSONNEL_ADMIN_KEY", adminKey);
            app = await ServerHost.BuildAsync(
                ["--urls", "http://127.0.0.1:0", "--Web:Urls", "http://127.0.0.1:0", "--Storage:ConnectionString", Path.Combine(directory.FullName, "personnel.db")],
                builder => builder.Logging.ClearProviders()).ConfigureAwait(false);
        }
        finally
        {
            BuildLock.Release();
        }

        await app.StartAsync().ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<Endpoints>().Grpc[0];
        return new LiveServer(app, directory, new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A WAL file still closing: the temp directory is left for the OS to clean.
        }
    }
}
