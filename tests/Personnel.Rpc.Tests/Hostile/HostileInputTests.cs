using System.Net;
using Google.Protobuf;
using Personnel.Rpc.Testing;
using Personnel.Rpc.Tests.TestService;

namespace Personnel.Rpc.Tests.Hostile;

/// <summary>
/// Requests no well-behaved client sends. Each gets the status the spec names, and the server goes on
/// serving afterwards.
/// </summary>
public sealed class HostileInputTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string EmptyCall = "/personnel.rpc.testing.TestService/EmptyCall";
    private const string StreamingInputCall = "/personnel.rpc.testing.TestService/StreamingInputCall";

    private Uri Address => fixture.Server.Address;

    [Fact]
    public async Task WrongContentType_IsRefusedWith415()
    {
        var response = await RawGrpc.SendAsync(Address, EmptyCall, RawGrpc.Frame([]), contentType: "application/json");

        Assert.Equal((int)HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
        Assert.Equal("13", response.GrpcStatus);
        await AssertStillServingAsync();
    }

    [Theory]
    [InlineData("application/grpc-web")]
    [InlineData("application/grpc+json")]
    [InlineData("application/grpcx")]
    public async Task OtherGrpcFormats_AreRefusedWith415(string contentType)
    {
        var response = await RawGrpc.SendAsync(Address, EmptyCall, RawGrpc.Frame([]), contentType: contentType);

        Assert.Equal((int)HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
    }

    [Theory]
    [InlineData("application/grpc+proto")]
    [InlineData("application/grpc; charset=utf-8")]
    public async Task ProtobufGrpcContentTypes_AreServed(string contentType)
    {
        var response = await RawGrpc.SendAsync(Address, EmptyCall, RawGrpc.Frame([]), contentType: contentType);

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal("0", response.GrpcStatus);
    }

    [Fact]
    public async Task Http11_IsRefusedWithUpgradeRequired()
    {
        var response = await RawGrpc.SendAsync(fixture.Server.Http1Address, EmptyCall, RawGrpc.Frame([]), version: HttpVersion.Version11);

        Assert.Equal((int)HttpStatusCode.UpgradeRequired, response.HttpStatus);
        Assert.Equal("13", response.GrpcStatus);
        Assert.Contains("HTTP/1.1", Uri.UnescapeDataString(response.GrpcMessage!), StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Http11_OnTheHttp2OnlyEndpoint_IsABadRequestThatNeverReachesAHandler()
    {
        var response = await RawGrpc.SendAsync(Address, EmptyCall, RawGrpc.Frame([]), version: HttpVersion.Version11);

        // Kestrel answers the missing HTTP/2 preface itself, before routing.
        Assert.Equal((int)HttpStatusCode.BadRequest, response.HttpStatus);
        Assert.Null(response.GrpcStatus);

        await AssertStillServingAsync();
    }

    [Fact]
    public async Task TruncatedFrame_IsInternal()
    {
        var truncated = RawGrpc.Frame([1, 2, 3], declaredLength: 10);

        var response = await RawGrpc.SendAsync(Address, EmptyCall, truncated);

        AssertGrpcStatus(response, StatusCode.Internal, "Incomplete request message");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task TruncatedHeader_IsInternal()
    {
        var response = await RawGrpc.SendAsync(Address, EmptyCall, [0, 0, 0]);

        AssertGrpcStatus(response, StatusCode.Internal, "Incomplete request message");
    }

    [Fact]
    public async Task DeclaredLengthOverTheLimit_IsResourceExhaustedBeforeTheBodyArrives()
    {
        var response = await RawGrpc.SendAsync(Address, EmptyCall, RawGrpc.Frame([], declaredLength: 4 * 1024 * 1024 + 1));

        AssertGrpcStatus(response, StatusCode.ResourceExhausted, "Received message larger than max (4194305 vs. 4194304)");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task CompressedFlagWithoutEncoding_IsInternal()
    {
        var response = await RawGrpc.SendAsync(Address, EmptyCall, RawGrpc.Frame([1, 2], compressedFlag: true));

        AssertGrpcStatus(response, StatusCode.Internal, "compressed flag is set but grpc-encoding is 'absent'");
    }

    [Fact]
    public async Task UnsupportedEncoding_IsUnimplementedAndAdvertisesWhatIsSupported()
    {
        var response = await RawGrpc.SendAsync(
            Address, EmptyCall, RawGrpc.Frame([1, 2], compressedFlag: true), headers: [("grpc-encoding", "snappy")]);

        AssertGrpcStatus(response, StatusCode.Unimplemented, "'snappy', which is not supported");
        Assert.Equal("identity,gzip", response.GrpcAcceptEncoding);
    }

    [Fact]
    public async Task InvalidGzip_IsInternal()
    {
        var response = await RawGrpc.SendAsync(
            Address, EmptyCall, RawGrpc.Frame([1, 2, 3, 4], compressedFlag: true), headers: [("grpc-encoding", "gzip")]);

        AssertGrpcStatus(response, StatusCode.Internal, "not valid gzip data");
    }

    [Fact]
    public async Task GarbageProtobuf_IsInternal()
    {
        // Field 1 as a length-delimited field claiming more bytes than follow.
        var response = await RawGrpc.SendAsync(Address, EmptyCall, RawGrpc.Frame([0x0A, 0xFF, 0x01, 0x00]));

        AssertGrpcStatus(response, StatusCode.Internal, "Failed to deserialize the request message");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task SecondMessageOnAUnaryCall_IsInternal()
    {
        var response = await RawGrpc.SendAsync(Address, EmptyCall, [.. RawGrpc.Frame([]), .. RawGrpc.Frame([])]);

        AssertGrpcStatus(response, StatusCode.Internal, "A second request message arrived");
    }

    [Fact]
    public async Task NoMessageOnAUnaryCall_IsInternal()
    {
        var response = await RawGrpc.SendAsync(Address, EmptyCall, []);

        AssertGrpcStatus(response, StatusCode.Internal, "ended before a message arrived");
    }

    [Fact]
    public async Task OversizedMetadata_IsResourceExhausted()
    {
        var response = await RawGrpc.SendAsync(Address, EmptyCall, RawGrpc.Frame([]), headers: [("x-big", new string('a', 10_000))]);

        AssertGrpcStatus(response, StatusCode.ResourceExhausted, "over the limit of 8192");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task MetadataBeyondKestrelsOwnLimit_FailsThatRequestOnly()
    {
        var outcome = await Record.ExceptionAsync(
            () => RawGrpc.SendAsync(Address, EmptyCall, RawGrpc.Frame([]), headers: [("x-huge", new string('a', 40_000))]));

        // Kestrel refuses headers past its own limit (32 KiB) before any gRPC code runs: a reset or a 431.
        Assert.True(outcome is HttpRequestException or null, $"unexpected {outcome}");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task DeadlineOfOneNanosecond_IsDeadlineExceededWithoutRunningTheHandler()
    {
        var startedBefore = fixture.Server.Observer.StartedCount;
        var request = new SimpleRequest { ResponseSize = 1 }.ToByteArray();

        var response = await RawGrpc.SendAsync(
            Address, "/personnel.rpc.testing.TestService/UnaryCall", RawGrpc.Frame(request), headers: [("grpc-timeout", "1n")]);

        AssertGrpcStatus(response, StatusCode.DeadlineExceeded, "Deadline Exceeded");
        Assert.Equal(startedBefore, fixture.Server.Observer.StartedCount);
    }

    [Fact]
    public async Task MalformedTimeout_IsInternalNamingTheRule()
    {
        var response = await RawGrpc.SendAsync(Address, EmptyCall, RawGrpc.Frame([]), headers: [("grpc-timeout", "123456789S")]);

        AssertGrpcStatus(response, StatusCode.Internal, "1 to 8 digits followed by one of H M S m u n");
    }

    [Fact]
    public async Task BinaryMetadataThatIsNotBase64_IsInternalWhenTheHandlerReadsIt()
    {
        var response = await RawGrpc.SendAsync(
            Address, "/personnel.rpc.testing.TestService/UnaryCall", RawGrpc.Frame(new SimpleRequest().ToByteArray()),
            headers: [("x-grpc-test-echo-trailing-bin", "!!!not base64!!!")]);

        AssertGrpcStatus(response, StatusCode.Internal, "is not base64");
    }

    [Fact]
    public async Task ClientResetMidStream_CancelsTheHandlerAndTheServerGoesOn()
    {
        var observer = fixture.Server.Observer;
        var startedBefore = observer.StartedCount;
        var cancelledBefore = observer.CancelledCount;
        var endedBefore = observer.EndedCount;
        await using var connection = await RawHttp2Connection.OpenAsync(Address);
        var headers = RawHttp2Connection.HeaderBlock(RawHttp2Connection.GrpcRequestHeaders(StreamingInputCall, Address.Authority));
        var message = new StreamingInputCallRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[100]) } }.ToByteArray();
        await connection.WriteAsync([
            .. RawHttp2Connection.FrameBytes(RawHttp2Connection.Headers, RawHttp2Connection.EndHeaders, 1, headers),
            .. RawHttp2Connection.FrameBytes(RawHttp2Connection.Data, 0, 1, RawGrpc.Frame(message)),
            .. RawHttp2Connection.FrameBytes(RawHttp2Connection.Data, 0, 1, RawGrpc.Frame(message).AsSpan(0, 20)),
        ]);
        await observer.WaitForAsync(o => o.StartedCount > startedBefore, TimeSpan.FromSeconds(5));

        await connection.WriteAsync(RawHttp2Connection.FrameBytes(RawHttp2Connection.RstStream, 0, 1, [0, 0, 0, 8]));

        await observer.WaitForAsync(o => o.CancelledCount > cancelledBefore && o.EndedCount > endedBefore, TimeSpan.FromSeconds(5));
        await AssertStillServingAsync();
    }

    private static void AssertGrpcStatus(RawResponse response, StatusCode code, string detailFragment)
    {
        Assert.Equal(200, response.HttpStatus);
        Assert.Equal("application/grpc", response.ContentType);
        Assert.Equal(((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture), response.GrpcStatus);
        Assert.Contains(detailFragment, Uri.UnescapeDataString(response.GrpcMessage ?? string.Empty), StringComparison.Ordinal);
    }

    private async Task AssertStillServingAsync()
    {
        using var channel = GrpcChannel.ForAddress(Address);
        var response = await new TestClient(channel.CreateCallInvoker()).EmptyCall(new Empty());
        Assert.Equal(new Empty(), response);
    }
}
