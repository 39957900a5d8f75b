using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Personnel.Api.V1;
using Personnel.Server.Hosting;

namespace Personnel.Web.Tests;

/// <summary>
/// The real server in-process (Kestrel on loopback ports 0, a temporary SQLite file, the real clock), seeded once through
/// gRPC (<see cref="Seed"/>), and Debian's chromium driven by Playwright. Shared by every console test.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string AdminToken = "admin-token-for-web-tests-0123456789";
    private const string Chromium = "/usr/bin/chromium";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "personnel-web-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private GrpcChannel? _channel;
    private IPlaywright? _playwright;

    /// <summary>Gets the console's address (the HTTP/1.1 port), ending in '/'.</summary>
    public string ConsoleUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public string PartyAffairsToken { get; private set; } = "";

    public string ReaderToken { get; private set; } = "";

    /// <summary>Gets where the tests' screenshots go: under the test output directory.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public CallInvoker Invoker => (_channel ?? throw new InvalidOperationException("Not started.")).CreateCallInvoker();

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException(
                $"{Chromium} is missing, so the browser tests cannot run: ./test.sh installs it (tests/setup/40-chromium.sh), or apt-get install chromium.");
        }

        Directory.CreateDirectory(_directory);
        Directory.CreateDirectory(ScreenshotDirectory);
        _app = await ServerHost.BuildAsync(
        [
            "--urls", "http://127.0.0.1:0", "--Web:Urls", "http://127.0.0.1:0", "--PERSONNEL_ADMIN_KEY", AdminToken,
            "--Grains:OutboxPeriod", "00:00:00.100", "--Logging:LogLevel:Default", "Warning",
            "--Storage:ConnectionString", Path.Combine(_directory, "personnel.db"),
        ]);
        await _app.StartAsync();
        var endpoints = _app.Services.GetRequiredService<Endpoints>();
        ConsoleUrl = endpoints.Web[0] + "/";
        _channel = GrpcChannel.ForAddress(endpoints.Grpc[0]);

        var seed = new Seed(Invoker, AdminToken);
        PartyAffairsToken = await seed.KeyAsync(Role.PartyAffairs);
        ReaderToken = await seed.KeyAsync(Role.Reader);
        await seed.ZoneAsync(PartyAffairsToken);

        _playwright = await Playwright.CreateAsync();
        // Root in a container has no user namespaces for chromium's sandbox; the page is our own, served from loopback.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"],
        });
    }

    /// <summary>A fresh browser context (its own sessionStorage) with the given viewport and a page on the console.</summary>
    public async Task<IPage> OpenAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true, Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(ConsoleUrl);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web console";
}
