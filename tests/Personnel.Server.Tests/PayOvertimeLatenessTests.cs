using Grpc.Core;
using Personnel.Api.V1;

namespace Personnel.Server.Tests;

/// <summary>
/// Recorded overtime offsets personal leave within its quarter (PM 第六条) and recorded late, early or away days are
/// deducted from the month's performance pay by the day (PM 第七条), in the pay answers. Figures worked by hand from
/// RULES §8: overtime over 4 hours counts half a day, over 8 hours a day; only the leave's own quarter is offset.
/// </summary>
public sealed class PayOvertimeLatenessTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task PM6_overtime_in_the_quarter_offsets_personal_leave_and_PM7_late_days_are_deducted_by_the_day()
    {
        var party = await server.StaffedAsync("att-o", ["att-o-1"]);
        var hr = server.As(await server.KeyAsync(Role.Hr, "att-o"));

        // Personal leave Monday 1 – Wednesday 3 March 2021: 3 working days.
        await hr.Call<RecordLeaveRequest, RecordLeaveResponse>(new RecordLeaveRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "att-o-1", Kind = LeaveKind.Personal, StartsOn = Build.Date("2021-03-01"), EndsOn = Build.Date("2021-03-03"),
        });
        // Q1 overtime: 5 h (half a day), 9 h (a day), exactly 4 h (nothing: not over 4) → 1.5 days. Q2's 9 h does not reach March.
        await OvertimeAsync(hr, "2021-01-09", "5");
        await OvertimeAsync(hr, "2021-02-06", "9");
        await OvertimeAsync(hr, "2021-03-13", "4");
        await OvertimeAsync(hr, "2021-04-10", "9");
        // Late on Tuesday 13 April, away from the post on Wednesday 14 April: 2 days of April's monthly performance.
        await LateAsync(hr, "2021-04-13", LatenessKind.LateArrival);
        await LateAsync(hr, "2021-04-14", LatenessKind.LeftPost);

        var answer = await PayCalls.CoefficientsAsync(party, "att-o-1");

        var march = PayCalls.Single(answer, PayComponent.MonthlyPerformance, DeductionUnit.Days, "2021-03");
        Assert.Equal(("1.5", "PM 第六条"), (march.Quantity, march.Article));
        Assert.Contains("1.5 offset by overtime", march.Reason, StringComparison.Ordinal);
        var april = PayCalls.Single(answer, PayComponent.MonthlyPerformance, DeductionUnit.Days, "2021-04");
        Assert.Equal(("2", "PM 第七条"), (april.Quantity, april.Article));
        Assert.Equal(2, answer.Deductions.Count);
        // Per-day deductions touch neither the quarters nor the year.
        Assert.Equal([100, 100, 100, 100], answer.QuarterlyPayPercent);
        Assert.Equal(0, answer.AnnualMonthsWithheld);
    }

    [Fact]
    public async Task Malformed_or_repeated_attendance_records_are_refused_and_write_nothing()
    {
        await server.StaffedAsync("att-p", ["att-p-1"]);
        var hr = server.As(await server.KeyAsync(Role.Hr, "att-p"));
        await OvertimeAsync(hr, "2021-02-06", "9", "att-p-1");
        await LateAsync(hr, "2021-04-13", LatenessKind.EarlyLeave, "att-p-1");
        var position = await server.Store.GetLastPositionAsync();

        var notHours = await Assert.ThrowsAsync<RpcException>(() => OvertimeAsync(hr, "2021-02-07", "nine", "att-p-1"));
        var tooMany = await Assert.ThrowsAsync<RpcException>(() => OvertimeAsync(hr, "2021-02-07", "25", "att-p-1"));
        var twice = await Assert.ThrowsAsync<RpcException>(() => OvertimeAsync(hr, "2021-02-06", "3", "att-p-1"));
        var lateTwice = await Assert.ThrowsAsync<RpcException>(() => LateAsync(hr, "2021-04-13", LatenessKind.LateArrival, "att-p-1"));
        var noKind = await Assert.ThrowsAsync<RpcException>(() => LateAsync(hr, "2021-04-15", LatenessKind.Unspecified, "att-p-1"));

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (notHours.StatusCode, tooMany.StatusCode));
        Assert.Contains("hours 'nine'", notHours.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("PM 第六条", tooMany.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((StatusCode.FailedPrecondition, StatusCode.FailedPrecondition), (twice.StatusCode, lateTwice.StatusCode));
        Assert.Contains("one record per day", twice.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, noKind.StatusCode);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
    }

    private static Task<RecordOvertimeResponse> OvertimeAsync(Client hr, string day, string hours, string employee = "att-o-1") =>
        hr.Call<RecordOvertimeRequest, RecordOvertimeResponse>(new RecordOvertimeRequest
        {
            RequestId = Build.RequestId(), EmployeeId = employee, Day = Build.Date(day), Hours = hours,
        });

    private static Task<RecordLatenessResponse> LateAsync(Client hr, string day, LatenessKind kind, string employee = "att-o-1") =>
        hr.Call<RecordLatenessRequest, RecordLatenessResponse>(new RecordLatenessRequest
        {
            RequestId = Build.RequestId(), EmployeeId = employee, Day = Build.Date(day), Kind = kind,
        });
}
