using System.Text;
using Google.Protobuf;
using Personnel.Rpc.Testing;
using Personnel.Rpc.Tests.TestService;

namespace Personnel.Rpc.Tests;

/// <summary>
/// The interop cases as our client runs them (grpc/grpc doc/interop-test-descriptions.md), against any server
/// of the test service: ours, or another implementation's.
/// </summary>
public abstract class ClientInteropCases : IDisposable
{
    private GrpcChannel? _channel;

    /// <summary>Gets the server's address.</summary>
    protected abstract Uri Address { get; }

    /// <summary>Gets what the server's handlers saw, when the server is ours; null otherwise.</summary>
    protected abstract CallObserver? Observer { get; }

    /// <summary>Gets whether the server checks that a request said to be compressed was (grpc-js hides the header).</summary>
    protected virtual bool ServerChecksRequestCompression => true;

    protected TestClient Client => new((_channel ??= GrpcChannel.ForAddress(Address)).CreateCallInvoker());

    public void Dispose()
    {
        _channel?.Dispose();
        GC.SuppressFinalize(this);
    }

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
        if (Observer is not null)
        {
            Assert.Equal("Method UnimplementedCall of personnel.rpc.testing.TestService is unimplemented.", ex.Status.Detail);
        }
    }

    [Fact]
    public async Task UnimplementedService_AnswersUnimplemented()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.UnimplementedServiceCall(new Empty()).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        if (Observer is not null)
        {
            // Our own wording; other servers phrase it their way.
            Assert.Equal("Service personnel.rpc.testing.UnimplementedService is unimplemented.", ex.Status.Detail);
        }
    }

    [Fact]
    public async Task TimeoutOnSleepingServer_EndsWithDeadlineExceededAndCancelsTheHandler()
    {
        var cancelledBefore = Observer?.CancelledCount ?? 0;
        var request = new SimpleRequest { SleepMs = 20_000 };

        var ex = await Assert.ThrowsAsync<RpcException>(
            () => Client.UnaryCall(request, new CallOptions(Deadline: DateTime.UtcNow.AddMilliseconds(100))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        if (Observer is { } observer)
        {
            await observer.WaitForAsync(o => o.CancelledCount > cancelledBefore, TimeSpan.FromSeconds(5));
        }
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
        var startedBefore = Observer?.StartedCount ?? 0;
        var cancelledBefore = Observer?.CancelledCount ?? 0;
        using var source = new CancellationTokenSource();
        using var call = Client.StreamingInputCall(new CallOptions(CancellationToken: source.Token));
        await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = new Payload() });
        if (Observer is { } observer)
        {
            await observer.WaitForAsync(o => o.StartedCount > startedBefore, TimeSpan.FromSeconds(5));
        }

        source.Cancel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        if (Observer is { } seen)
        {
            await seen.WaitForAsync(o => o.CancelledCount > cancelledBefore, TimeSpan.FromSeconds(5));
        }
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

        Assert.Equal(314_159, response.Payload.Body.Length);
        if (ServerChecksRequestCompression)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryCall(request).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        }
    }

    [Fact]
    public async Task ServerCompressedUnary_IsDecompressedByTheClient()
    {
        using var call = Client.UnaryCall(new SimpleRequest { ResponseSize = 314_159, ResponseCompressed = true });

        var response = await call;

        Assert.Equal(314_159, response.Payload.Body.Length);
    }
}
