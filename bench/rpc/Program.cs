using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Personnel.Rpc;
using Personnel.Rpc.Bench;

// One process, one h2c port, two endpoints doing the same work: Personnel.Rpc with an empty handler,
// and a bare Kestrel endpoint that reads the 5-byte frame and writes the empty reply and trailers by hand.
// A second, HTTP/1.1 port serves /stats (allocated bytes) so run.sh can measure allocations per call.
var h2Port = int.Parse(args.ElementAtOrDefault(0) ?? "5301", System.Globalization.CultureInfo.InvariantCulture);
var statsPort = h2Port + 1;

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(IPAddress.Loopback, h2Port, o => o.Protocols = HttpProtocols.Http2);
    kestrel.Listen(IPAddress.Loopback, statsPort, o => o.Protocols = HttpProtocols.Http1);
    kestrel.Limits.Http2.MaxStreamsPerConnection = 256;
});
builder.Services.AddPersonnelRpc();
var app = builder.Build();

app.MapGrpcService<BenchService>(BenchReflection.Descriptor.Services[0]);

byte[] emptyReply = [0, 0, 0, 0, 0];
// Same path length as the RPC: HPACK and routing then cost the two endpoints the same.
app.MapPost("/personnel.bench.Plain/Call", async context =>
{
    // What any gRPC server must do at least: check the type, read one frame, answer one frame and trailers.
    if (context.Request.ContentType != "application/grpc")
    {
        context.Response.StatusCode = 415;
        return;
    }

    var reader = context.Request.BodyReader;
    while (true)
    {
        var result = await reader.ReadAsync();
        if (result.IsCompleted)
        {
            if (result.Buffer.Length < 5)
            {
                context.Response.StatusCode = 400;
                reader.AdvanceTo(result.Buffer.End);
                return;
            }

            reader.AdvanceTo(result.Buffer.End);
            break;
        }

        reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
    }

    context.Response.ContentType = "application/grpc";
    context.Response.BodyWriter.Write(emptyReply);
    context.Response.AppendTrailer("grpc-status", "0");
});

// CPU time of the whole server process: on a shared machine it measures the cost of a call better than wall-clock rate.
app.MapGet("/stats", () => Results.Text(
    $"{{\"allocated\":{GC.GetTotalAllocatedBytes(precise: true)},\"cpu_us\":{(long)Environment.CpuUsage.TotalTime.TotalMicroseconds},\"gen0\":{GC.CollectionCount(0)}}}",
    "application/json"));

await app.StartAsync();

// Both endpoints must really answer gRPC OK before they are measured.
using (var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{h2Port}"))
{
    var invoker = channel.CreateCallInvoker();
    var rpc = Method<BenchRequest, BenchReply>.FromDescriptor(BenchReflection.Descriptor.Services[0].Methods[0]);
    var raw = new Method<BenchRequest, BenchReply>(MethodType.Unary, "personnel.bench.Plain", "Call", BenchReply.Parser);
    await invoker.AsyncUnaryCall(rpc, default, new BenchRequest());
    await invoker.AsyncUnaryCall(raw, default, new BenchRequest());
}

Console.WriteLine($"ready h2c={h2Port} stats={statsPort}");
await app.WaitForShutdownAsync();

internal sealed class BenchService
{
    private static readonly Task<BenchReply> Reply = Task.FromResult(new BenchReply());

    public Task<BenchReply> Call(BenchRequest request, ServerCallContext context) => Reply;
}
