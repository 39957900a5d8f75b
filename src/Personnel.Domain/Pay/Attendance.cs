using Personnel.Domain.Employees;

namespace Personnel.Domain.Pay;

/// <summary>
/// A leave of consecutive working days (the caller knows the working calendar: list only working days).
/// The kinds are the employee's (<see cref="LeaveKind"/>): sick and personal leave are deducted, the rest paid as usual.
/// </summary>
public sealed record LeaveSpell(LeaveKind Kind, IReadOnlyList<DateOnly> WorkingDays);

/// <summary>
/// Consecutive working days of absence without leave (旷工), of the employee's <see cref="AbsenceKind"/>: false sick
/// leave is an absence, not a leave (视为旷工, PM 第六条), and overstayed leave is one too (AM 第十八条(四)).
/// </summary>
public sealed record AbsenceSpell(IReadOnlyList<DateOnly> WorkingDays, AbsenceKind Kind = AbsenceKind.WithoutLeave);

/// <summary>Approved overtime on one day (经部门批准的加班).</summary>
public sealed record OvertimeSession(DateOnly Date, decimal Hours);

/// <summary>One person's attendance in one year, as the pay deductions need it.</summary>
public sealed record AttendanceYear
{
    public required int Year { get; init; }

    public IReadOnlyList<LeaveSpell> Leaves { get; init; } = [];

    public IReadOnlyList<AbsenceSpell> Absences { get; init; } = [];

    public IReadOnlyList<OvertimeSession> Overtime { get; init; } = [];

    /// <summary>Days with a late arrival, early leave or leaving the post without reason (meetings and training included).</summary>
    public IReadOnlyList<DateOnly> LateOrEarlyDays { get; init; } = [];
}

/// <summary>The parts of pay a deduction applies to (PM 第五条).</summary>
public enum PayComponent
{
    /// <summary>岗位工资.</summary>
    PostPay,

    /// <summary>月绩效.</summary>
    MonthlyPerformance,

    /// <summary>季度绩效.</summary>
    QuarterlyPerformance,

    /// <summary>年绩效.</summary>
    AnnualPerformance,
}

/// <summary>How a deduction is counted: days of the month's amount, months (a month's share), or the whole amount of the period.</summary>
public enum DeductionUnit
{
    /// <summary>按日: so many days' worth.</summary>
    Days,

    /// <summary>按月: one month's share (a third of a quarter's, a twelfth of a year's).</summary>
    Months,

    /// <summary>全额: all of it for the period.</summary>
    Whole,
}

/// <summary>One itemised deduction: what, how much, for which period ("2021-03", "2021Q1" or "2021"), under which article and why.</summary>
public sealed record Deduction(PayComponent Component, DeductionUnit Unit, decimal Quantity, string Period, string Article, string Reason);

/// <summary>The deductions of a year and whether absence reached the dismissal ground of AM 第十八条(四).</summary>
public sealed record AttendanceDeductionResult(IReadOnlyList<Deduction> Deductions, string? DismissalGround)
{
    public decimal Total(PayComponent component, DeductionUnit unit, string? period = null) =>
        Deductions.Where(d => d.Component == component && d.Unit == unit && (period is null || d.Period == period)).Sum(d => d.Quantity);
}
