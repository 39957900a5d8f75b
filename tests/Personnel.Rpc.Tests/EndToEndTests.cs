using System.Text;
using Google.Protobuf;
using Personnel.Rpc.Testing;
using Personnel.Rpc.Tests.TestService;

namespace Personnel.Rpc.Tests;

/// <summary>Our client against our server over real HTTP/2: the interop cases, both sides ours.</summary>
public sealed class EndToEndTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(fixture.Server.Address);

    private TestClient Client => new(_channel.CreateCallInvoker());

    public void Dispose() => _channel.Dispose();

    [Fact]
    public async Task EmptyUnary_ReturnsAnEmptyMessageWithStatusOk()
    {
        using var call = Client.EmptyCall(new Empty());

        var response = await call;

        Assert.Equal(new Empty(), response);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task LargeUnary_CarriesTheInteropPayloadSizesBothWays()
    {
        var request = new SimpleRequest { ResponseSize = 314_159, Payload = new Payload { Body = ByteString.CopyFrom(new byte[271_828]) } };

        var response = await Client.UnaryCall(request);

        Assert.Equal(314_159, response.Payload.Body.Length);
    }

    [Fact]
    public async Task ServerStreaming_SendsOneResponsePerParameterInOrder()
    {
        int[] sizes = [31_415, 9, 2_653, 58_979];
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.AddRange(sizes.Select(s => new ResponseParameters { Size = s }));
        using var call = Client.StreamingOutputCall(request);

        var received = new List<int>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            received.Add(response.Payload.Body.Length);
        }

        Assert.Equal(sizes, received);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ClientStreaming_AggregatesThePayloadSizes()
    {
        using var call = Client.StreamingInputCall();
        foreach (var size in new[] { 27_182, 8, 1_828, 45_904 })
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[size]) } });
        }

        await call.RequestStream.CompleteAsync();
        var response = await call;

        Assert.Equal(74_922, response.AggregatedPayloadSize);
    }

    [Fact]
    public async Task EmptyStream_EndsWithOkAndNoMessages()
    {
        using var call = Client.FullDuplexCall();
        await call.RequestStream.CompleteAsync();

        Assert.False(await call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task PingPong_AnswersEachRequestBeforeTheNextIsSent()
    {
        using var call = Client.FullDuplexCall();
        foreach (var size in new[] { 31_415, 9, 2_653, 58_979 })
        {
            var request = new StreamingOutputCallRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[size / 2]) } };
            request.ResponseParameters.Add(new ResponseParameters { Size = size });
            await call.RequestStream.WriteAsync(request);

            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal(size, call.ResponseStream.Current.Payload.Body.Length);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task StatusCodeAndMessage_AreEchoedFromTheHandler()
    {
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = 2, Message = "test status message" } };

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryCall(request).ResponseAsync);

        Assert.Equal(new Status(StatusCode.Unknown, "test status message"), ex.Status);
    }

    [Fact]
    public async Task SpecialStatusMessage_SurvivesPercentEncodingByteForByte()
    {
        const string message = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n";
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = 2, Message = message } };

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryCall(request).ResponseAsync);

        Assert.Equal(Encoding.UTF8.GetBytes(message), Encoding.UTF8.GetBytes(ex.Status.Detail));
    }

    [Fact]
    public async Task UnimplementedMethod_OfAMappedServiceAnswersUnimplemented()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.UnimplementedCall(new Empty()).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Contains("UnimplementedCall", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnimplementedService_AnswersUnimplementedNamingTheService()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.UnimplementedServiceCall(new Empty()).ResponseAsync);

        Assert.Equal(new Status(StatusCode.Unimplemented, "Service personnel.rpc.testing.UnimplementedService is unimplemented."), ex.Status);
    }

    [Fact]
    public async Task TimeoutOnSleepingServer_EndsWithDeadlineExceededAndCancelsTheHandler()
    {
        var observer = fixture.Server.Observer;
        var cancelledBefore = observer.CancelledCount;
        var request = new SimpleRequest { SleepMs = 20_000 };

        var ex = await Assert.ThrowsAsync<RpcException>(
            () => Client.UnaryCall(request, new CallOptions(Deadline: DateTime.UtcNow.AddMilliseconds(100))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        await observer.WaitForAsync(o => o.CancelledCount > cancelledBefore, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task CustomMetadata_EchoesInitialAndBinaryTrailingMetadata()
    {
        var headers = new Metadata
        {
            { "x-grpc-test-echo-initial", "test_initial_metadata_value" },
            { "x-grpc-test-echo-trailing-bin", new byte[] { 0xab, 0xab, 0xab } },
        };
        using var call = Client.UnaryCall(new SimpleRequest { ResponseSize = 314_159 }, new CallOptions(Headers: headers));

        await call;

        Assert.Equal("test_initial_metadata_value", (await call.ResponseHeadersAsync).GetValue("x-grpc-test-echo-initial"));
        Assert.Equal(new byte[] { 0xab, 0xab, 0xab }, call.GetTrailers().GetValueBytes("x-grpc-test-echo-trailing-bin"));
    }

    [Fact]
    public async Task CancelAfterBegin_EndsWithCancelledAndCancelsTheHandler()
    {
        var observer = fixture.Server.Observer;
        var startedBefore = observer.StartedCount;
        var cancelledBefore = observer.CancelledCount;
        using var source = new CancellationTokenSource();
        using var call = Client.StreamingInputCall(new CallOptions(CancellationToken: source.Token));
        await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = new Payload() });
        await observer.WaitForAsync(o => o.StartedCount > startedBefore, TimeSpan.FromSeconds(5));

        source.Cancel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await observer.WaitForAsync(o => o.CancelledCount > cancelledBefore, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ClientCompressedUnary_IsAcceptedWhenCompressedAndRefusedWhenExpectedButPlain()
    {
        var request = new SimpleRequest
        {
            ResponseSize = 314_159,
            ExpectCompressed = true,
            Payload = new Payload { Body = ByteString.CopyFrom(new byte[271_828]) },
        };

        var response = await Client.UnaryCall(request, new CallOptions(RequestCompression: "gzip"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryCall(request).ResponseAsync);

        Assert.Equal(314_159, response.Payload.Body.Length);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Fact]
    public async Task ServerCompressedUnary_IsDecompressedByTheClient()
    {
        using var call = Client.UnaryCall(new SimpleRequest { ResponseSize = 314_159, ResponseCompressed = true });

        var response = await call;

        Assert.Equal(314_159, response.Payload.Body.Length);
    }

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
