using Personnel.Domain.Pay;
using Personnel.Grains.Abstractions;

namespace Personnel.Grains.Queries;

/// <summary>What pay needs from an employee's recorded events (PM 第六条–第九条); the domain's pay calculators decide with it.</summary>
public interface IPayFacts
{
    /// <summary>The person's pay year: the facts PM 第八条 and 第九条 read, the attendance deductions of PM 第六条 and 第七条,
    /// and the department the person belonged to.</summary>
    Task<PayYear> ReadYearAsync(EmployeeSnapshot snapshot, int year, CancellationToken cancellationToken);
}

/// <summary>
/// One person's pay year: the facts PM 第八条, 第九条 read, the attendance deductions (PM 第六条, 第七条), and the
/// department the person belonged to at the year's end (or when they left during it); null when the person
/// was not yet appointed by the year's end or had left before it began.
/// </summary>
/// <param name="LeftOn">The day a separation was recorded within the year, if one was.</param>
public sealed record PayYear(PerformancePayFacts Facts, AttendanceDeductionResult Attendance, string? Department, DateOnly? LeftOn = null);
