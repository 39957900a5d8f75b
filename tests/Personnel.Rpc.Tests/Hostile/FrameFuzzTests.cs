using System.Diagnostics;
using System.Text;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Personnel.Rpc.Testing;
using Personnel.Rpc.Tests.TestService;
using Xunit.Abstractions;

namespace Personnel.Rpc.Tests.Hostile;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "Fuzz (runs alone: it measures memory)";
}

/// <summary>
/// A bounded fuzz run: over 100,000 HTTP/2 frames, mostly well-formed HTTP/2 carrying random gRPC requests
/// (headers, framing, protobuf), some wholly random. The server must not crash, must log no error, must
/// never send exception text, and must give its memory back afterwards.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FrameFuzzTests(ITestOutputHelper output)
{
    private const int FrameTarget = 100_000;
    private const int Seed = 20_261_122;

    private static readonly string[] Paths =
    [
        "/personnel.rpc.testing.TestService/EmptyCall",
        "/personnel.rpc.testing.TestService/StreamingInputCall",
        "/grpc.health.v1.Health/Check",
        "/personnel.rpc.testing.TestService/NoSuchMethod",
        "/no.such.Service/Call",
    ];

    private static readonly string[] LeakMarkers =
    [
        "   at ", ".cs:line", "Exception:", "InvalidProtocolBufferException", "NullReferenceException", "StackTrace", "System.",
    ];

    [Fact]
    public async Task RandomFrames_NeverCrashLeakOrHoldMemory()
    {
        var logs = new CapturingLoggerProvider(LogLevel.Error);
        await using var server = await RpcTestServer.StartAsync(configureBuilder: b => b.Logging.AddProvider(logs));
        await WarmUpAsync(server);
        var baseline = SettledHeapBytes();
        var random = new Random(Seed);
        var stopwatch = Stopwatch.StartNew();

        var (frames, connections, leaks) = await FuzzAsync(server.Address, random);
        stopwatch.Stop();
        await AssertStillServingAsync(server);
        await Task.Delay(500);
        var after = SettledHeapBytes();
        output.WriteLine($"{frames} frames over {connections} connections in {stopwatch.Elapsed.TotalSeconds:F1} s; heap {baseline / 1024} KiB before, {after / 1024} KiB after");

        Assert.True(frames >= FrameTarget, $"only {frames} frames were sent");
        Assert.Empty(leaks);
        var errors = logs.Entries.Select(e => $"{e.Category} {e.EventId}: {e.Message} {e.Exception?.GetType().Name}: {e.Exception?.Message}").Distinct().ToList();
        Assert.True(errors.Count == 0, $"the server logged {errors.Count} distinct errors, e.g. {string.Join(" | ", errors.Take(3))}");
        Assert.True(after - baseline < 16L * 1024 * 1024, $"the heap grew by {(after - baseline) / 1024} KiB and stayed there");
    }

    private static async Task<(int Frames, int Connections, List<string> Leaks)> FuzzAsync(Uri address, Random random)
    {
        var frames = 0;
        var connections = 0;
        var leaks = new List<string>();
        while (frames < FrameTarget)
        {
            await using var connection = await RawHttp2Connection.OpenAsync(address);
            connections++;
            var streamId = 1;
            while (frames < FrameTarget && !connection.Closed && streamId < 20_000)
            {
                var batch = new List<byte>();
                for (var i = 0; i < 50; i++)
                {
                    frames += random.Next(30) == 0
                        ? AppendRandomFrame(batch, random)
                        : AppendRandomRequest(batch, random, streamId, address.Authority);
                    streamId += 2;
                }

                try
                {
                    await connection.WriteAsync(batch.ToArray());
                }
                catch (IOException)
                {
                    break;
                }

                // Let the server answer before the next burst, as a real client would have to.
                await Task.Delay(1);
            }

            await Task.Delay(20);
            var received = Encoding.Latin1.GetString(connection.Received());
            leaks.AddRange(LeakMarkers.Where(m => received.Contains(m, StringComparison.Ordinal)).Select(m => $"connection {connections}: '{m}'"));
        }

        return (frames, connections, leaks);
    }

    private static int AppendRandomRequest(List<byte> batch, Random random, int streamId, string authority)
    {
        var extra = new List<(string, string)>();
        switch (random.Next(6))
        {
            case 0:
                extra.Add(("grpc-encoding", random.Next(2) == 0 ? "gzip" : "snappy"));
                break;
            case 1:
                extra.Add(("grpc-timeout", random.Next(3) switch { 0 => "1n", 1 => $"{random.Next(1, 500)}m", _ => "x9" }));
                break;
            case 2:
                extra.Add(("x-fuzz-bin", Convert.ToBase64String(RandomBytes(random, 24))));
                break;
        }

        var path = Paths[random.Next(Paths.Length)];
        var headers = RawHttp2Connection.HeaderBlock(RawHttp2Connection.GrpcRequestHeaders(path, authority, [.. extra]));
        batch.AddRange(RawHttp2Connection.FrameBytes(RawHttp2Connection.Headers, RawHttp2Connection.EndHeaders, streamId, headers));
        var frames = 1;
        var dataFrames = random.Next(1, 4);
        for (var i = 0; i < dataFrames; i++)
        {
            var last = i == dataFrames - 1;
            batch.AddRange(RawHttp2Connection.FrameBytes(
                RawHttp2Connection.Data, last ? RawHttp2Connection.EndStream : (byte)0, streamId, RandomGrpcPayload(random)));
            frames++;
        }

        if (random.Next(8) == 0)
        {
            batch.AddRange(RawHttp2Connection.FrameBytes(RawHttp2Connection.RstStream, 0, streamId, [0, 0, 0, 8]));
            frames++;
        }

        return frames;
    }

    private static byte[] RandomGrpcPayload(Random random)
    {
        switch (random.Next(5))
        {
            case 0:
                return RandomBytes(random, random.Next(0, 64));
            case 1:
                return RawGrpc.Frame(RandomBytes(random, random.Next(0, 32)), declaredLength: (uint)random.Next());
            case 2:
                return RawGrpc.Frame(RandomBytes(random, random.Next(0, 48)), compressedFlag: true);
            case 3:
                var message = new StreamingInputCallRequest { Payload = new Payload { Body = ByteString.CopyFrom(RandomBytes(random, random.Next(0, 40))) } };
                var bytes = message.ToByteArray();
                if (bytes.Length > 0)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return RawGrpc.Frame(bytes);
            default:
                return RawGrpc.Frame(RandomBytes(random, random.Next(0, 48)));
        }
    }

    private static int AppendRandomFrame(List<byte> batch, Random random)
    {
        var type = (byte)random.Next(0, 12);
        batch.AddRange(RawHttp2Connection.FrameBytes(type, (byte)random.Next(256), random.Next(0, 64), RandomBytes(random, random.Next(0, 64))));
        return 1;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static long SettledHeapBytes()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task WarmUpAsync(RpcTestServer server)
    {
        for (var i = 0; i < 20; i++)
        {
            await AssertStillServingAsync(server);
        }
    }

    private static async Task AssertStillServingAsync(RpcTestServer server)
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        Assert.Equal(new Empty(), await new TestClient(channel.CreateCallInvoker()).EmptyCall(new Empty()));
    }
}
