using System.Collections.Concurrent;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Personnel.Api.V1;
using Personnel.Server.Hosting;

namespace Personnel.Server.Tests;

/// <summary>What the log says about calls at the default level (Information): nothing for a call that succeeds, one line
/// for each refused call with its status, reason, article and the caller's key id — never the key itself.</summary>
public sealed class CallLoggingTests : IAsyncLifetime
{
    private const string Token = "logging-admin-key-0123456789";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "personnel-logging-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Text)> _log = new();
    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _app = await ServerHost.BuildAsync(
            [
                "--urls", "http://127.0.0.1:0", "--Web:Urls", "http://127.0.0.1:0", "--PERSONNEL_ADMIN_KEY", Token,
                "--Storage:ConnectionString", Path.Combine(_directory, "personnel.db"),
            ],
            builder =>
            {
                builder.Logging.ClearProviders();
                builder.Logging.AddProvider(new CapturingLoggerProvider((category, level, text) => _log.Enqueue((category, level, text))));
            });
        await _app.StartAsync();
        _channel = GrpcChannel.ForAddress(_app.Services.GetRequiredService<Endpoints>().Grpc[0]);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_successful_call_logs_nothing_and_each_refusal_logs_one_line_with_reason_article_and_key_id()
    {
        var admin = new Client(_channel.CreateCallInvoker(), Token);
        await admin.Call<ListApiKeysRequest, ListApiKeysResponse>(new ListApiKeysRequest());
        _log.Clear();

        await admin.Call<ListApiKeysRequest, ListApiKeysResponse>(new ListApiKeysRequest());
        var afterSuccess = _log.ToList();
        await admin.Refused<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "log-nobody" });
        await new Client(_channel.CreateCallInvoker(), "admin.not-the-secret").Refused<ListApiKeysRequest, ListApiKeysResponse>(new ListApiKeysRequest());

        Assert.Empty(afterSuccess);
        var lines = _log.Where(l => l.Level >= LogLevel.Information).Select(l => l.Text).ToList();
        Assert.True(lines.Count == 2, string.Join("\n", _log.Where(l => l.Level >= LogLevel.Information).Select(l => l.Category + ": " + l.Text)));
        Assert.Contains("GetPostLevel", lines[0]);
        Assert.Contains("EMPLOYEE_MUST_EXIST [AM 第九条] key admin", lines[0]);
        Assert.Contains("ListApiKeys: Unauthenticated API_KEY_INVALID", lines[1]);
        Assert.DoesNotContain(_log, l => l.Text.Contains(Token, StringComparison.Ordinal) || l.Text.Contains("not-the-secret", StringComparison.Ordinal));
    }
}
