using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Pay;

namespace Personnel.Domain.Tests.Pay;

public class AttendanceDeductionsTests
{
    private static readonly PayPolicy Weihai = new();

    /// <summary>The first <paramref name="count"/> weekdays from <paramref name="start"/> on.</summary>
    private static List<DateOnly> Workdays(string start, int count)
    {
        var days = new List<DateOnly>();
        for (var d = DateOnly.Parse(start); days.Count < count; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(d);
            }
        }

        return days;
    }

    private static AttendanceDeductionResult Calculate(AttendanceYear year, PayPolicy? policy = null) =>
        AttendanceDeductions.Calculate(year, policy ?? Weihai);

    [Theory]
    [InlineData(LeaveKind.Family)]
    [InlineData(LeaveKind.Maternity)]
    [InlineData(LeaveKind.Marriage)]
    [InlineData(LeaveKind.Annual)]
    [InlineData(LeaveKind.Nursing)]
    [InlineData(LeaveKind.Bereavement)]
    [InlineData(LeaveKind.WorkInjury)]
    public void PM6_ApprovedLeave_IsPaidAsUsual_EvenWhenLong(LeaveKind kind)
    {
        var result = Calculate(new AttendanceYear { Year = 2021, Leaves = [new LeaveSpell(kind, Workdays("2021-03-01", 20))] });

        Assert.Empty(result.Deductions);
    }

    [Fact]
    public void PM6_SickLeave_DeductsMonthlyPerformancePerDay()
    {
        var result = Calculate(new AttendanceYear { Year = 2021, Leaves = [new LeaveSpell(LeaveKind.Sick, Workdays("2021-03-01", 3))] });

        var line = Assert.Single(result.Deductions);
        Assert.Equal(new Deduction(PayComponent.MonthlyPerformance, DeductionUnit.Days, 3m, "2021-03", "PM 第六条", "3 sick and 0 personal leave days"), line);
    }

    [Fact]
    public void PM6_OvertimeOverFourHoursHalfADay_OverEightADay_OffsetsPersonalLeaveInTheSameQuarterOnly()
    {
        var result = Calculate(new AttendanceYear
        {
            Year = 2021,
            Leaves = [new LeaveSpell(LeaveKind.Personal, Workdays("2021-02-01", 2)), new LeaveSpell(LeaveKind.Sick, Workdays("2021-02-08", 1))],
            // 5 h → 0.5 day, 9 h → 1 day, exactly 4 h → nothing; April's overtime belongs to Q2.
            Overtime = [new OvertimeSession(new DateOnly(2021, 1, 9), 5m), new OvertimeSession(new DateOnly(2021, 3, 6), 9m),
                new OvertimeSession(new DateOnly(2021, 3, 13), 4m), new OvertimeSession(new DateOnly(2021, 4, 10), 9m)],
        });

        // 2 personal − 1.5 offset + 1 sick (never offset) = 1.5 days.
        var line = Assert.Single(result.Deductions);
        Assert.Equal(1.5m, line.Quantity);
        Assert.Equal("2021-02", line.Period);
        Assert.Contains("1.5 offset by overtime", line.Reason);
    }

    [Fact]
    public void PM6_TenConsecutiveSickDays_AreStillPerDay()
    {
        var result = Calculate(new AttendanceYear { Year = 2021, Leaves = [new LeaveSpell(LeaveKind.Sick, Workdays("2021-05-03", 10))] });

        Assert.Equal(10m, result.Total(PayComponent.MonthlyPerformance, DeductionUnit.Days));
        Assert.Equal(0m, result.Total(PayComponent.QuarterlyPerformance, DeductionUnit.Months));
    }

    [Fact]
    public void PM6_MoreThanTenConsecutiveDays_DeductMonthlyQuarterlyAndAnnualByMonth()
    {
        // 11 working days from 2021-05-24: 6 in May, 5 in June.
        var result = Calculate(new AttendanceYear { Year = 2021, Leaves = [new LeaveSpell(LeaveKind.Sick, Workdays("2021-05-24", 11))] });

        foreach (var component in new[] { PayComponent.MonthlyPerformance, PayComponent.QuarterlyPerformance, PayComponent.AnnualPerformance })
        {
            Assert.Equal(1m, result.Total(component, DeductionUnit.Months, "2021-05"));
            Assert.Equal(1m, result.Total(component, DeductionUnit.Months, "2021-06"));
        }

        Assert.Equal(0m, result.Total(PayComponent.MonthlyPerformance, DeductionUnit.Days));
        Assert.All(result.Deductions, d => Assert.Equal("PM 第六条", d.Article));
    }

    [Fact]
    public void PM6_MoreThanFifteenDaysInTotal_DeductByMonth_FifteenDoNot()
    {
        List<LeaveSpell> Spells(int lastSpellDays) =>
        [
            new(LeaveKind.Personal, Workdays("2021-01-04", 4)), new(LeaveKind.Sick, Workdays("2021-03-01", 4)),
            new(LeaveKind.Personal, Workdays("2021-06-01", 4)), new(LeaveKind.Sick, Workdays("2021-09-01", lastSpellDays)),
        ];

        var fifteen = Calculate(new AttendanceYear { Year = 2021, Leaves = Spells(3) });
        var sixteen = Calculate(new AttendanceYear { Year = 2021, Leaves = Spells(4) });

        Assert.Equal(15m, fifteen.Total(PayComponent.MonthlyPerformance, DeductionUnit.Days));
        Assert.Equal(4m, sixteen.Total(PayComponent.AnnualPerformance, DeductionUnit.Months));
        Assert.Equal(4m, sixteen.Total(PayComponent.QuarterlyPerformance, DeductionUnit.Months));
    }

    [Fact]
    public void PM6_Interpretation_OvertimeOffset_JudgesLimitsOnLeaveTakenByDefault_OrOnLeaveLeftWhenConfigured()
    {
        var year = new AttendanceYear
        {
            Year = 2021,
            Leaves = [new(LeaveKind.Personal, Workdays("2021-01-04", 4)), new(LeaveKind.Personal, Workdays("2021-02-01", 4)),
                new(LeaveKind.Personal, Workdays("2021-03-01", 4)), new(LeaveKind.Personal, Workdays("2021-04-01", 4))],
            Overtime = [new OvertimeSession(new DateOnly(2021, 1, 16), 9m)],
        };

        // 16 taken > 15: by month in each of the 4 months. With the offset counted, 15 are left: per day.
        var taken = Calculate(year);
        var left = Calculate(year, Weihai with { OvertimeOffsetCountsTowardLimits = true });

        Assert.Equal(4m, taken.Total(PayComponent.MonthlyPerformance, DeductionUnit.Months));
        Assert.Equal(0m, left.Total(PayComponent.MonthlyPerformance, DeductionUnit.Months));
        Assert.Equal(15m, left.Total(PayComponent.MonthlyPerformance, DeductionUnit.Days));
        Assert.Equal(3m, left.Total(PayComponent.MonthlyPerformance, DeductionUnit.Days, "2021-01"));
    }

    [Fact]
    public void PM7_UpToThreeDaysAbsentInAMonth_DeductPostPayAndMonthlyPerformancePerDay()
    {
        var result = Calculate(new AttendanceYear { Year = 2021, Absences = [new AbsenceSpell(Workdays("2021-03-01", 3))] });

        Assert.Equal(3m, result.Total(PayComponent.PostPay, DeductionUnit.Days, "2021-03"));
        Assert.Equal(3m, result.Total(PayComponent.MonthlyPerformance, DeductionUnit.Days, "2021-03"));
        Assert.DoesNotContain(result.Deductions, d => d.Component is PayComponent.QuarterlyPerformance or PayComponent.AnnualPerformance);
        Assert.Null(result.DismissalGround);
    }

    [Fact]
    public void PM7_MoreThanThreeDaysAbsentInAMonth_AlsoDeductQuarterlyPerformanceByMonth()
    {
        var result = Calculate(new AttendanceYear
        {
            Year = 2021,
            Absences = [new AbsenceSpell(Workdays("2021-03-01", 2)), new AbsenceSpell(Workdays("2021-03-15", 2))],
        });

        Assert.Equal(4m, result.Total(PayComponent.PostPay, DeductionUnit.Days));
        Assert.Equal(1m, result.Total(PayComponent.QuarterlyPerformance, DeductionUnit.Months, "2021-03"));
        Assert.DoesNotContain(result.Deductions, d => d.Component == PayComponent.AnnualPerformance);
    }

    [Fact]
    public void PM7_TenConsecutiveDaysAbsent_WithholdAllQuarterlyAndAnnualPerformance()
    {
        var result = Calculate(new AttendanceYear
        {
            Year = 2021,
            Absences = [new AbsenceSpell(Workdays("2021-03-01", 4)), new AbsenceSpell(Workdays("2021-06-01", 10))],
        });

        Assert.Equal(1m, result.Total(PayComponent.QuarterlyPerformance, DeductionUnit.Whole, "2021"));
        Assert.Equal(1m, result.Total(PayComponent.AnnualPerformance, DeductionUnit.Whole, "2021"));
        Assert.Equal(0m, result.Total(PayComponent.QuarterlyPerformance, DeductionUnit.Months));
        Assert.Equal(14m, result.Total(PayComponent.PostPay, DeductionUnit.Days));
    }

    [Fact]
    public void PM7_Interpretation_WithholdingOnlyTheQuarterOfTheLimit_KeepsOtherQuartersByMonth()
    {
        var result = Calculate(new AttendanceYear
        {
            Year = 2021,
            Absences = [new AbsenceSpell(Workdays("2021-03-01", 4)), new AbsenceSpell(Workdays("2021-06-01", 10))],
        }, Weihai with { AbsenceWithholdsEveryQuarterOfTheYear = false });

        Assert.Equal(1m, result.Total(PayComponent.QuarterlyPerformance, DeductionUnit.Whole, "2021Q2"));
        Assert.Equal(0m, result.Total(PayComponent.QuarterlyPerformance, DeductionUnit.Whole, "2021"));
        Assert.Equal(1m, result.Total(PayComponent.QuarterlyPerformance, DeductionUnit.Months, "2021-03"));
        Assert.Equal(1m, result.Total(PayComponent.AnnualPerformance, DeductionUnit.Whole, "2021"));
    }

    [Fact]
    public void PM7_FifteenDaysAbsentInAYear_WithholdAll_FourteenDoNot()
    {
        List<AbsenceSpell> Spells(int extra) =>
            [.. Enumerable.Range(1, 4).Select(m => new AbsenceSpell(Workdays($"2021-{m * 2:00}-01", 3))), new AbsenceSpell(Workdays("2021-11-01", extra))];

        Assert.Equal(0m, Calculate(new AttendanceYear { Year = 2021, Absences = Spells(2) }).Total(PayComponent.AnnualPerformance, DeductionUnit.Whole));
        Assert.Equal(1m, Calculate(new AttendanceYear { Year = 2021, Absences = Spells(3) }).Total(PayComponent.AnnualPerformance, DeductionUnit.Whole));
    }

    [Fact]
    public void AM18_AbsentOverFifteenConsecutiveOrThirtyInAYear_IsADismissalGround()
    {
        var fifteen = Calculate(new AttendanceYear { Year = 2021, Absences = [new AbsenceSpell(Workdays("2021-03-01", 15))] });
        var sixteen = Calculate(new AttendanceYear { Year = 2021, Absences = [new AbsenceSpell(Workdays("2021-03-01", 16))] });
        var thirtySix = Calculate(new AttendanceYear
        {
            Year = 2021,
            Absences = [.. Enumerable.Range(1, 12).Select(m => new AbsenceSpell(Workdays($"2021-{m:00}-01", 3)))],
        });
        var thirty = Calculate(new AttendanceYear
        {
            Year = 2021,
            Absences = [.. Enumerable.Range(1, 10).Select(m => new AbsenceSpell(Workdays($"2021-{m:00}-01", 3)))],
        });

        Assert.Null(fifteen.DismissalGround);
        Assert.Contains("AM 第十八条(四)", sixteen.DismissalGround);
        Assert.Contains("36 days in 2021", thirtySix.DismissalGround);
        Assert.Null(thirty.DismissalGround);
    }

    [Fact]
    public void PM6_FalseSickLeave_CountsAsAbsenceWithoutLeave()
    {
        // The false sick days are an absence (AbsenceKind.FalseSickLeave), judged together with a plain one:
        // 2 + 2 = 4 days in April, more than 3 → also quarterly performance by month (PM 第七条).
        var result = Calculate(new AttendanceYear
        {
            Year = 2021,
            Absences = [new AbsenceSpell(Workdays("2021-04-05", 2), AbsenceKind.FalseSickLeave), new AbsenceSpell(Workdays("2021-04-12", 2))],
        });

        Assert.Equal(4m, result.Total(PayComponent.PostPay, DeductionUnit.Days, "2021-04"));
        Assert.Equal(1m, result.Total(PayComponent.QuarterlyPerformance, DeductionUnit.Months, "2021-04"));
        Assert.Contains(result.Deductions, d => d.Reason.Contains("2 of them false sick leave", StringComparison.Ordinal));
        Assert.All(result.Deductions, d => Assert.Equal("PM 第七条", d.Article));
        Assert.Contains(result.Deductions, d => d.Reason.Contains("false sick leave", StringComparison.Ordinal));
    }

    [Fact]
    public void PM7_LateEarlyOrAwayFromThePost_DeductsMonthlyPerformancePerDay_OncePerDay()
    {
        var result = Calculate(new AttendanceYear
        {
            Year = 2021,
            LateOrEarlyDays = [new DateOnly(2021, 4, 1), new DateOnly(2021, 4, 1), new DateOnly(2021, 4, 2), new DateOnly(2021, 5, 6)],
        });

        Assert.Equal(2m, result.Total(PayComponent.MonthlyPerformance, DeductionUnit.Days, "2021-04"));
        Assert.Equal(1m, result.Total(PayComponent.MonthlyPerformance, DeductionUnit.Days, "2021-05"));
        Assert.DoesNotContain(result.Deductions, d => d.Component == PayComponent.PostPay);
    }

    [Fact]
    public void PM6_ADayRecordedTwiceOrOutsideTheYear_IsRefused()
    {
        var twice = Assert.Throws<RuleViolationException>(() => Calculate(new AttendanceYear
        {
            Year = 2021,
            Leaves = [new LeaveSpell(LeaveKind.Sick, Workdays("2021-04-05", 2))],
            Absences = [new AbsenceSpell(Workdays("2021-04-06", 1))],
        }));
        var outside = Assert.Throws<RuleViolationException>(() => Calculate(new AttendanceYear
        {
            Year = 2021,
            Leaves = [new LeaveSpell(LeaveKind.Sick, Workdays("2020-12-30", 2))],
        }));

        Assert.Contains("2021-04-06 is recorded twice", twice.Message);
        Assert.Equal(ViolationKind.InvalidArgument, outside.Kind);
    }
}
