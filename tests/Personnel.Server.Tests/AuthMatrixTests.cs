using Google.Protobuf;
using Google.Protobuf.Reflection;
using Personnel.Api.V1;
using Grpc.Core;
using Personnel.Server.Auth;

namespace Personnel.Server.Tests;

/// <summary>Authentication and the role × RPC matrix of docs/api.md, through real gRPC.</summary>
public sealed class AuthMatrixTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly FileDescriptor[] Files =
    [
        EmployeeReflection.Descriptor, GradingReflection.Descriptor, DepartmentReflection.Descriptor, RotationReflection.Descriptor,
        PayReflection.Descriptor, EventsReflection.Descriptor, KeysReflection.Descriptor,
    ];

    private static IEnumerable<MethodDescriptor> AllMethods => Files.SelectMany(f => f.Services).SelectMany(s => s.Methods);

    [Fact]
    public void Every_rpc_of_every_service_has_a_row_in_the_permission_matrix()
    {
        var missing = AllMethods.Select(m => m.Service.FullName + "/" + m.Name).Where(n => !Permissions.Table.ContainsKey(n)).ToList();
        Assert.Empty(missing);
        Assert.Equal(AllMethods.Count(), Permissions.Table.Count);
    }

    [Fact]
    public async Task A_key_works_as_soon_as_its_creation_is_acknowledged_and_stops_as_soon_as_its_revocation_is_while_others_authenticate()
    {
        // Callers with other keys keep the registry reloading while keys are created and revoked: a reload that read the
        // keys stream before a change must not replace the newer snapshot when it finishes later.
        var readers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => server.KeyAsync(Role.Reader)));
        using var stop = new CancellationTokenSource();
        var background = readers.Select(token => Task.Run(async () =>
        {
            var client = server.As(token);
            while (!stop.IsCancellationRequested)
            {
                await client.Call<ListApiKeysRequest, ListApiKeysResponse>(new ListApiKeysRequest()).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        })).ToList();

        var failures = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var token = await server.KeyAsync(Role.Reader);
            var used = await CodeOf(() => server.As(token).Call<GetDepartmentRequest, GetDepartmentResponse>(new GetDepartmentRequest { DepartmentId = "none" }));
            if (used != StatusCode.NotFound)
            {
                failures.Add($"round {i}: a key just created answered {used}");
            }

            await server.Admin.Call<RevokeApiKeyRequest, RevokeApiKeyResponse>(new RevokeApiKeyRequest { RequestId = Build.RequestId(), KeyId = token.Split('.')[0] });
            var revoked = await CodeOf(() => server.As(token).Call<GetDepartmentRequest, GetDepartmentResponse>(new GetDepartmentRequest { DepartmentId = "none" }));
            if (revoked != StatusCode.Unauthenticated)
            {
                failures.Add($"round {i}: a key just revoked answered {revoked}");
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(background);
        Assert.Empty(failures);
    }

    private static async Task<StatusCode> CodeOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    [Fact]
    public async Task Every_rpc_without_a_key_or_with_a_bad_or_revoked_key_is_unauthenticated()
    {
        var revoked = await server.KeyAsync(Role.Admin);
        await server.Admin.Call<RevokeApiKeyRequest, RevokeApiKeyResponse>(new RevokeApiKeyRequest { RequestId = Build.RequestId(), KeyId = revoked.Split('.')[0] });

        var failures = new List<string>();
        foreach (var method in AllMethods)
        {
            foreach (var token in new[] { null, "garbage", revoked, ServerFixture.AdminToken + "x" })
            {
                var code = await CallEmptyAsync(server.As(token), method);
                if (code != StatusCode.Unauthenticated)
                {
                    failures.Add($"{method.FullName} with {token ?? "no key"}: {code}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Each_role_reaches_exactly_the_rpcs_of_its_row_and_is_denied_the_rest()
    {
        var tokens = new Dictionary<Role, string>
        {
            [Role.Reader] = await server.KeyAsync(Role.Reader),
            [Role.Hr] = await server.KeyAsync(Role.Hr),
            [Role.PartyAffairs] = await server.KeyAsync(Role.PartyAffairs),
            [Role.Admin] = ServerFixture.AdminToken,
        };

        var failures = new List<string>();
        foreach (var method in AllMethods)
        {
            foreach (var (role, token) in tokens)
            {
                var code = await CallEmptyAsync(server.As(token), method);
                var allowed = Expected(role, method);
                if (allowed == (code is StatusCode.PermissionDenied or StatusCode.Unauthenticated))
                {
                    failures.Add($"{method.FullName} as {role}: {code}, expected {(allowed ? "to pass auth" : "PERMISSION_DENIED")}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Department_hr_is_refused_another_departments_staff_and_nothing_is_written()
    {
        var hrA = server.As(await server.KeyAsync(Role.Hr, "dept-a"));
        var hrB = server.As(await server.KeyAsync(Role.Hr, "dept-b"));
        await hrB.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("b-1", "dept-b", "2024-01-02"));
        var position = await server.Store.GetLastPositionAsync();

        var grade = await hrA.Refused<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("b-1", 2024, 1, QuarterlyGrade.Average));
        var appoint = await hrA.Refused<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("b-2", "dept-b", "2024-01-02"));
        var leave = await hrA.Refused<RecordLeaveRequest, RecordLeaveResponse>(new RecordLeaveRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "b-1", Kind = LeaveKind.Annual, StartsOn = Build.Date("2024-02-01"), EndsOn = Build.Date("2024-02-02"),
        });

        Assert.All([grade, appoint, leave], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Contains("dept-a", grade.Status.Detail);
        Assert.Contains("dept-b", grade.Status.Detail);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
        var read = await hrA.Call<GetEmployeeRequest, GetEmployeeResponse>(new GetEmployeeRequest { EmployeeId = "b-1" });
        Assert.Equal("dept-b", read.Employee.DepartmentId);
    }

    [Fact]
    public async Task AS24_grading_follows_the_assessing_unit_so_a_receiving_units_hr_grades_a_seconded_person_and_the_home_hr_does_not()
    {
        await server.DepartmentAsync("dept-r");
        var hrHome = server.As(await server.KeyAsync(Role.Hr, "dept-s"));
        var hrHost = server.As(await server.KeyAsync(Role.Hr, "dept-r"));
        var hrAll = server.As(await server.KeyAsync(Role.Hr));
        await hrHome.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("s-1", "dept-s", "2024-01-02"));
        await hrHome.Call<RecordSecondmentRequest, RecordSecondmentResponse>(new RecordSecondmentRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "s-1", ReceivingDepartmentId = "dept-r", StartsOn = Build.Date("2024-01-02"), EndsOn = Build.Date("2024-12-31"),
        });
        var position = await server.Store.GetLastPositionAsync();

        // Grading follows the assessing unit; the other employee RPCs still follow the home department.
        var gradeByHome = await hrHome.Refused<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("s-1", 2024, 1, QuarterlyGrade.Average));
        var leaveByHost = await hrHost.Refused<RecordLeaveRequest, RecordLeaveResponse>(new RecordLeaveRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "s-1", Kind = LeaveKind.Annual, StartsOn = Build.Date("2024-02-01"), EndsOn = Build.Date("2024-02-02"),
        });
        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (gradeByHome.StatusCode, leaveByHost.StatusCode));
        Assert.Contains("AS 第二十四条", gradeByHome.Status.Detail);
        Assert.Contains("'dept-r'", gradeByHome.Status.Detail);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());

        var byHost = await hrHost.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("s-1", 2024, 1, QuarterlyGrade.Average));
        var byAll = await hrAll.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("s-1", 2024, 2, QuarterlyGrade.Average));
        Assert.Equal(("dept-r", "dept-r"), (byHost.Record.DepartmentId, byAll.Record.DepartmentId));
    }

    [Fact]
    public async Task AS2_heads_and_deputies_are_graded_by_party_affairs_only()
    {
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        var hr = server.As(await server.KeyAsync(Role.Hr, "dept-h"));
        var deputy = Build.Appointment("deputy", "dept-h", "2024-01-02", Post.DeputyHead, level: 5);
        deputy.AdministrativeRank = AdministrativeRank.DeputyDivision;
        deputy.AdministrativeRankSince = Build.Date("2015-01-01");
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(deputy);
        var position = await server.Store.GetLastPositionAsync();

        var byHr = await hr.Refused<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("deputy", 2024, 1, QuarterlyGrade.FairlyGood));
        var byAdmin = await server.Admin.Refused<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("deputy", 2024, 1, QuarterlyGrade.FairlyGood));
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
        var byParty = await party.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("deputy", 2024, 1, QuarterlyGrade.FairlyGood));

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (byHr.StatusCode, byAdmin.StatusCode));
        Assert.Contains("AS 第二条", byHr.Status.Detail);
        Assert.Equal(QuarterlyGrade.FairlyGood, byParty.Record.Grade);
        var history = await hr.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = "deputy" });
        Assert.Single(history.Entries, e => e.Type == "quarterly-grade-recorded");
    }

    [Fact]
    public async Task Health_and_reflection_answer_without_a_key()
    {
        var health = new Grpc.Health.V1.Health.HealthClient(server.Invoker);
        var answer = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest(), server.As(null).Options());
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
    }

    /// <summary>The matrix as docs/api.md states it, written out independently of <see cref="Permissions.Table"/>.</summary>
    private static bool Expected(Role role, MethodDescriptor method)
    {
        var service = method.Service.Name;
        var read = method.Name is "GetCallerKey" or "SearchEmployees" || (service != "KeyService" && (method.Name.StartsWith("Get", StringComparison.Ordinal)
            || method.Name.StartsWith("List", StringComparison.Ordinal) || method.Name == "WatchEvents"));
        var hrWrites = service is "EmployeeService" or "GradingService" && method.Name != "Rotate";
        var partyWrites = method.Name is "Rotate" or "CreateDepartment" or "RecordDepartmentAssessment" or "AllocateAnnualPerformancePay"
            or "CorrectDepartmentAssessment";
        return role switch
        {
            Role.Reader => read,
            Role.Hr => read || hrWrites,
            Role.PartyAffairs => read || hrWrites || partyWrites,
            Role.Admin => true,
            _ => false,
        };
    }

    private static async Task<StatusCode> CallEmptyAsync(Client client, MethodDescriptor method)
    {
        var generic = typeof(AuthMatrixTests).GetMethod(nameof(CallEmptyTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(method.InputType.ClrType, method.OutputType.ClrType);
        return await (Task<StatusCode>)generic.Invoke(null, [client, method])!;
    }

    // An empty request: authentication and the role check run before the handler looks at it.
    private static async Task<StatusCode> CallEmptyTypedAsync<TRequest, TResponse>(Client client, MethodDescriptor descriptor)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var method = TestMethods.For<TRequest, TResponse>(descriptor);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var options = client.Options(cancel.Token).WithDeadline(DateTime.UtcNow.AddSeconds(1));
        try
        {
            if (descriptor.IsClientStreaming)
            {
                using var call = client.Invoker.AsyncClientStreamingCall(method, null, options);
                await call.RequestStream.CompleteAsync();
                await call;
            }
            else if (descriptor.IsServerStreaming)
            {
                using var call = client.Invoker.AsyncServerStreamingCall(method, null, options, new TRequest());
                while (await call.ResponseStream.MoveNext(cancel.Token))
                {
                }
            }
            else
            {
                using var call = client.Invoker.AsyncUnaryCall(method, null, options, new TRequest());
                await call;
            }

            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
