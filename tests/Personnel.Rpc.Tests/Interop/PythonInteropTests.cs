using System.Text.Json;
using Google.Protobuf;
using Personnel.Rpc.Tests.TestService;

namespace Personnel.Rpc.Tests.Interop;

/// <summary>Runs the Python (C-core) client once against our server; each case is then asserted on its own.</summary>
public sealed class PythonClientFixture : IAsyncLifetime
{
    public const string Python = "/usr/bin/python3";

    public IReadOnlyDictionary<string, string> Results { get; private set; } = new Dictionary<string, string>();

    public int CancelledHandlers { get; private set; }

    public async Task InitializeAsync()
    {
        await ExternalProcess.RequireAsync(
            Python, ["-c", "import grpc, google.protobuf"], "Install Debian's python3-grpcio and python3-protobuf (tests/setup/30-grpc-interop.sh does).");
        await using var server = await RpcTestServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("rpc-interop-").FullName;
        try
        {
            var descriptors = Descriptors.WriteSet(directory);
            var script = Path.Combine(AppContext.BaseDirectory, "Interop", "interop_client.py");
            var (exit, stdout, stderr) = await ExternalProcess.RunAsync(
                Python, [script, "--target", $"127.0.0.1:{server.Address.Port}", "--descriptors", descriptors], TimeSpan.FromSeconds(90));
            if (exit != 0)
            {
                throw new InvalidOperationException($"The Python interop client failed (exit {exit}): {stderr}");
            }

            Results = JsonSerializer.Deserialize<Dictionary<string, string>>(stdout)
                ?? throw new InvalidOperationException($"The Python interop client printed no results: {stdout}");
            CancelledHandlers = server.Observer.CancelledCount;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class PythonInteropTests(PythonClientFixture fixture) : IClassFixture<PythonClientFixture>
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
    [InlineData("health")]
    [InlineData("reflection_v1")]
    [InlineData("reflection_v1alpha")]
    public void PythonCoreClient_PassesTheInteropCase(string interopCase)
    {
        Assert.True(fixture.Results.TryGetValue(interopCase, out var outcome), $"The Python client did not run {interopCase}.");
        Assert.True(outcome == "ok", $"{interopCase}: {outcome}");
    }

    [Fact]
    public void PythonCoreClient_DeadlinesAndCancellationReachTheHandlersToken()
    {
        // timeout_on_sleeping_server and cancel_after_begin each end a running handler through its token.
        Assert.True(fixture.CancelledHandlers >= 2, $"only {fixture.CancelledHandlers} handler tokens were cancelled");
    }
}

/// <summary>A C-core (python3-grpcio) server of the test service, for our client.</summary>
public sealed class PythonServerFixture : IAsyncLifetime
{
    private InteropServerProcess? _server;
    private string? _directory;

    public Uri Address => _server?.Address ?? throw new InvalidOperationException("The Python server has not started.");

    public async Task InitializeAsync()
    {
        await ExternalProcess.RequireAsync(
            PythonClientFixture.Python, ["-c", "import grpc, google.protobuf"], "Install Debian's python3-grpcio and python3-protobuf (tests/setup/30-grpc-interop.sh does).");
        _directory = Directory.CreateTempSubdirectory("rpc-interop-").FullName;
        _server = await InteropServerProcess.StartAsync(
            PythonClientFixture.Python,
            [Path.Combine(AppContext.BaseDirectory, "Interop", "interop_server.py"), "--descriptors", Descriptors.WriteSet(_directory)]);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

/// <summary>
/// Our client against Google's C core as a server: every interop case, including a server that really
/// compresses its responses (C core hides a request's encoding from handlers, so that check is ours alone).
/// </summary>
public sealed class PythonServerInteropTests(PythonServerFixture fixture) : ClientInteropCases, IClassFixture<PythonServerFixture>
{
    protected override Uri Address => fixture.Address;

    protected override CallObserver? Observer => null;

    protected override bool ServerChecksRequestCompression => false;

    [Fact]
    public async Task CoreServer_ReallyCompressesWhatServerCompressedUnaryReads()
    {
        var request = Hostile.RawGrpc.Frame(new Testing.SimpleRequest { ResponseSize = 314_159, ResponseCompressed = true }.ToByteArray());

        var response = await Hostile.RawGrpc.SendAsync(
            fixture.Address, "/personnel.rpc.testing.TestService/UnaryCall", request, headers: [("grpc-accept-encoding", "identity,gzip")]);

        Assert.Equal("gzip", response.GrpcEncoding);
        Assert.Equal(1, response.Body[0]);
        Assert.True(response.Body.Length < 10_000, $"{response.Body.Length} bytes: not compressed");
    }
}
