using Personnel.Tests.Shared;

namespace Personnel.Client.Tests;

/// <summary>
/// Acceptance: a Python client (Debian python3-grpcio, Google's C core) built from nothing but protos/ records a
/// department's quarter and reads post levels and rotation due dates from the real server.
/// </summary>
public sealed class PythonClientTests : IAsyncLifetime
{
    private LiveServer _server = null!;

    public async Task InitializeAsync() => _server = await LiveServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PythonClient_RecordsAQuarterWithinTheGoodQuota_AndReadsPostLevelsAndRotationDue()
    {
        Assert.True(File.Exists(RepoPaths.Python), $"{RepoPaths.Python} is missing: install python3-grpcio (tests/setup/30-grpc-clients.sh does).");
        Assert.True(File.Exists(RepoPaths.Protoc), $"{RepoPaths.Protoc} is missing: restore the Grpc.Tools 2.85.0 package (dotnet restore).");
        var grpc = await ProcessRunner.RunAsync(RepoPaths.Python, ["-c", "import grpc, google.protobuf"]);
        Assert.True(grpc.ExitCode == 0, $"{RepoPaths.Python} cannot import grpc and google.protobuf: install python3-grpcio and python3-protobuf (tests/setup/30-grpc-clients.sh does).\n{grpc.Error}");

        var result = await ProcessRunner.RunAsync(RepoPaths.Python, [
            Path.Combine(RepoPaths.Root, "tests", "python", "personnel_client.py"),
            "--server", $"{_server.Address.Host}:{_server.Address.Port}",
            "--key", LiveServer.AdminKey,
            "--protos", Path.Combine(RepoPaths.Root, "protos"),
            "--protoc", RepoPaths.Protoc,
            "--include", RepoPaths.ProtocInclude,
            "--include", RepoPaths.CommonProtosInclude,
        ]);

        Assert.True(result.ExitCode == 0, $"python exited {result.ExitCode}:\n{result.Out}\n{result.Error}");
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("department d-py created", lines[0]);
        Assert.Equal("appointed 6", lines[1]);
        Assert.Equal("recorded py-s1 2026 Q1 GOOD pay 100%", lines[2]);
        Assert.Equal("recorded py-s2 2026 Q1 GOOD pay 100%", lines[3]);
        // floor(40 % × 5 eligible staff) = 2 Goods; the third is refused naming the rule (AS 第八条).
        Assert.StartsWith("refused py-s3 2026 Q1 GOOD FAILED_PRECONDITION: ", lines[4]);
        Assert.Contains("第八条", lines[4]);
        // The refusal's trailers carry grpc-status-details-bin: a google.rpc.Status whose ErrorInfo names the article.
        Assert.Equal("refusal details GOOD_QUOTA_EXCEEDED personnel.v1 AS 第八条", lines[5]);
        Assert.Equal("recorded py-s4 2026 Q1 AVERAGE pay 20%", lines[6]);
        Assert.Equal("recorded py-s5 2026 Q1 POOR pay 0%", lines[7]);
        Assert.Equal("retry py-s1 pay 100%", lines[8]);
        Assert.Equal("post-level py-h1 POST_DEPARTMENT_HEAD 3/2", lines[9]);
        Assert.Equal("post-level py-s1 POST_STAFF 6/1", lines[10]);
        Assert.Equal("post-level py-s2 POST_STAFF 6/2", lines[11]);
        Assert.Equal("assessed d-py 2025 yellow_card=True leadership_adjustment=True", lines[12]);
        Assert.StartsWith("rotation-due py-h1 ", lines[13]);
        Assert.EndsWith(" ROTATION_STRENGTH_MANDATORY", lines[13]);
        Assert.Equal("rotation-due count 1", lines[14]);
        Assert.Equal("unknown employee NOT_FOUND", lines[15]);
        // Health answers without a key, and reflection lists every personnel.v1 service (acceptance of the Grpc.AspNetCore move).
        Assert.Equal("health SERVING", lines[16]);
        Assert.Equal(
            "reflection personnel.v1.DepartmentService personnel.v1.EmployeeService personnel.v1.EventService personnel.v1.GradingService "
            + "personnel.v1.KeyService personnel.v1.PayService personnel.v1.RotationService",
            lines[17]);
        Assert.Equal(18, lines.Length);
    }
}
