using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Server.Tests;

/// <summary>Sanctions, investigations, rotation, renewal and pay through real gRPC.</summary>
public sealed class RecordsAndPayTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AS27_a_warning_period_refuses_a_good_and_AS26_an_open_investigation_leaves_the_quarter_ungraded()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr));
        // Three in the department, so the Good cap is 1 and only the sanction can refuse the Good.
        foreach (var id in new[] { "warned", "colleague-1", "colleague-2" })
        {
            await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment(id, "rec-w", "2024-01-02"));
        }

        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("probed", "rec", "2023-01-03"));
        await hr.Call<RecordSanctionRequest, RecordSanctionResponse>(new RecordSanctionRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "warned", Kind = SanctionKind.Warning, Source = SanctionSource.Government,
            StartsOn = Build.Date("2024-02-01"), EndsOn = Build.Date("2024-08-01"), Reason = "late reports",
        });
        await hr.Call<RecordInvestigationRequest, RecordInvestigationResponse>(new RecordInvestigationRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "probed", OpenedOn = Build.Date("2024-01-10"), Reason = "procurement complaint",
        });

        var good = await hr.Refused<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("warned", 2024, 2, QuarterlyGrade.Good));
        var graded = await hr.Refused<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("probed", 2024, 1, QuarterlyGrade.Average));
        var none = Build.Quarterly("probed", 2024, 1, QuarterlyGrade.Average);
        none.NoGrade = new NoGrade { Reason = NoGradeReason.UnderInvestigation };
        await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(none);

        Assert.Equal((StatusCode.FailedPrecondition, StatusCode.FailedPrecondition), (good.StatusCode, graded.StatusCode));
        Assert.True(good.Status.Detail.Contains("第二十七条", StringComparison.Ordinal), good.Status.Detail);
        Assert.Contains("第二十六条", graded.Status.Detail);
        var grades = await hr.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = "probed" });
        Assert.Equal(NoGradeReason.UnderInvestigation, Assert.Single(grades.Quarterly).NoGrade.Reason);
    }

    [Fact]
    public async Task AM12_party_affairs_rotates_a_person_to_another_department()
    {
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("mover", "rec", "2023-01-03"));

        var rotated = await party.Call<RotateRequest, RotateResponse>(new RotateRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "mover", ToDepartmentId = "rec-2",
            PostLevel = new PostLevel { Post = Post.DeputySectionChief, GradeLevel = 6, Step = 5 }, StartsOn = Build.Date("2024-03-01"),
        });

        Assert.Equal("rec-2", rotated.Employee.DepartmentId);
        var view = await server.Store.ReadModels.GetEmployeeAsync("mover");
        Assert.Equal("rec-2", view!.DepartmentId);
    }

    [Fact]
    public async Task PM9_a_demerit_that_year_withholds_the_annual_performance_pay_and_says_why()
    {
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("demerit", "rec-d", "2020-01-06"));
        await party.Call<RecordSanctionRequest, RecordSanctionResponse>(new RecordSanctionRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "demerit", Kind = SanctionKind.Demerit, Source = SanctionSource.Government,
            StartsOn = Build.Date("2020-03-02"), EndsOn = Build.Date("2021-03-01"), Reason = "falsified records",
        });

        var coefficients = await party.Call<GetCoefficientsRequest, GetCoefficientsResponse>(new GetCoefficientsRequest { EmployeeId = "demerit", Year = 2020 });
        var later = await party.Call<GetCoefficientsRequest, GetCoefficientsResponse>(new GetCoefficientsRequest { EmployeeId = "demerit", Year = 2022 });

        Assert.Equal("0.0", coefficients.PersonalCoefficient);
        Assert.Contains("Demerit", Assert.Single(coefficients.WithheldBecause));
        // 2022 carries no sanction: what keeps it at 0 is only that no annual grade is recorded, and the answer says so.
        Assert.Equal("no grade this year (PM 第五条 (Interpretation))", Assert.Single(later.WithheldBecause));
    }

    [Fact]
    public async Task PM9_a_party_serious_warning_is_recorded_as_its_own_kind_and_withholds_the_annual_performance_pay()
    {
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("serious", "rec-d", "2020-01-06"));
        RecordSanctionRequest Serious(SanctionSource source) => new()
        {
            RequestId = Build.RequestId(), EmployeeId = "serious", Kind = SanctionKind.SeriousWarning, Source = source,
            StartsOn = Build.Date("2021-04-01"), EndsOn = Build.Date("2022-03-31"), Reason = "breach of party discipline",
        };

        var government = await Assert.ThrowsAsync<RpcException>(() => party.Call<RecordSanctionRequest, RecordSanctionResponse>(Serious(SanctionSource.Government)));
        await party.Call<RecordSanctionRequest, RecordSanctionResponse>(Serious(SanctionSource.Party));
        var coefficients = await party.Call<GetCoefficientsRequest, GetCoefficientsResponse>(new GetCoefficientsRequest { EmployeeId = "serious", Year = 2021 });

        Assert.Equal(StatusCode.InvalidArgument, government.StatusCode);
        Assert.Equal("0.0", coefficients.PersonalCoefficient);
        Assert.Contains("SeriousWarning", Assert.Single(coefficients.WithheldBecause), StringComparison.Ordinal);
        Assert.Contains("PM 第九条", coefficients.WithheldBecause[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AS8_a_second_grade_for_a_graded_quarter_is_ALREADY_EXISTS_and_records_nothing()
    {
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("graded-twice", "rec-d", "2020-01-06"));
        await party.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("graded-twice", 2021, 1, QuarterlyGrade.FairlyGood));
        var version = await server.Store.GetStreamVersionAsync("employee:graded-twice");

        var twice = await Assert.ThrowsAsync<RpcException>(() =>
            party.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("graded-twice", 2021, 1, QuarterlyGrade.Average)));

        Assert.Equal(StatusCode.AlreadyExists, twice.StatusCode);
        Assert.Contains("2021Q1", twice.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(version, await server.Store.GetStreamVersionAsync("employee:graded-twice"));
    }
}
