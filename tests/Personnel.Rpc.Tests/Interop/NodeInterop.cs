using System.Text.Json;
using Personnel.Rpc.Tests.TestService;

namespace Personnel.Rpc.Tests.Interop;

/// <summary>Where @grpc/grpc-js is installed: tests/setup/30-grpc-interop.sh runs <c>npm ci</c> there.</summary>
public static class NodeInterop
{
    public const string Node = "node";

    public static string InteropDirectory => Path.Combine(AppContext.BaseDirectory, "Interop");

    public static async Task<string> RequireModulesAsync()
    {
        await ExternalProcess.RequireAsync(Node, ["--version"], "Install Node.js (tests/setup/30-grpc-interop.sh needs it for @grpc/grpc-js).");
        var directory = Environment.GetEnvironmentVariable("PERSONNEL_RPC_NODE_DIR") ?? FindUpwards("tests/Personnel.Rpc.Interop.Node");
        if (directory is null || !File.Exists(Path.Combine(directory, "node_modules", "@grpc", "grpc-js", "package.json")))
        {
            throw new InvalidOperationException(
                $"@grpc/grpc-js is not installed (looked in '{directory}'): run `npm ci` in tests/Personnel.Rpc.Interop.Node (tests/setup/30-grpc-interop.sh does).");
        }

        return directory;
    }

    private static string? FindUpwards(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>Runs the grpc-js client once against our server; each case is then asserted on its own.</summary>
public sealed class NodeClientFixture : IAsyncLifetime
{
    public IReadOnlyDictionary<string, string> Results { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var modules = await NodeInterop.RequireModulesAsync();
        await using var server = await RpcTestServer.StartAsync();
        var (exit, stdout, stderr) = await ExternalProcess.RunAsync(
            NodeInterop.Node,
            [
                Path.Combine(NodeInterop.InteropDirectory, "interop_client.js"),
                "--target", $"127.0.0.1:{server.Address.Port}",
                "--modules", modules,
                "--proto", Path.Combine(NodeInterop.InteropDirectory, "test_service.proto"),
            ],
            TimeSpan.FromSeconds(90));
        if (exit != 0)
        {
            throw new InvalidOperationException($"The grpc-js interop client failed (exit {exit}): {stderr}");
        }

        Results = JsonSerializer.Deserialize<Dictionary<string, string>>(stdout)
            ?? throw new InvalidOperationException($"The grpc-js interop client printed no results: {stdout}");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class GrpcJsClientInteropTests(NodeClientFixture fixture) : IClassFixture<NodeClientFixture>
{
    [Theory]
    [InlineData("empty_unary")]
    [InlineData("large_unary")]
    [InlineData("client_streaming")]
    [InlineData("server_streaming")]
    [InlineData("empty_stream")]
    [InlineData("status_code_and_message")]
    [InlineData("special_status_message")]
    [InlineData("unimplemented_method")]
    [InlineData("unimplemented_service")]
    [InlineData("timeout_on_sleeping_server")]
    [InlineData("custom_metadata")]
    [InlineData("cancel_after_begin")]
    [InlineData("client_compressed_unary")]
    [InlineData("server_compressed_unary")]
    public void GrpcJsClient_PassesTheInteropCase(string interopCase)
    {
        Assert.True(fixture.Results.TryGetValue(interopCase, out var outcome), $"The grpc-js client did not run {interopCase}.");
        Assert.Equal("ok", outcome);
    }
}

/// <summary>A grpc-js server of the test service, for our client.</summary>
public sealed class NodeServerFixture : IAsyncLifetime
{
    private InteropServerProcess? _server;

    public Uri Address => _server?.Address ?? throw new InvalidOperationException("The grpc-js server has not started.");

    public async Task InitializeAsync()
    {
        var modules = await NodeInterop.RequireModulesAsync();
        _server = await InteropServerProcess.StartAsync(
            NodeInterop.Node,
            [
                Path.Combine(NodeInterop.InteropDirectory, "interop_server.js"),
                "--modules", modules,
                "--proto", Path.Combine(NodeInterop.InteropDirectory, "test_service.proto"),
            ]);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>Our client against a grpc-js server: the interop cases that apply (grpc-js servers never compress responses).</summary>
public sealed class GrpcJsServerInteropTests(NodeServerFixture fixture) : ClientInteropCases, IClassFixture<NodeServerFixture>
{
    protected override Uri Address => fixture.Address;

    protected override CallObserver? Observer => null;

    protected override bool ServerChecksRequestCompression => false;
}
