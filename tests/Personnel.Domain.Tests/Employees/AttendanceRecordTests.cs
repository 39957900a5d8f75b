using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

/// <summary>Overtime (PM 第六条) and late arrival, early leave or leaving the post (PM 第七条) are recorded by the day.</summary>
public class AttendanceRecordTests
{
    [Fact]
    public void PM6_overtime_is_recorded_for_its_day_with_its_hours()
    {
        var employee = Appointed();

        employee.RecordOvertime(D("2021-03-10"), D("2021-03-06"), 9.5m);

        var recorded = Assert.IsType<OvertimeRecorded>(Assert.Single(employee.UncommittedEvents));
        Assert.Equal((D("2021-03-06"), 9.5m), (recorded.Day, recorded.Hours));
        Assert.Single(employee.Overtime);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(24.5)]
    [InlineData(3.333)]
    public void PM6_overtime_hours_outside_0_to_24_are_refused(double hours)
    {
        var employee = Appointed();

        var refused = Refused(employee, Rules.AttendanceRecord, () => employee.RecordOvertime(D("2021-03-10"), D("2021-03-06"), (decimal)hours), ViolationKind.InvalidArgument);

        Assert.Contains("at most 24 hours", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PM6_a_second_overtime_record_for_a_day_and_a_day_after_the_recording_date_are_refused()
    {
        var employee = Appointed();
        employee.RecordOvertime(D("2021-03-10"), D("2021-03-06"), 5m);
        employee.MarkCommitted();

        Refused(employee, Rules.NoOverlappingRecords, () => employee.RecordOvertime(D("2021-03-11"), D("2021-03-06"), 3m));
        Refused(employee, Rules.AttendanceRecord, () => employee.RecordOvertime(D("2021-03-10"), D("2021-03-12"), 3m), ViolationKind.InvalidArgument);
        Assert.Empty(employee.UncommittedEvents);
    }

    [Fact]
    public void PM7_lateness_is_recorded_once_per_day_and_never_on_a_day_away()
    {
        var employee = Appointed();
        employee.RecordLeave(D("2021-04-01"), LeaveKind.Personal, new DatePeriod(D("2021-04-06"), D("2021-04-07")));
        employee.RecordLateness(D("2021-04-12"), D("2021-04-08"), LatenessKind.LateArrival);
        employee.MarkCommitted();

        Refused(employee, Rules.NoOverlappingRecords, () => employee.RecordLateness(D("2021-04-12"), D("2021-04-08"), LatenessKind.EarlyLeave));
        var away = Refused(employee, Rules.NoOverlappingRecords, () => employee.RecordLateness(D("2021-04-12"), D("2021-04-07"), LatenessKind.LeftPost));
        Refused(employee, Rules.LatenessDeduction, () => employee.RecordLateness(D("2021-04-12"), D("2021-04-09"), (LatenessKind)9), ViolationKind.InvalidArgument);

        Assert.Contains("Personal leave", away.Message, StringComparison.Ordinal);
        Assert.Empty(employee.UncommittedEvents);
        Assert.Equal(LatenessKind.LateArrival, Assert.Single(employee.Lateness).Kind);
    }

    [Fact]
    public void Attendance_records_replay_into_the_same_lists()
    {
        var employee = Appointed();
        employee.RecordOvertime(D("2021-03-10"), D("2021-03-06"), 4.5m);
        employee.RecordLateness(D("2021-03-10"), D("2021-03-08"), LatenessKind.EarlyLeave);

        var replayed = Employee.FromHistory(employee.History);

        Assert.Equal(employee.Overtime, replayed.Overtime);
        Assert.Equal(employee.Lateness, replayed.Lateness);
    }
}
