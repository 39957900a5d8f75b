using System.Text.Json;
using Personnel.Tests.Shared;

namespace Personnel.Cli.Tests;

/// <summary>`personnel keys …` against the real server.</summary>
public sealed class KeysCommandTests : IAsyncLifetime
{
    private LiveServer _server = null!;

    public async Task InitializeAsync() => _server = await LiveServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Dictionary<string, string> Env(string key) => new() { ["PERSONNEL_SERVER"] = _server.Address.ToString(), ["PERSONNEL_KEY"] = key };

    [Fact]
    public async Task KeysCreate_PrintsTheKeyAndItsToken_WhichThenWorks()
    {
        var created = await CliHarness.RunAsync(Env(LiveServer.AdminKey), "keys", "create", "--name", "roads clerk", "--role", "hr", "--department", "d-roads");
        var token = created.Out.Split('\n').Single(l => l.StartsWith("token: ", StringComparison.Ordinal))["token: ".Length..].Trim();
        var listedWithNewKey = await CliHarness.RunAsync(Env(token), "keys", "list");

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("roads clerk", created.Out);
        Assert.Contains("d-roads", created.Out);
        Assert.Equal(ExitCodes.NotAllowed, listedWithNewKey.ExitCode);
        Assert.Contains("error: PermissionDenied:", listedWithNewKey.Error);
    }

    [Fact]
    public async Task KeysCreateTokenOnly_PrintsJustTheToken_ForShellVariables()
    {
        var created = await CliHarness.RunAsync(Env(LiveServer.AdminKey), "keys", "create", "--name", "ops", "--role", "admin", "--token-only");
        var listed = await CliHarness.RunAsync(Env(created.Out.Trim()), "keys", "list", "--json");

        Assert.Equal(0, created.ExitCode);
        Assert.DoesNotContain('\n', created.Out.Trim());
        Assert.Equal(0, listed.ExitCode);
        using var document = JsonDocument.Parse(listed.Out);
        Assert.Contains(document.RootElement.GetProperty("keys").EnumerateArray(), k => k.GetProperty("name").GetString() == "ops" && k.GetProperty("role").GetString() == "ROLE_ADMIN");
    }

    [Fact]
    public async Task KeysRevoke_LocksTheKeyOut()
    {
        var created = await CliHarness.RunAsync(Env(LiveServer.AdminKey), "keys", "create", "--name", "temp", "--role", "admin", "--json");
        using var document = JsonDocument.Parse(created.Out);
        var keyId = document.RootElement.GetProperty("key").GetProperty("key_id").GetString()!;
        var token = document.RootElement.GetProperty("token").GetString()!;

        var revoked = await CliHarness.RunAsync(Env(LiveServer.AdminKey), "keys", "revoke", keyId);
        var after = await CliHarness.RunAsync(Env(token), "keys", "list");

        Assert.Equal(0, revoked.ExitCode);
        Assert.Contains("yes", revoked.Out);
        Assert.Equal(ExitCodes.NotAllowed, after.ExitCode);
        Assert.Contains("error: Unauthenticated:", after.Error);
    }
}
