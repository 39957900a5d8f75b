using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Personnel.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Personnel.Server.Hosting;
using Personnel.Storage;

namespace Personnel.Server.Tests;

/// <summary>A clock tests set by hand; timers still run on real time (the server's timers only sweep idle grains and the outbox).</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;
}

/// <summary>
/// The real server on a loopback port (Kestrel, h2c) over a temporary SQLite file, or a fresh PostgreSQL
/// schema when <see cref="UsePostgres"/>; one per test class. Clients call it through Grpc.Net.Client.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    public const string AdminToken = "admin-token-for-tests-0123456789";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "personnel-server-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _schema = "srv_" + Guid.NewGuid().ToString("N")[..16];
    private WebApplication? _app;
    private GrpcChannel? _channel;
    private string? _partyAffairs;

    public ManualClock Clock { get; } = new();

    public IEventStore Store => App.Services.GetRequiredService<IEventStore>();

    public CallInvoker Invoker => (_channel ?? throw new InvalidOperationException("Not started.")).CreateCallInvoker();

    public Client Admin => As(AdminToken);

    /// <summary>Gets the gRPC (h2c) address.</summary>
    public Uri GrpcAddress { get; private set; } = null!;

    /// <summary>Gets the HTTP/1.1 address (JSON, gRPC-Web).</summary>
    public Uri WebAddress { get; private set; } = null!;

    protected virtual bool UsePostgres => false;

    /// <summary>Gets the policy profile the server runs. Defaults to the server's default (weihai-2020).</summary>
    protected virtual string? Profile => null;

    /// <summary>More server arguments, e.g. a policy profile file.</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    /// <summary>The running server's services (the grain cluster, the store).</summary>
    public IServiceProvider Services => App.Services;

    public Client As(string? token) => new(Invoker, token);

    /// <summary>Creates a key through KeyService and returns its token.</summary>
    public async Task<string> KeyAsync(Role role, string departmentId = "")
    {
        var created = await Admin.Call<CreateApiKeyRequest, CreateApiKeyResponse>(new CreateApiKeyRequest
        {
            RequestId = "key-" + Guid.NewGuid().ToString("N"),
            Name = $"{role} {departmentId}",
            Role = role,
            DepartmentId = departmentId,
        });
        return created.Token;
    }

    /// <summary>Creates a department as party-affairs.</summary>
    public async Task DepartmentAsync(string departmentId, string on = "2019-01-01")
    {
        _partyAffairs ??= await KeyAsync(Role.PartyAffairs);
        await As(_partyAffairs).Call<CreateDepartmentRequest, CreateDepartmentResponse>(new CreateDepartmentRequest
        {
            RequestId = "dept-" + departmentId, DepartmentId = departmentId, Name = "Department " + departmentId,
            Kind = DepartmentKind.ZoneDepartment, CreatedOn = Build.Date(on),
        });
    }

    public async Task InitializeAsync()
    {
        string[] storage;
        if (UsePostgres)
        {
            var connectionString = Environment.GetEnvironmentVariable("PERSONNEL_TEST_PG") is { Length: > 0 } cs
                ? cs
                : throw new InvalidOperationException(
                    "PERSONNEL_TEST_PG is not set, so the PostgreSQL end-to-end tests cannot run. Run ./test.sh (it starts a "
                    + "throwaway PostgreSQL via tests/setup/20-postgres.sh), then run dotnet test again.");
            storage = ["--Storage:Provider", "postgres", "--Storage:ConnectionString", connectionString, "--Storage:Schema", _schema];
        }
        else
        {
            Directory.CreateDirectory(_directory);
            storage = ["--Storage:ConnectionString", Path.Combine(_directory, "personnel.db")];
        }

        _app = await ServerHost.BuildAsync(
            [
                "--urls", "http://127.0.0.1:0", "--Web:Urls", "http://127.0.0.1:0", "--PERSONNEL_ADMIN_KEY", AdminToken, "--Grains:OutboxPeriod", "00:00:00.100",
                "--Logging:LogLevel:Default", "Warning", .. storage, .. Profile is null ? Array.Empty<string>() : ["--Policy:Profile", Profile], .. ExtraArguments,
            ],
            builder => builder.Services.AddKeyedSingleton<TimeProvider>(Hosting.ShanghaiClock.Key, Clock));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<Endpoints>().Grpc[0];
        WebAddress = new Uri(_app.Services.GetRequiredService<Endpoints>().Web[0]);
        GrpcAddress = new Uri(address);
        _channel = GrpcChannel.ForAddress(address);
        foreach (var department in StandardDepartments)
        {
            await DepartmentAsync(department);
        }
    }

    /// <summary>The departments the behaviour tests place people in without creating them first; they exist from the start,
    /// as in a running zone, since an appointment into a department never created is refused (AM 第二条).</summary>
    private static readonly string[] StandardDepartments =
        ["bay", "bulk", "census", "dept-b", "dept-h", "dept-s", "ferry", "gc", "harbour", "lake", "ledger", "life", "life-a", "planning", "rec", "rec-d", "rec-w", "roads", "shore", "life-b", "rec-2", "dock"];

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (UsePostgres)
        {
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("PERSONNEL_TEST_PG"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

/// <summary>The same server on PostgreSQL.</summary>
public sealed class PostgresServerFixture : ServerFixture
{
    protected override bool UsePostgres => true;
}

/// <summary>Calls any personnel.v1 RPC by its request type (one request message per RPC), with a bearer key.</summary>
public sealed class Client(CallInvoker invoker, string? token)
{
    private static readonly FileDescriptor[] Files =
    [
        EmployeeReflection.Descriptor, GradingReflection.Descriptor, DepartmentReflection.Descriptor, RotationReflection.Descriptor,
        PayReflection.Descriptor, EventsReflection.Descriptor, KeysReflection.Descriptor,
    ];

    public CallInvoker Invoker => invoker;

    /// <summary>Every RPC of every personnel.v1 service.</summary>
    public static IEnumerable<MethodDescriptor> Methods() => Files.SelectMany(f => f.Services).SelectMany(s => s.Methods);

    public static MethodDescriptor MethodFor(Type requestType) =>
        Files.SelectMany(f => f.Services).SelectMany(s => s.Methods).Single(m => m.InputType.ClrType == requestType);

    public CallOptions Options(CancellationToken cancellationToken = default) => new(
        headers: token is null ? null : new Metadata { { "authorization", "Bearer " + token } },
        deadline: DateTime.UtcNow.AddSeconds(30),
        cancellationToken: cancellationToken);

    public async Task<TResponse> Call<TRequest, TResponse>(TRequest request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        using var call = invoker.AsyncUnaryCall(TestMethods.For<TRequest, TResponse>(MethodFor(typeof(TRequest))), null, Options(), request);
        return await call;
    }

    /// <summary>Calls and expects a refusal; returns it.</summary>
    public async Task<RpcException> Refused<TRequest, TResponse>(TRequest request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        await Assert.ThrowsAsync<RpcException>(() => Call<TRequest, TResponse>(request));

    public async Task<ImportQuarterlyGradesResponse> Import(IEnumerable<ImportQuarterlyGradeRow> rows)
    {
        var method = TestMethods.For<ImportQuarterlyGradeRow, ImportQuarterlyGradesResponse>(MethodFor(typeof(ImportQuarterlyGradeRow)));
        using var call = invoker.AsyncClientStreamingCall(method, null, Options());
        foreach (var row in rows)
        {
            await call.RequestStream.WriteAsync(row);
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }

    public AsyncServerStreamingCall<WatchEventsResponse> Watch(WatchEventsRequest request, CancellationToken cancellationToken)
    {
        var method = TestMethods.For<WatchEventsRequest, WatchEventsResponse>(MethodFor(typeof(WatchEventsRequest)));
        return invoker.AsyncServerStreamingCall(method, null, Options(cancellationToken), request);
    }
}

/// <summary>A client-side method of any RPC, from its descriptor: the tests call every RPC by its request type, through the
/// client library's own method builder.</summary>
public static class TestMethods
{
    public static Method<TRequest, TResponse> For<TRequest, TResponse>(MethodDescriptor descriptor)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        Personnel.Client.CallRunner.Method<TRequest, TResponse>(descriptor.Service, descriptor.Name);
}

/// <summary>Short-hands for building requests.</summary>
public static class Build
{
    private static int _requests;

    public static string RequestId() => "r-" + Interlocked.Increment(ref _requests).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    public static Google.Type.Date Date(string text)
    {
        var d = DateOnly.Parse(text, CultureInfo.InvariantCulture);
        return new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day };
    }

    public static AppointEmployeeRequest Appointment(string employeeId, string departmentId, string on, Post post = Post.DeputySectionChief, int level = 6) => new()
    {
        RequestId = RequestId(),
        EmployeeId = employeeId,
        Name = "Name of " + employeeId,
        DepartmentId = departmentId,
        Method = AppointmentMethod.Competitive,
        PostLevel = new PostLevel { Post = post, GradeLevel = level, Step = 5 },
        StartsOn = Date(on),
        RetirementOn = Date("2045-06-30"),
        AdministrativeRank = AdministrativeRank.DeputySection,
        AdministrativeRankSince = Date("2015-07-01"),
        Education = Education.Bachelor,
    };

    /// <summary>A deputy-section rank held since <paramref name="rankSince"/> and a bachelor's degree, recorded on <paramref name="on"/>.</summary>
    public static RecordQualificationsRequest Qualifications(string employeeId, string rankSince, string on) => new()
    {
        RequestId = RequestId(),
        EmployeeId = employeeId,
        AdministrativeRank = AdministrativeRank.DeputySection,
        AdministrativeRankSince = Date(rankSince),
        Education = Education.Bachelor,
        RecordedOn = Date(on),
    };

    public static RecordQuarterlyGradeRequest Quarterly(string employeeId, int year, int quarter, QuarterlyGrade grade, string? on = null) => new()
    {
        RequestId = RequestId(),
        EmployeeId = employeeId,
        Year = year,
        Quarter = quarter,
        Grade = grade,
        DecidedOn = Date(on ?? new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    };

    public static RecordAnnualGradeRequest Annual(string employeeId, int year, AnnualGrade grade) => new()
    {
        RequestId = RequestId(),
        EmployeeId = employeeId,
        Year = year,
        Grade = grade,
        DecidedOn = Date($"{year}-12-18"),
    };
}
