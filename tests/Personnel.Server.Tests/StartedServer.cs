using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Personnel.Server.Hosting;

namespace Personnel.Server.Tests;

/// <summary>
/// A server a test starts and stops itself, on storage it chooses (a file to restore, a database to reopen), with the
/// test clock and no HTTP/1.1 port; for tests whose subject is the start-up or the storage, not one fixture's life.
/// </summary>
internal sealed record StartedServer(WebApplication App, GrpcChannel Channel, Client Client) : IAsyncDisposable
{
    public static async Task<StartedServer> StartAsync(string adminToken, params string[] storage)
    {
        var app = await ServerHost.BuildAsync(
            [
                "--urls", "http://127.0.0.1:0", "--Web:Urls", "none", "--PERSONNEL_ADMIN_KEY", adminToken, "--Logging:LogLevel:Default", "Warning", .. storage,
            ],
            builder => builder.Services.AddKeyedSingleton<TimeProvider>(Hosting.ShanghaiClock.Key, new ManualClock()));
        await app.StartAsync();
        var channel = GrpcChannel.ForAddress(app.Services.GetRequiredService<Endpoints>().Grpc[0]);
        return new StartedServer(app, channel, new Client(channel.CreateCallInvoker(), adminToken));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
