using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Google.Protobuf;
using Personnel.Api.V1;

namespace Personnel.Server.Tests;

/// <summary>
/// The server's three doors, on the real server: gRPC over h2c on --urls (hostile input answered with the right status and
/// nothing else), and on --Web:Urls over HTTP/1.1, JSON for township apps (google.api.http routes) and gRPC-Web for
/// browsers — the same key, the same refusals.
/// </summary>
public sealed class ProtocolTests(ServerFixture server) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private const string Employee = "proto-1";
    private const string PostLevelPath = "/personnel.v1.EmployeeService/GetPostLevel";

    public async Task InitializeAsync()
    {
        var existing = await server.Admin.Invoker.AsyncUnaryCall(
            TestMethods.For<GetEmployeeRequest, GetEmployeeResponse>(Client.MethodFor(typeof(GetEmployeeRequest))), null,
            server.Admin.Options(), new GetEmployeeRequest { EmployeeId = Employee }).ResponseAsync.ContinueWith(t => t.IsCompletedSuccessfully);
        if (!existing)
        {
            await server.Admin.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment(Employee, "harbour", "2023-05-02", Post.Staff, 7));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private byte[] PostLevelRequest => RawGrpc.Frame(new GetPostLevelRequest { EmployeeId = Employee }.ToByteArray());

    private (string, string)[] Bearer => [("authorization", "Bearer " + ServerFixture.AdminToken)];

    [Fact]
    public async Task A_content_type_other_than_grpc_is_refused_415()
    {
        var response = await RawGrpc.SendAsync(server.GrpcAddress, PostLevelPath, PostLevelRequest, "text/plain", Bearer);

        Assert.Equal(415, response.HttpStatus);
    }

    [Fact]
    public async Task A_message_declared_over_4_MB_is_RESOURCE_EXHAUSTED()
    {
        var frame = RawGrpc.Frame(new byte[16], declaredLength: 5 * 1024 * 1024);

        var response = await RawGrpc.SendAsync(server.GrpcAddress, PostLevelPath, frame, headers: Bearer);

        Assert.Equal("8", response.GrpcStatus);
    }

    [Fact]
    public async Task A_garbage_payload_is_INTERNAL_without_a_stack_trace()
    {
        var response = await RawGrpc.SendAsync(server.GrpcAddress, PostLevelPath, RawGrpc.Frame([0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x0A]), headers: Bearer);

        Assert.Equal("13", response.GrpcStatus);
        Assert.DoesNotContain(" at ", Uri.UnescapeDataString(response.GrpcMessage ?? ""), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Uri.UnescapeDataString(response.GrpcMessage ?? ""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/personnel.v1.EmployeeService/NoSuchMethod")]
    [InlineData("/personnel.v1.NoSuchService/Call")]
    public async Task An_unknown_method_is_UNIMPLEMENTED(string path)
    {
        var response = await RawGrpc.SendAsync(server.GrpcAddress, path, PostLevelRequest, headers: Bearer);

        Assert.Equal("12", response.GrpcStatus);
    }

    [Fact]
    public async Task A_call_still_running_at_its_deadline_ends_DEADLINE_EXCEEDED()
    {
        // WatchEvents waits for new events until cancelled: 300 ms after it starts, its deadline ends it.
        var watch = RawGrpc.Frame(new WatchEventsRequest { AfterPosition = long.MaxValue / 2 }.ToByteArray());

        var response = await RawGrpc.SendAsync(server.GrpcAddress, "/personnel.v1.EventService/WatchEvents", watch, headers: [.. Bearer, ("grpc-timeout", "300m")]);

        Assert.Equal("4", response.GrpcStatus);
    }

    [Fact]
    public async Task Json_over_http_1_1_answers_the_post_level_now_and_as_of_a_date()
    {
        using var http = WebClient(ServerFixture.AdminToken);

        using var now = await http.GetAsync($"/v1/employees/{Employee}/post-level");
        using var then = await http.GetAsync($"/v1/employees/{Employee}/post-level?as_of=2024-01-01");
        // Only date fields are read as dates: a search for text shaped like a date stays a search.
        using var search = await http.GetAsync("/v1/employees?query=2024-01-01");

        Assert.Equal((HttpStatusCode.OK, new Version(1, 1)), (now.StatusCode, now.Version));
        Assert.Equal("application/json", now.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await now.Content.ReadAsStringAsync());
        Assert.Equal(Employee, body.RootElement.GetProperty("employeeId").GetString());
        Assert.Equal("POST_STAFF", body.RootElement.GetProperty("postLevel").GetProperty("post").GetString());
        Assert.Equal(7, body.RootElement.GetProperty("postLevel").GetProperty("gradeLevel").GetInt32());
        using var asOf = JsonDocument.Parse(await then.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, then.StatusCode);
        Assert.Equal(2024, asOf.RootElement.GetProperty("asOf").GetProperty("year").GetInt32());
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
    }

    [Fact]
    public async Task Json_without_a_key_is_401_with_the_refusal_as_json()
    {
        using var http = WebClient(token: null);

        using var response = await http.GetAsync($"/v1/employees/{Employee}/post-level");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(16, body.RootElement.GetProperty("code").GetInt32());
        Assert.StartsWith("No API key", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("API_KEY_MISSING", body.RootElement.GetProperty("details")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Json_refusals_are_the_rpc_refusals_with_their_http_status()
    {
        using var http = WebClient(ServerFixture.AdminToken);

        using var missing = await http.GetAsync("/v1/employees/proto-nobody/tenure");
        using var badDate = await http.GetAsync($"/v1/employees/{Employee}/post-level?as_of=2023-02-30");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var body = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal("EMPLOYEE_MUST_EXIST", body.RootElement.GetProperty("details")[0].GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("2023-02-30", await badDate.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Grpc_web_over_http_1_1_answers_GetPostLevel()
    {
        using var handler = new SocketsHttpHandler();
        using var http = new HttpClient(handler) { BaseAddress = server.WebAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, PostLevelPath)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(PostLevelRequest),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/grpc-web+proto");
        request.Headers.TryAddWithoutValidation("authorization", "Bearer " + ServerFixture.AdminToken);

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal((HttpStatusCode.OK, "application/grpc-web"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        // A data frame (flag 0) with the message, then a trailers frame (flag 0x80) saying grpc-status: 0.
        Assert.Equal(0, body[0]);
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1));
        var answer = GetPostLevelResponse.Parser.ParseFrom(body, 5, length);
        Assert.Equal((Employee, Post.Staff, 7), (answer.EmployeeId, answer.PostLevel.Post, answer.PostLevel.GradeLevel));
        Assert.Equal(0x80, body[5 + length]);
        Assert.Contains("grpc-status: 0", System.Text.Encoding.ASCII.GetString(body, 10 + length, body.Length - 10 - length), StringComparison.Ordinal);
    }

    private HttpClient WebClient(string? token)
    {
        var http = new HttpClient { BaseAddress = server.WebAddress, DefaultRequestVersion = HttpVersion.Version11 };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }
}
