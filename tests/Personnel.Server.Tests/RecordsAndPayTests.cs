using Personnel.Api.V1;
using Personnel.Rpc;

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
    public async Task PM5_coefficients_follow_grade_and_tier_and_the_pool_is_shared_by_department_coefficient()
    {
        await server.DepartmentAsync("pay-1");
        await server.DepartmentAsync("pay-2");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        foreach (var (department, tier) in new[] { ("pay-1", DepartmentTier._1), ("pay-2", DepartmentTier._2) })
        {
            await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(new RecordDepartmentAssessmentRequest
            {
                RequestId = Build.RequestId(), DepartmentId = department, Year = 2020, Tier = tier, DecidedOn = Build.Date("2021-01-10"),
            });
            var id = department + "-staff";
            await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment(id, department, "2020-01-06"));
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                await party.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly(id, 2020, quarter, QuarterlyGrade.FairlyGood));
            }

            await party.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(Build.Annual(id, 2020, AnnualGrade.Competent));
        }

        var coefficients = await party.Call<GetCoefficientsRequest, GetCoefficientsResponse>(new GetCoefficientsRequest { EmployeeId = "pay-1-staff", Year = 2020 });
        var allocation = await party.Call<AllocateAnnualPerformancePayRequest, AllocateAnnualPerformancePayResponse>(new AllocateAnnualPerformancePayRequest
        {
            Year = 2020,
            TotalPay = new Money { Yuan = "3000.00" },
            PostPay = new Money { Yuan = "800.00" },
            MonthlyPerformance = new Money { Yuan = "100.00" },
            QuarterlyPerformance = new Money { Yuan = "0.00" },
        });

        Assert.Equal(("1.0", "1.1", "1.0"), (coefficients.PersonalCoefficient, coefficients.DepartmentCoefficient, coefficients.PostCoefficient));
        Assert.Equal([100, 100, 100, 100], coefficients.QuarterlyPayPercent);
        Assert.Empty(coefficients.WithheldBecause);
        Assert.Equal("2100.00", allocation.Pool.Yuan);
        Assert.Equal([("pay-1", "1100.00"), ("pay-2", "1000.00")], allocation.Departments.Select(d => (d.DepartmentId, d.Amount.Yuan)));
        Assert.Equal("1100.00", Assert.Single(allocation.Departments[0].People).Amount.Yuan);
    }
}
