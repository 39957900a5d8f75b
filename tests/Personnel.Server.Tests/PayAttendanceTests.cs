using Grpc.Core;
using Personnel.Api.V1;

namespace Personnel.Server.Tests;

/// <summary>
/// Recorded absences and leave reach the pay answers (PM 第六条, 第七条; RULES §8), and a year's pool is shared by the
/// departments that had staff that year (PM 第五条). Expected figures are worked by hand from RULES §8 and the
/// calendar (weekdays only; the fixture's profile has no holidays in these months).
/// </summary>
public sealed class PayAttendanceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task PM7_ten_consecutive_working_days_absent_in_March_withhold_every_quarter_and_the_year_naming_the_article()
    {
        var party = await server.StaffedAsync("att-a", ["att-a-absent"]);

        // 2021-03-01 (Mon) to 2021-03-12 (Fri): 10 working days, the weekend of 6–7 March not counted.
        await server.AbsentAsync("att-a-absent", "2021-03-01", "2021-03-12");
        var answer = await PayCalls.CoefficientsAsync(party, "att-a-absent");

        Assert.Equal("0.0", answer.PersonalCoefficient);
        Assert.Contains(answer.WithheldBecause, w => w.Contains("PM 第七条", StringComparison.Ordinal) && w.Contains("limit reached 2021-03-12", StringComparison.Ordinal));
        Assert.Equal([0, 0, 0, 0], answer.QuarterlyPayPercent);
        // ≤ 3 days a month deduct per day; the 10 days of March deduct post pay and monthly performance for 10 days each.
        Assert.Equal("10", PayCalls.Single(answer, PayComponent.PostPay, DeductionUnit.Days, "2021-03").Quantity);
        Assert.Equal("10", PayCalls.Single(answer, PayComponent.MonthlyPerformance, DeductionUnit.Days, "2021-03").Quantity);
        Assert.All(answer.Deductions, d => Assert.Equal("PM 第七条", d.Article));
    }

    [Fact]
    public async Task PM7_fifteen_scattered_days_in_a_year_withhold_the_year_and_four_days_in_a_month_withhold_a_month_before()
    {
        var party = await server.StaffedAsync("att-b", ["att-b-absent", "att-b-four"]);

        // 5 working days in each of January, April and July: 15 in the year, reached on Friday 2021-07-09.
        await server.AbsentAsync("att-b-absent", "2021-01-04", "2021-01-08");
        await server.AbsentAsync("att-b-absent", "2021-04-05", "2021-04-09");
        await server.AbsentAsync("att-b-absent", "2021-07-05", "2021-07-09");

        // 4 days (Mon–Thu) in May: more than 3, under 10 → post pay and monthly performance per day, and one month
        // of the second quarter's performance (按月扣发); the year is paid.
        await server.AbsentAsync("att-b-four", "2021-05-10", "2021-05-13");

        var fifteen = await PayCalls.CoefficientsAsync(party, "att-b-absent");
        var four = await PayCalls.CoefficientsAsync(party, "att-b-four");

        Assert.Equal("0.0", fifteen.PersonalCoefficient);
        Assert.Contains(fifteen.WithheldBecause, w => w.Contains("PM 第七条", StringComparison.Ordinal) && w.Contains("15 days this year", StringComparison.Ordinal));
        Assert.Equal([0, 0, 0, 0], fifteen.QuarterlyPayPercent);

        Assert.Equal("1.0", four.PersonalCoefficient);
        Assert.Empty(four.WithheldBecause);
        Assert.Equal([100, 100, 100, 100], four.QuarterlyPayPercent);
        Assert.Equal([0, 1, 0, 0], four.QuarterlyMonthsWithheld);
        Assert.Equal(0, four.AnnualMonthsWithheld);
        Assert.Equal("4", PayCalls.Single(four, PayComponent.PostPay, DeductionUnit.Days, "2021-05").Quantity);
        Assert.Equal("1", PayCalls.Single(four, PayComponent.QuarterlyPerformance, DeductionUnit.Months, "2021-05").Quantity);
    }

    [Fact]
    public async Task PM8_a_person_transferred_out_in_May_is_paid_January_to_May_by_month_and_the_rest_withheld()
    {
        await server.DepartmentAsync("att-d", "2019-01-01");
        var hr = server.As(await server.KeyAsync(Role.Hr, "att-d"));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("att-d-out", "att-d", "2020-01-06"));
        await hr.Call<SeparateRequest, SeparateResponse>(new SeparateRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "att-d-out", Kind = SeparationKind.TransferOut, Reason = "Weihai city bureau",
            EffectiveOn = Build.Date("2021-05-14"),
        });

        var answer = await PayCalls.CoefficientsAsync(hr, "att-d-out");

        // No annual result: paid as Competent (1.0); May is paid in full, June–December (7 months) withheld; of the
        // quarters, June (1 month of Q2) and all of Q3 and Q4.
        Assert.Equal("1.0", answer.PersonalCoefficient);
        Assert.Equal(7, answer.AnnualMonthsWithheld);
        Assert.Equal([0, 1, 3, 3], answer.QuarterlyMonthsWithheld);
        Assert.Contains(answer.WithheldBecause, w => w.Contains("PM 第八条", StringComparison.Ordinal) && w.Contains("2021-05-14", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PM5_2017_is_allocated_with_a_department_created_in_2020_present_and_no_tier_precedes_a_department()
    {
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await server.DepartmentAsync("hist-old", "2016-01-04");
        await server.DepartmentAsync("hist-new", "2020-03-02");
        await PayCalls.AssessAsync(party, "hist-old", 2017, DepartmentTier._1, "2018-01-10");
        await PayCalls.AssessAsync(party, "hist-new", 2022, DepartmentTier._2, "2023-01-10");
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("hist-old-1", "hist-old", "2017-01-03"));
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("hist-new-1", "hist-new", "2020-03-02"));

        var before = await Assert.ThrowsAsync<RpcException>(() => PayCalls.AssessAsync(party, "hist-new", 2019, DepartmentTier._1, "2020-03-10"));
        var allocation = await PayCalls.AllocateAsync(party, 2017, "1000.00");

        Assert.Equal(StatusCode.FailedPrecondition, before.StatusCode);
        Assert.Contains("2020-03-02", before.Status.Detail, StringComparison.Ordinal);
        var department = Assert.Single(allocation.Departments);
        Assert.Equal(("hist-old", "1000.00"), (department.DepartmentId, department.Amount.Yuan));
        Assert.Equal("hist-old-1", Assert.Single(department.People).EmployeeId);
    }
}

