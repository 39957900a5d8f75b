using Personnel.Rpc.Testing;
using Personnel.Rpc.Tests.TestService;

namespace Personnel.Rpc.Tests;

/// <summary>Our client against our server over real HTTP/2: the interop cases, and what else the layer promises.</summary>
public sealed class EndToEndTests(ServerFixture fixture) : ClientInteropCases, IClassFixture<ServerFixture>
{
    protected override Uri Address => fixture.Server.Address;

    protected override CallObserver? Observer => fixture.Server.Observer;

    [Fact]
    public async Task HandlerException_IsUnknownWithoutTheExceptionText()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryCall(new SimpleRequest { FailWithException = true }).ResponseAsync);

        Assert.Equal(new Status(StatusCode.Unknown, "Exception was thrown by handler."), ex.Status);
    }

    [Fact]
    public async Task ServerStreamingError_ArrivesAfterTheMessagesAlreadySent()
    {
        var request = new StreamingOutputCallRequest { ResponseStatus = new EchoStatus { Code = (int)StatusCode.FailedPrecondition, Message = "AS 第十三条" } };
        request.ResponseParameters.Add(new ResponseParameters { Size = 3 });
        using var call = Client.StreamingOutputCall(request);

        Assert.True(await call.ResponseStream.MoveNext());
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(new Status(StatusCode.FailedPrecondition, "AS 第十三条"), ex.Status);
    }

    [Fact]
    public async Task DeadlineAlreadyPassed_FailsWithoutReachingTheServer()
    {
        var startedBefore = fixture.Server.Observer.StartedCount;

        var ex = await Assert.ThrowsAsync<RpcException>(
            () => Client.UnaryCall(new SimpleRequest(), new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(-1))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.Equal(startedBefore, fixture.Server.Observer.StartedCount);
    }

    [Fact]
    public async Task UnreachableServer_IsUnavailable()
    {
        using var channel = GrpcChannel.ForAddress("http://127.0.0.1:1");

        var ex = await Assert.ThrowsAsync<RpcException>(() => new TestClient(channel.CreateCallInvoker()).EmptyCall(new Empty()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }
}
