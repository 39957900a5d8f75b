using Personnel.Api.V1;

namespace Personnel.Server.Tests;

/// <summary>The zone's annual pool on a database of its own: every department with staff takes part.</summary>
public sealed class PayPoolTests(ServerFixture server) : IClassFixture<ServerFixture>
{
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