/// <summary>Sick leave by month through the pay answer and the pool, on a database of its own (the pool of 2021 is the whole zone's).</summary>
public sealed class PayLeavePoolTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task PM6_sick_leave_over_ten_consecutive_days_withholds_that_month_of_each_performance_pay_and_the_pool_keeps_it()
    {
        var party = await server.StaffedAsync("att-c", ["att-c-sick", "att-c-well"]);

        // 2021-05-10 (Mon) to 2021-05-28 (Fri): 15 working days of sick leave, more than 10 consecutive → deducted by month:
        // May's monthly, quarterly (a third of Q2) and annual (a twelfth) performance pay.
        var hr = server.As(await server.KeyAsync(Role.Hr, "att-c"));
        await hr.Call<RecordLeaveRequest, RecordLeaveResponse>(new RecordLeaveRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "att-c-sick", Kind = LeaveKind.Sick, StartsOn = Build.Date("2021-05-10"), EndsOn = Build.Date("2021-05-28"),
        });
        var sick = await PayCalls.CoefficientsAsync(party, "att-c-sick");

        Assert.Equal("1.0", sick.PersonalCoefficient);
        Assert.Equal([0, 1, 0, 0], sick.QuarterlyMonthsWithheld);
        Assert.Equal(1, sick.AnnualMonthsWithheld);
        Assert.All(sick.Deductions, d => Assert.Equal("PM 第六条", d.Article));
        Assert.Equal(
            [PayComponent.MonthlyPerformance, PayComponent.QuarterlyPerformance, PayComponent.AnnualPerformance],
            sick.Deductions.Select(d => d.Component).Order());

        // One department, two people of the same post and grade: the pool of 2400 gives each 1200; the sick person's
        // twelfth (1200 / 12 = 100) is withheld and stays undistributed, not paid to the colleague.
        var allocation = await PayCalls.AllocateAsync(party, 2021, "2400.00");
        var department = Assert.Single(allocation.Departments);
        Assert.Equal("2400.00", department.Amount.Yuan);
        Assert.Equal("100.00", department.Undistributed.Yuan);
        var sickShare = department.People.Single(p => p.EmployeeId == "att-c-sick");
        Assert.Equal(("1100.00", "100.00", 1), (sickShare.Amount.Yuan, sickShare.Withheld.Yuan, sickShare.AnnualMonthsWithheld));
        Assert.Equal("1200.00", department.People.Single(p => p.EmployeeId == "att-c-well").Amount.Yuan);
    }
}

