using System.Text.Json;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Personnel.Rpc.Tests.TestService;

namespace Personnel.Rpc.Tests.Interop;

/// <summary>
/// Runs the Python (C-core) client once against our server; each case is then asserted on its own.
/// Keeps what explains a failed case: the client's C-core log (at INFO it names a GOAWAY's error code)
/// and Kestrel's connection-level log (why it sent a GOAWAY, the last stream it processed).
/// </summary>
public sealed class PythonClientFixture : IAsyncLifetime
{
    public const string Python = "/usr/bin/python3";

    private const string KestrelCategory = "Microsoft.AspNetCore.Server.Kestrel";

    public IReadOnlyDictionary<string, string> Results { get; private set; } = new Dictionary<string, string>();

    public int CancelledHandlers { get; private set; }

    /// <summary>The connections Kestrel accepted while the client ran.</summary>
    public int ConnectionsAccepted { get; private set; }

    public string ClientLog { get; private set; } = string.Empty;

    public string ServerConnectionLog { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await ExternalProcess.RequireAsync(
            Python, ["-c", "import grpc, google.protobuf"], "Install Debian's python3-grpcio and python3-protobuf (tests/setup/30-grpc-interop.sh does).");
        var log = new CapturingLoggerProvider(LogLevel.Debug);
        await using var server = await RpcTestServer.StartAsync(configureBuilder: builder =>
        {
            builder.Logging.AddProvider(log);
            builder.Logging.AddFilter(KestrelCategory, LogLevel.Debug);
        });
        var directory = Directory.CreateTempSubdirectory("rpc-interop-").FullName;
        try
        {
            var descriptors = Descriptors.WriteSet(directory);
            var script = Path.Combine(AppContext.BaseDirectory, "Interop", "interop_client.py");
            var (exit, stdout, stderr) = await ExternalProcess.RunAsync(
                Python,
                [script, "--target", $"127.0.0.1:{server.Address.Port}", "--descriptors", descriptors],
                TimeSpan.FromSeconds(90),
                environment: new Dictionary<string, string> { ["GRPC_VERBOSITY"] = "info" });
            if (exit != 0)
            {
                throw new InvalidOperationException($"The Python interop client failed (exit {exit}): {stderr}");
            }

            Results = JsonSerializer.Deserialize<Dictionary<string, string>>(stdout)
                ?? throw new InvalidOperationException($"The Python interop client printed no results: {stdout}");
            CancelledHandlers = server.Observer.CancelledCount;
            ClientLog = stderr.Trim();
            var entries = log.Entries.ToList();
            ConnectionsAccepted = entries.Count(e => e.Category.StartsWith(KestrelCategory, StringComparison.Ordinal) && e.EventId.Name == "ConnectionAccepted");
            ServerConnectionLog = string.Join(
                Environment.NewLine,
                entries
                    .Where(e => e.Category.StartsWith(KestrelCategory + ".Http2", StringComparison.Ordinal) || e.Level >= LogLevel.Warning)
                    .Select(e => $"{e.Category} {e.Level} {e.EventId.Name}: {e.Message} {e.Exception?.Message}"));
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
    public static readonly TheoryData<string> Cases =
    [
        "empty_unary",
        "large_unary",
        "client_streaming",
        "server_streaming",
        "empty_stream",
        "status_code_and_message",
        "special_status_message",
        "unimplemented_method",
        "unimplemented_service",
        "timeout_on_sleeping_server",
        "custom_metadata",
        "cancel_after_begin",
        "client_compressed_unary",
        "server_compressed_unary",
        "health",
        "reflection_v1",
        "reflection_v1alpha",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void PythonCoreClient_PassesTheInteropCase(string interopCase)
    {
        Assert.True(fixture.Results.TryGetValue(interopCase, out var outcome), $"The Python client did not run {interopCase}.");
        Assert.True(
            outcome == "ok",
            $"{interopCase}: {outcome}{Environment.NewLine}Python client (C core) log:{Environment.NewLine}{fixture.ClientLog}"
            + $"{Environment.NewLine}Server HTTP/2 connection log:{Environment.NewLine}{fixture.ServerConnectionLog}");
    }

    [Fact]
    public void PythonCoreClient_RunsEachCaseOnAConnectionOfItsOwn()
    {
        // A connection one case ends (C core 1.51 may reset a stream it never opened after a 1 ms deadline,
        // which the server must answer with GOAWAY) must not fail the next case.
        Assert.Equal(Cases.Count, fixture.Results.Count);
        Assert.True(
            fixture.ConnectionsAccepted >= Cases.Count,
            $"{fixture.ConnectionsAccepted} connections for {Cases.Count} cases: the client shares a connection between cases");
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
