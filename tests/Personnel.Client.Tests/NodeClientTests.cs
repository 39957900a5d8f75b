using Personnel.Tests.Shared;

namespace Personnel.Client.Tests;

/// <summary>
/// Acceptance: a Node client on @grpc/grpc-js (npm, pinned by tests/node/package-lock.json) built from nothing but protos/
/// appoints a person, reads the post level from the real server, and reads a refusal's reason and article from its
/// status details.
/// </summary>
public sealed class NodeClientTests : IAsyncLifetime
{
    private LiveServer _server = null!;

    public async Task InitializeAsync() => _server = await LiveServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task NodeClient_AppointsAndReadsThePostLevel_AndDecodesARefusalsErrorInfo()
    {
        var directory = Environment.GetEnvironmentVariable("PERSONNEL_NODE_DIR") is { Length: > 0 } set ? set : Path.Combine(RepoPaths.Root, "tests", "node");
        Assert.True(Directory.Exists(Path.Combine(directory, "node_modules", "@grpc", "grpc-js")),
            $"{directory}/node_modules lacks @grpc/grpc-js: run `npm ci` there (tests/setup/30-grpc-clients.sh does).");

        var result = await ProcessRunner.RunAsync("node", [
            Path.Combine(directory, "personnel_client.js"),
            "--server", $"{_server.Address.Host}:{_server.Address.Port}",
            "--key", LiveServer.AdminKey,
            "--protos", Path.Combine(RepoPaths.Root, "protos"),
            "--include", RepoPaths.CommonProtosInclude,
        ]);

        Assert.True(result.ExitCode == 0, $"node exited {result.ExitCode}:\n{result.Out}\n{result.Error}");
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                "department d-js created",
                "appointed js-1",
                "post-level js-1 POST_STAFF 7/3",
                "refused js-nobody NOT_FOUND EMPLOYEE_MUST_EXIST personnel.v1 AM 第九条",
            ],
            lines);
    }
}
