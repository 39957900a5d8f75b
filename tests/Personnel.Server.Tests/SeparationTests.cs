using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Server.Tests;

/// <summary>Separations (AM 第十五条, 第十八条) and the feed downstream systems follow them by.</summary>
public sealed class SeparationTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AM15_resignation_transfer_out_retirement_and_dismissal_each_end_the_contract_in_their_own_state()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "harbour"));
        var cases = new[]
        {
            ("s-resign", SeparationKind.Resignation, DismissalCause.Unspecified, "", ContractState.Resigned),
            ("s-transfer", SeparationKind.TransferOut, DismissalCause.Unspecified, "Weihai city bureau", ContractState.TransferredOut),
            ("s-retire", SeparationKind.Retirement, DismissalCause.Unspecified, "", ContractState.Retired),
            ("s-dismiss", SeparationKind.Dismissal, DismissalCause.BreaksRulesUnreformed, "repeated breaches after education", ContractState.Dismissed),
        };
        foreach (var (id, kind, cause, reason, state) in cases)
        {
            var appointment = Build.Appointment(id, "harbour", "2022-01-03");
            if (kind == SeparationKind.Retirement)
            {
                appointment.RetirementOn = Build.Date("2024-05-06");
            }

            await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(appointment);
            var separated = await hr.Call<SeparateRequest, SeparateResponse>(new SeparateRequest
            {
                RequestId = Build.RequestId(), EmployeeId = id, Kind = kind, DismissalCause = cause, Reason = reason, EffectiveOn = Build.Date("2024-05-06"),
            });
            Assert.Equal(state, separated.Employee.State);
        }

        var version = await server.Store.GetStreamVersionAsync("employee:s-resign");
        var again = await hr.Refused<SeparateRequest, SeparateResponse>(new SeparateRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "s-resign", Kind = SeparationKind.Retirement, EffectiveOn = Build.Date("2024-06-01"),
        });
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal(version, await server.Store.GetStreamVersionAsync("employee:s-resign"));
    }

    [Fact]
    public async Task AM18_absence_past_fifteen_consecutive_days_dismisses_and_the_answer_says_so()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "harbour"));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("absent", "harbour", "2022-01-03"));

        var recorded = await hr.Call<RecordAbsenceRequest, RecordAbsenceResponse>(new RecordAbsenceRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "absent", Kind = AbsenceKind.WithoutLeave, StartsOn = Build.Date("2024-03-01"), EndsOn = Build.Date("2024-03-31"),
        });

        Assert.Equal(ContractState.Dismissed, recorded.Employee.State);
        Assert.Contains(recorded.Consequences, c => c.Kind == "Dismissed" && c.Article == "AM 第十八条");
    }

    [Fact]
    public async Task WatchEvents_replays_from_a_position_filters_by_type_and_department_then_follows_new_events()
    {
        var hrToken = await server.KeyAsync(Role.Hr, "ferry");
        var hr = server.As(hrToken);
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("w-1", "ferry", "2022-01-03"));
        await hr.Call<SeparateRequest, SeparateResponse>(new SeparateRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "w-1", Kind = SeparationKind.Resignation, EffectiveOn = Build.Date("2024-05-06"),
        });

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var reader = server.As(await server.KeyAsync(Role.Reader));
        using var call = reader.Watch(new WatchEventsRequest { Types_ = { "employee-resigned" }, DepartmentId = "ferry" }, cancel.Token);
        Assert.True(await call.ResponseStream.MoveNext(cancel.Token));
        var replayed = call.ResponseStream.Current;
        Assert.Equal(("employee:w-1", "employee-resigned"), (replayed.StreamId, replayed.Type));

        // Another department's resignation is filtered out; this department's next one arrives live.
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("w-2", "ferry", "2022-01-03"));
        var other = server.As(await server.KeyAsync(Role.Hr, "dock"));
        await other.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("w-3", "dock", "2022-01-03"));
        await other.Call<SeparateRequest, SeparateResponse>(new SeparateRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "w-3", Kind = SeparationKind.Resignation, EffectiveOn = Build.Date("2024-05-06"),
        });
        await hr.Call<SeparateRequest, SeparateResponse>(new SeparateRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "w-2", Kind = SeparationKind.Resignation, EffectiveOn = Build.Date("2024-05-07"),
        });

        Assert.True(await call.ResponseStream.MoveNext(cancel.Token));
        var live = call.ResponseStream.Current;
        Assert.Equal(("employee:w-2", "employee-resigned", Build.Date("2024-05-07")), (live.StreamId, live.Type, live.OccurredOn));
        Assert.True(live.Position > replayed.Position);
        Assert.Equal(hrToken.Split('.')[0], live.RecordedBy);
    }
}
