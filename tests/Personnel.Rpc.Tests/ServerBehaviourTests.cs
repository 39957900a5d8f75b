using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Personnel.Rpc.Health;
using Personnel.Rpc.Health.V1;
using Personnel.Rpc.Reflection.V1;
using Personnel.Rpc.Testing;
using Personnel.Rpc.Tests.Hostile;
using Personnel.Rpc.Tests.TestService;

namespace Personnel.Rpc.Tests;

/// <summary>Server promises that need a server of their own: limits, the clock, shutdown, binding.</summary>
public sealed class ServerBehaviourTests
{
    private const string UnaryCall = "/personnel.rpc.testing.TestService/UnaryCall";

    [Fact]
    public async Task Deadline_EndsTheCallWhenTheClockPassesIt()
    {
        var clock = new ManualTimeProvider();
        await using var server = await RpcTestServer.StartAsync(configureBuilder: b => b.Services.AddSingleton<TimeProvider>(clock));
        var started = server.Observer.StartedCount;
        var request = RawGrpc.Frame(new SimpleRequest { SleepMs = 60_000 }.ToByteArray());

        var pending = RawGrpc.SendAsync(server.Address, UnaryCall, request, headers: [("grpc-timeout", "5S")]);
        await server.Observer.WaitForAsync(o => o.StartedCount > started, TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        var response = await pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("4", response.GrpcStatus);
        Assert.Equal(1, server.Observer.CancelledCount);
    }

    [Fact]
    public async Task Deadline_IsAnsweredEvenWhenTheHandlerIgnoresItsToken()
    {
        var clock = new ManualTimeProvider();
        await using var server = await RpcTestServer.StartAsync(configureBuilder: b => b.Services.AddSingleton<TimeProvider>(clock));
        var started = server.Observer.StartedCount;
        var ended = server.Observer.EndedCount;
        var request = RawGrpc.Frame(new SimpleRequest { SleepMs = 3_000, IgnoreCancellation = true }.ToByteArray());

        var pending = RawGrpc.SendAsync(server.Address, UnaryCall, request, headers: [("grpc-timeout", "100m")]);
        await server.Observer.WaitForAsync(o => o.StartedCount > started, TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var response = await pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("4", response.GrpcStatus);
        Assert.Equal(ended, server.Observer.EndedCount);
    }

    [Fact]
    public async Task MaxReceiveMessageSize_IsConfigurableAndAppliesAfterDecompression()
    {
        await using var server = await RpcTestServer.StartAsync(o => o.MaxReceiveMessageSize = 1_000);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new TestClient(channel.CreateCallInvoker());
        var large = new SimpleRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[2_000]) } };

        var plain = await Assert.ThrowsAsync<RpcException>(() => client.UnaryCall(large).ResponseAsync);
        var gzip = await Assert.ThrowsAsync<RpcException>(() => client.UnaryCall(large, new CallOptions(RequestCompression: "gzip")).ResponseAsync);
        var fits = await client.UnaryCall(new SimpleRequest { ResponseSize = 5_000 });

        Assert.Equal(StatusCode.ResourceExhausted, plain.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, gzip.StatusCode);
        Assert.Contains("after decompression", gzip.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(5_000, fits.Payload.Body.Length);
    }

