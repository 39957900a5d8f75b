using Personnel.Domain.Common;

namespace Personnel.Domain.Employees;

/// <summary>A sanction (处分) with the period its effects last (AS 第二十七条).</summary>
public sealed record SanctionRecorded(
    DateOnly OccurredOn, SanctionKind Kind, SanctionAuthority Authority, DatePeriod Period, string Reason) : EmployeeEvent(OccurredOn);

/// <summary>An investigation (立案审查调查) opened (AS 第二十六条).</summary>
public sealed record InvestigationOpened(DateOnly OccurredOn, string Reason) : EmployeeEvent(OccurredOn);

/// <summary>The investigation closed (AS 第二十六条).</summary>
public sealed record InvestigationClosed(DateOnly OccurredOn, InvestigationOutcome Outcome) : EmployeeEvent(OccurredOn);

/// <summary>Leave taken (PM 第六条; AS 第二十五条).</summary>
public sealed record LeaveRecorded(DateOnly OccurredOn, LeaveKind Kind, DatePeriod Period) : EmployeeEvent(OccurredOn);

/// <summary>Absence without leave (旷工) over a period (PM 第七条; AM 第十八条(四)).</summary>
public sealed record AbsenceRecorded(DateOnly OccurredOn, AbsenceKind Kind, DatePeriod Period) : EmployeeEvent(OccurredOn);

/// <summary>Approved overtime (经部门批准的加班) worked on one day, in hours (PM 第六条: it offsets personal leave within its quarter).</summary>
public sealed record OvertimeRecorded(DateOnly OccurredOn, DateOnly Day, decimal Hours) : EmployeeEvent(OccurredOn);

/// <summary>A late arrival, early leave or leaving the post without reason on one day (PM 第七条: monthly performance pay
/// deducted for the day).</summary>
public sealed record LatenessRecorded(DateOnly OccurredOn, DateOnly Day, LatenessKind Kind) : EmployeeEvent(OccurredOn);

/// <summary>Unable to work for health reasons over a period (AM 第十六条).</summary>
public sealed record HealthIncapacityRecorded(DateOnly OccurredOn, DatePeriod Period) : EmployeeEvent(OccurredOn);

/// <summary>Seconded (援派/挂职) to a receiving unit that grades the person meanwhile (AS 第二十四条).</summary>
public sealed record SecondmentRecorded(DateOnly OccurredOn, DepartmentId ReceivingUnit, DatePeriod Period) : EmployeeEvent(OccurredOn);
