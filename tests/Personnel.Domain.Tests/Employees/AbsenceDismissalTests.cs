using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

public class AbsenceDismissalTests
{
    [Fact]
    public void AM18_4_FifteenConsecutiveDaysOfAbsence_DoNotDismiss()
    {
        var employee = Appointed();

        employee.RecordAbsence(D("2021-03-20"), AbsenceKind.WithoutLeave, new DatePeriod(D("2021-03-01"), D("2021-03-15")));

        Assert.Equal(ContractState.Appointed, employee.State);
    }

    [Fact]
    public void AM18_4_SixteenConsecutiveDays_DismissAcrossTwoRecords()
    {
        var employee = Appointed();
        employee.RecordAbsence(D("2021-03-10"), AbsenceKind.WithoutLeave, new DatePeriod(D("2021-03-01"), D("2021-03-10")));

        employee.RecordAbsence(D("2021-03-20"), AbsenceKind.OverstayedLeave, new DatePeriod(D("2021-03-11"), D("2021-03-16")));

        Assert.Equal(ContractState.Dismissed, employee.State);
        var dismissed = employee.UncommittedEvents.OfType<EmployeeDismissed>().Single();
        Assert.Equal(DismissalCause.AbsenceWithoutLeave, dismissed.Cause);
        Assert.Contains("16 consecutive calendar days from 2021-03-01 to 2021-03-16", dismissed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AM18_4_ThirtyDaysInOneYear_DoNotDismissButThirtyOneDo()
    {
        var employee = Appointed();
        for (var month = 1; month <= 3; month++)
        {
            employee.RecordAbsence(new DateOnly(2021, month, 28), AbsenceKind.WithoutLeave,
                new DatePeriod(new DateOnly(2021, month, 1), new DateOnly(2021, month, 10)));
        }

        Assert.Equal(ContractState.Appointed, employee.State);
        employee.RecordAbsence(D("2021-04-28"), AbsenceKind.FalseSickLeave, new DatePeriod(D("2021-04-01"), D("2021-04-01")));

        Assert.Equal(ContractState.Dismissed, employee.State);
        Assert.Contains("31 calendar days in 2021", employee.UncommittedEvents.OfType<EmployeeDismissed>().Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AM18_4_DaysInDifferentYears_AreCountedPerYear()
    {
        var employee = Appointed();
        employee.RecordAbsence(D("2021-12-31"), AbsenceKind.WithoutLeave, new DatePeriod(D("2021-12-01"), D("2021-12-10")));
        employee.RecordAbsence(D("2021-12-31"), AbsenceKind.WithoutLeave, new DatePeriod(D("2021-12-16"), D("2021-12-30")));
        employee.RecordAbsence(D("2022-01-31"), AbsenceKind.WithoutLeave, new DatePeriod(D("2022-01-02"), D("2022-01-16")));

        Assert.Equal(ContractState.Appointed, employee.State);
    }

    [Fact]
    public void AM18_4_Interpretation_WorkingDays_ExcludeWeekendsFromTheRun()
    {
        // 2021-03-01 is a Monday; 16 calendar days to 2021-03-16 hold 12 working days.
        var period = new DatePeriod(D("2021-03-01"), D("2021-03-16"));
        var calendar = Appointed();
        var working = Appointed(policy: new GradingPolicy { Employment = new EmployeePolicy { AbsenceDayCounting = DayCounting.WorkingDays } });

        calendar.RecordAbsence(D("2021-03-20"), AbsenceKind.WithoutLeave, period);
        working.RecordAbsence(D("2021-03-20"), AbsenceKind.WithoutLeave, period);

        Assert.Equal(ContractState.Dismissed, calendar.State);
        Assert.Equal(ContractState.Appointed, working.State);
    }

    [Fact]
    public void AM18_4_Interpretation_WorkingDays_AWeekendDoesNotBreakTheRun()
    {
        // Mon 2021-03-01 .. Mon 2021-03-22 = 16 working days, the weekends between not absent-recorded.
        var employee = Appointed(policy: new GradingPolicy { Employment = new EmployeePolicy { AbsenceDayCounting = DayCounting.WorkingDays } });
        employee.RecordAbsence(D("2021-03-31"), AbsenceKind.WithoutLeave, new DatePeriod(D("2021-03-01"), D("2021-03-05")));
        employee.RecordAbsence(D("2021-03-31"), AbsenceKind.WithoutLeave, new DatePeriod(D("2021-03-08"), D("2021-03-12")));
        employee.RecordAbsence(D("2021-03-31"), AbsenceKind.WithoutLeave, new DatePeriod(D("2021-03-15"), D("2021-03-19")));
        Assert.Equal(ContractState.Appointed, employee.State);

        employee.RecordAbsence(D("2021-03-31"), AbsenceKind.WithoutLeave, new DatePeriod(D("2021-03-22"), D("2021-03-22")));

        Assert.Equal(ContractState.Dismissed, employee.State);
        Assert.Contains("16 consecutive working days", employee.UncommittedEvents.OfType<EmployeeDismissed>().Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AM18_4_OverlappingAbsences_AreRefused()
    {
        var employee = Appointed();
        employee.RecordAbsence(D("2021-03-20"), AbsenceKind.WithoutLeave, new DatePeriod(D("2021-03-01"), D("2021-03-05")));

        Refused(employee, Rules.NoOverlappingRecords,
            () => employee.RecordAbsence(D("2021-03-20"), AbsenceKind.WithoutLeave, new DatePeriod(D("2021-03-05"), D("2021-03-06"))));
    }
}