    [Fact]
    public async Task ClientMaxReceiveMessageSize_RefusesLargerResponses()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 1_000 });

        var ex = await Assert.ThrowsAsync<RpcException>(
            () => new TestClient(channel.CreateCallInvoker()).UnaryCall(new SimpleRequest { ResponseSize = 2_000 }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task GracefulShutdown_FinishesInFlightCallsAndRefusesNewOnes()
    {
        var server = await RpcTestServer.StartAsync(shutdownTimeout: TimeSpan.FromSeconds(10));
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new TestClient(channel.CreateCallInvoker());
        var started = server.Observer.StartedCount;
        var inFlight = client.UnaryCall(new SimpleRequest { SleepMs = 3_000, ResponseSize = 7 }).ResponseAsync;
        await server.Observer.WaitForAsync(o => o.StartedCount > started, TimeSpan.FromSeconds(5));

        var stopping = server.StopAsync();
        // The host tells Kestrel to stop a moment after StopAsync begins (slower on a loaded machine): a new call made
        // before that is still served, so new calls are made until one is refused, within the shutdown timeout.
        RpcException? refused = null;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (refused is null && watch.Elapsed < TimeSpan.FromSeconds(8))
        {
            refused = await Record.ExceptionAsync(() => client.EmptyCall(new Empty()).ResponseAsync) as RpcException;
            await Task.Delay(refused is null ? 20 : 0);
        }

        // Refused while the call in flight was still running: the drain refuses new calls, not just a stopped server.
        Assert.NotNull(refused);
        Assert.False(inFlight.IsCompleted, $"the call in flight had ended before a new call was refused ({watch.Elapsed})");
        var finished = await inFlight;
        await stopping;
        await server.DisposeAsync();

        Assert.Equal(7, finished.Payload.Body.Length);
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
    }

    [Fact]
    public async Task MethodWithTheWrongSignature_FailsAtStartUpSayingWhatWasExpected()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddPersonnelRpc();
        await using var app = builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(
            () => app.MapGrpcService<MisshapenService>(TestServiceReflection.Descriptor.Services[0]));

        Assert.Contains("expected public Task<Empty> EmptyCall(Empty request, ServerCallContext context)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MappingWithoutAddPersonnelRpc_SaysWhatIsMissing()
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();

        var ex = Assert.Throws<InvalidOperationException>(
            () => app.MapGrpcService<TestServiceImpl>(TestServiceReflection.Descriptor.Services[0]));

        Assert.Contains("AddPersonnelRpc", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerCompression_IsUsedOnlyForClientsThatAcceptGzip()
    {
        await using var server = await RpcTestServer.StartAsync();
        var request = RawGrpc.Frame(new SimpleRequest { ResponseSize = 10_000, ResponseCompressed = true }.ToByteArray());

        var accepting = await RawGrpc.SendAsync(server.Address, UnaryCall, request, headers: [("grpc-accept-encoding", "identity,gzip")]);
        var plain = await RawGrpc.SendAsync(server.Address, UnaryCall, request);

        Assert.Equal("gzip", accepting.GrpcEncoding);
        Assert.Equal(1, accepting.Body[0]);
        Assert.True(accepting.Body.Length < 1_000, $"{accepting.Body.Length} bytes: not compressed");
        Assert.Null(plain.GrpcEncoding);
        Assert.Equal(0, plain.Body[0]);
        Assert.Equal(5 + new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFrom(new byte[10_000]) } }.CalculateSize(), plain.Body.Length);
    }

    [Fact]
    public async Task EarlyErrors_AreTrailersOnlyResponses()
    {
        await using var server = await RpcTestServer.StartAsync();

        var response = await RawGrpc.SendAsync(server.Address, "/no.such.Service/Call", RawGrpc.Frame([]));

        Assert.True(response.TrailersOnly);
        Assert.Empty(response.Body);
        Assert.Equal("12", response.GrpcStatus);
    }

    [Fact]
    public async Task HealthWatch_StreamsEachChangeOfStatus()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var channel = GrpcChannel.ForAddress(server.Address);
        var watch = Method<HealthCheckRequest, HealthCheckResponse>.FromDescriptor(HealthReflection.Descriptor.Services[0].FindMethodByName("Watch"));
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(
            watch, default, new HealthCheckRequest { Service = "personnel.rpc.testing.TestService" });

        Assert.True(await call.ResponseStream.MoveNext());
        var first = call.ResponseStream.Current.Status;
        server.Services.GetRequiredService<HealthStatusBoard>().SetStatus(
            "personnel.rpc.testing.TestService", HealthCheckResponse.Types.ServingStatus.NotServing);
        Assert.True(await call.ResponseStream.MoveNext());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, first);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, call.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task Reflection_ListsEveryMappedServiceOverABidirectionalCall()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var channel = GrpcChannel.ForAddress(server.Address);
        var info = Method<ServerReflectionRequest, ServerReflectionResponse>.FromDescriptor(
            ReflectionReflection.Descriptor.Services[0].FindMethodByName("ServerReflectionInfo"));
        using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(info, default);

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        Assert.True(await call.ResponseStream.MoveNext());
        await call.RequestStream.CompleteAsync();

        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "personnel.rpc.testing.TestService"],
            call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task A_service_mapped_with_an_instance_serves_every_call_with_it_and_is_never_disposed_by_a_call()
    {
        var instance = new SingletonService();
        var service = TestServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("UnimplementedService");
        await using var server = await RpcTestServer.StartAsync(mapMore: app => app.MapGrpcService(service, instance));
        using var channel = GrpcChannel.ForAddress(server.Address);
        var call = Method<Empty, Empty>.FromDescriptor(service.FindMethodByName("UnimplementedCall"));

        for (var i = 0; i < 3; i++)
        {
            await channel.CreateCallInvoker().AsyncUnaryCall(call, default, new Empty());
        }

        Assert.Equal(3, instance.Calls);
        Assert.False(instance.Disposed);
    }

    /// <summary>Serves UnimplementedService, mapped with its one instance, which counts the calls.</summary>
    public sealed class SingletonService : IDisposable
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public bool Disposed { get; private set; }

        public Task<Empty> UnimplementedCall(Empty request, ServerCallContext context)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(new Empty());
        }

        public void Dispose() => Disposed = true;
    }

    /// <summary>A service whose EmptyCall lacks the context parameter.</summary>
    public sealed class MisshapenService
    {
        public Task<Empty> EmptyCall(Empty request) => Task.FromResult(request);
    }
}
