using Personnel.Tests.Shared;

namespace Personnel.Cli.Tests;

/// <summary>One real server for a class of CLI tests (xunit makes one per test class); each test uses its own
/// departments and employees.</summary>
public sealed class LiveServerFixture : IAsyncLifetime
{
    public LiveServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await LiveServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
