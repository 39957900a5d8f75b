using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Personnel.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Personnel.Server.Hosting;

namespace Personnel.Server.Tests;

/// <summary>
/// PERSONNEL_ADMIN_KEY given for an existing database is never silently ignored: with a live admin key it is not used and a
/// warning says what to do; with every admin key revoked it is adopted as a new admin key. The value never reaches the log.
/// </summary>
public sealed class AdminKeyAdoptionTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "personnel-adminkey-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_second_key_is_refused_with_a_warning_while_an_admin_key_lives_and_adopted_once_every_admin_key_is_revoked()
    {
        Directory.CreateDirectory(_directory);
        const string First = "first-admin-token-0123456789";
        const string Second = "second-admin-token-9876543210";
        await using (var first = await StartAsync(First))
        {
            await first.Client(First).Call<ListApiKeysRequest, ListApiKeysResponse>(new ListApiKeysRequest());
        }

        await using (var second = await StartAsync(Second))
        {
            Assert.Contains(second.Log, l => l.Level == LogLevel.Warning && l.Text.Contains("NOT used", StringComparison.Ordinal)
                && l.Text.Contains("personnel keys create", StringComparison.Ordinal));
            var refused = await Assert.ThrowsAsync<RpcException>(() => second.Client(Second).Call<ListApiKeysRequest, ListApiKeysResponse>(new ListApiKeysRequest()));
            Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
            await second.Client(First).Call<RevokeApiKeyRequest, RevokeApiKeyResponse>(new RevokeApiKeyRequest { RequestId = "revoke-admin", KeyId = "admin" });
        }

        await using (var third = await StartAsync(Second))
        {
            Assert.Contains(third.Log, l => l.Level == LogLevel.Warning && l.Text.Contains("no live admin key", StringComparison.Ordinal));
            var keys = await third.Client(Second).Call<ListApiKeysRequest, ListApiKeysResponse>(new ListApiKeysRequest());
            Assert.Equal(1, keys.Keys.Count(k => k.Role == Role.Admin && !k.Revoked));
            Assert.DoesNotContain(third.Log, l => l.Text.Contains(Second, StringComparison.Ordinal) || l.Text.Contains(First, StringComparison.Ordinal));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task<Running> StartAsync(string adminToken)
    {
        var log = new ConcurrentQueue<(LogLevel Level, string Text)>();
        var app = await ServerHost.BuildAsync(
            [
                "--urls", "http://127.0.0.1:0", "--Web:Urls", "http://127.0.0.1:0", "--PERSONNEL_ADMIN_KEY", adminToken,
                "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Personnel", "Information",
                "--Storage:ConnectionString", Path.Combine(_directory, "personnel.db"),
            ],
            builder => builder.Logging.AddProvider(new CapturingLoggerProvider((_, level, text) => log.Enqueue((level, text)))));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Endpoints>().Grpc[0];
        return new Running(app, GrpcChannel.ForAddress(address), log);
    }

    private sealed record Running(WebApplication App, GrpcChannel Channel, ConcurrentQueue<(LogLevel Level, string Text)> Log) : IAsyncDisposable
    {
        public Client Client(string token) => new(Channel.CreateCallInvoker(), token);

        public async ValueTask DisposeAsync()
        {
            Channel.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