/// <summary>The calls the pay tests repeat: a department assessed for 2021 with people graded FairlyGood and Competent, absences, answers.</summary>
internal static class PayCalls
{
    public static async Task<Client> StaffedAsync(this ServerFixture server, string department, string[] people)
    {
        await server.DepartmentAsync(department, "2019-01-01");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await AssessAsync(party, department, 2021, DepartmentTier._1, "2022-01-10");
        foreach (var id in people)
        {
            await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment(id, department, "2020-01-06"));
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                await party.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly(id, 2021, quarter, QuarterlyGrade.FairlyGood));
            }

            await party.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(Build.Annual(id, 2021, AnnualGrade.Competent));
        }

        return party;
    }

    public static async Task AbsentAsync(this ServerFixture server, string id, string from, string until) =>
        await server.As(await server.KeyAsync(Role.Hr, id[..5])).Call<RecordAbsenceRequest, RecordAbsenceResponse>(new RecordAbsenceRequest
        {
            RequestId = Build.RequestId(), EmployeeId = id, Kind = AbsenceKind.WithoutLeave, StartsOn = Build.Date(from), EndsOn = Build.Date(until),
        });

    public static async Task AssessAsync(Client party, string department, int year, DepartmentTier tier, string on) =>
        await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(new RecordDepartmentAssessmentRequest
        {
            RequestId = Build.RequestId(), DepartmentId = department, Year = year, Tier = tier, DecidedOn = Build.Date(on),
        });

    public static Task<GetCoefficientsResponse> CoefficientsAsync(Client caller, string id) =>
        caller.Call<GetCoefficientsRequest, GetCoefficientsResponse>(new GetCoefficientsRequest { EmployeeId = id, Year = 2021 });

    public static Task<AllocateAnnualPerformancePayResponse> AllocateAsync(Client caller, int year, string pool) =>
        caller.Call<AllocateAnnualPerformancePayRequest, AllocateAnnualPerformancePayResponse>(new AllocateAnnualPerformancePayRequest
        {
            Year = year,
            TotalPay = new Money { Yuan = pool },
            PostPay = new Money { Yuan = "0.00" },
            MonthlyPerformance = new Money { Yuan = "0.00" },
            QuarterlyPerformance = new Money { Yuan = "0.00" },
        });

    public static PayDeduction Single(GetCoefficientsResponse answer, PayComponent component, DeductionUnit unit, string period) =>
        Assert.Single(answer.Deductions, d => d.Component == component && d.Unit == unit && d.Period == period);
}
