using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Pay;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Grains.Queries;

/// <summary>
/// The facts PM 第八条 and 第九条 read, from an employee's recorded events: the heaviest sanction whose period
/// touches the year, an investigation still open at the year's end, probation, separation.
/// </summary>
internal sealed class PayFactsReader(IEventStore store, Personnel.Domain.Profiles.PolicyProfile profile) : IPayFacts
{
    /// <summary>
    /// The facts and the year's attendance deductions (PM 第六条, 第七条; RULES §8) from the recorded leave, absences,
    /// overtime and late days: each recorded period is cut to the year and read as its working days under the profile's
    /// working calendar; overtime offsets personal leave within its quarter, and each late or early day is deducted.
    /// </summary>
    public async Task<PayYear> ReadYearAsync(
        EmployeeSnapshot snapshot, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var events = await store.ReadStreamAsync(StreamIds.Employee(snapshot.EmployeeId), 1, cancellationToken).ConfigureAwait(false);
        var leaves = new List<LeaveSpell>();
        var absences = new List<AbsenceSpell>();
        var overtime = new List<OvertimeSession>();
        var lateDays = new List<DateOnly>();
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var party = PartySanction.None;
        var government = GovernmentSanction.None;
        var investigationOpen = false;
        string? department = null;
        var left = false;
        DateOnly? leftOn = null;
        foreach (var e in events.Where(e => e.OccurredOn <= yearEnd))
        {
            switch (e.Type)
            {
                case EventTypes.Employee.EmployeeAppointed:
                    department = ((EmployeeAppointed)EventJson.Deserialize<EmployeeEvent>(e.Payload)).DepartmentId.Value;
                    break;
                case EventTypes.Employee.Rotated:
                    department = ((Rotated)EventJson.Deserialize<EmployeeEvent>(e.Payload)).DepartmentId.Value;
                    break;
                case EventTypes.Employee.EmployeeResigned or EventTypes.Employee.TransferredOut or EventTypes.Employee.EmployeeRetired
                    or EventTypes.Employee.EmployeeDismissed or EventTypes.Employee.ContractTerminated:
                    left = e.OccurredOn < yearStart;
                    leftOn = left ? null : e.OccurredOn;
                    break;
                case EventTypes.Employee.EmployeeReinstated:
                    left = false;
                    leftOn = null;
                    break;
                case EventTypes.Employee.SanctionRecorded:
                    var sanction = (SanctionRecorded)EventJson.Deserialize<EmployeeEvent>(e.Payload);
                    if (sanction.Period.Start <= yearEnd && sanction.Period.End >= yearStart)
                    {
                        if (sanction.Authority == SanctionAuthority.Party)
                        {
                            party = Max(party, Party(sanction.Kind));
                        }
                        else
                        {
                            government = Max(government, Government(sanction.Kind));
                        }
                    }

                    break;
                case EventTypes.Employee.InvestigationOpened:
                    investigationOpen = true;
                    break;
                case EventTypes.Employee.InvestigationClosed:
                    investigationOpen = false;
                    break;
            }
        }

        // A period of the year counts whenever it was recorded (an absence in December may be recorded in January).
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case EventTypes.Employee.LeaveRecorded:
                    var leave = (LeaveRecorded)EventJson.Deserialize<EmployeeEvent>(e.Payload);
                    if (WorkingDaysIn(leave.Period, year) is { Count: > 0 } leaveDays)
                    {
                        leaves.Add(new LeaveSpell(leave.Kind, leaveDays));
                    }

                    break;
                case EventTypes.Employee.AbsenceRecorded:
                    var absence = (AbsenceRecorded)EventJson.Deserialize<EmployeeEvent>(e.Payload);
                    if (WorkingDaysIn(absence.Period, year) is { Count: > 0 } absentDays)
                    {
                        absences.Add(new AbsenceSpell(absentDays, absence.Kind));
                    }

                    break;
                case EventTypes.Employee.OvertimeRecorded:
                    var worked = (OvertimeRecorded)EventJson.Deserialize<EmployeeEvent>(e.Payload);
                    if (worked.Day.Year == year)
                    {
                        overtime.Add(new OvertimeSession(worked.Day, worked.Hours));
                    }

                    break;
                case EventTypes.Employee.LatenessRecorded:
                    var late = (LatenessRecorded)EventJson.Deserialize<EmployeeEvent>(e.Payload);
                    if (late.Day.Year == year)
                    {
                        lateDays.Add(late.Day);
                    }

                    break;
            }
        }

        // A day recorded both as leave and as absence is an absence (视为旷工).
        var absent = absences.SelectMany(a => a.WorkingDays).ToHashSet();
        leaves = leaves.Select(l => l with { WorkingDays = l.WorkingDays.Where(d => !absent.Contains(d)).ToList() })
            .Where(l => l.WorkingDays.Count > 0).ToList();
        var facts = new PerformancePayFacts
        {
            InOpenRecruitmentProbation = snapshot.State == ContractState.InProbation,
            PartySanction = party,
            GovernmentSanction = government,
            UnderInvestigation = investigationOpen,
            Separation = snapshot.State switch
            {
                ContractState.TransferredOut => Separation.TransferredOut,
                ContractState.Retired => Separation.Retired,
                ContractState.Resigned => Separation.Quit,
                _ => Separation.None,
            },
        };
        var attendance = AttendanceDeductions.Calculate(
            new AttendanceYear
            {
                Year = year, Leaves = leaves, Absences = absences.OrderBy(a => a.WorkingDays[0]).ToList(),
                Overtime = overtime.OrderBy(o => o.Date).ToList(), LateOrEarlyDays = lateDays.Order().ToList(),
            },
            profile.Pay);
        return new PayYear(facts, attendance, left ? null : department, leftOn);
    }

    private List<DateOnly> WorkingDaysIn(Personnel.Domain.Common.DatePeriod period, int year)
    {
        var days = new List<DateOnly>();
        var from = period.Start.Year < year ? new DateOnly(year, 1, 1) : period.Start;
        var until = period.End.Year > year ? new DateOnly(year, 12, 31) : period.End;
        for (var day = from; day <= until; day = day.AddDays(1))
        {
            if (profile.Grading.Calendar.IsWorkingDay(day))
            {
                days.Add(day);
            }
        }

        return days;
    }

    private static T Max<T>(T a, T b)
        where T : struct, Enum => Comparer<T>.Default.Compare(a, b) >= 0 ? a : b;

    private static GovernmentSanction Government(SanctionKind kind) => kind switch
    {
        SanctionKind.Warning => GovernmentSanction.Warning,
        SanctionKind.Demerit => GovernmentSanction.Demerit,
        SanctionKind.MajorDemerit => GovernmentSanction.MajorDemerit,
        SanctionKind.Demotion => GovernmentSanction.Downgrade,
        SanctionKind.Removal => GovernmentSanction.Dismissal,
        _ => GovernmentSanction.Expulsion,
    };

    // Party sanctions are recorded at the government severity they equal (AS 第二十七条); the party ladder
    // 警告 < 严重警告 < 撤销党内职务 < 留党察看 < 开除党籍 is read in the same order.
    private static PartySanction Party(SanctionKind kind) => kind switch
    {
        SanctionKind.Warning => PartySanction.Warning,
        SanctionKind.Demerit => PartySanction.SeriousWarning,
        SanctionKind.MajorDemerit => PartySanction.RemovalFromPartyPost,
        SanctionKind.Demotion or SanctionKind.Removal => PartySanction.PartyProbation,
        _ => PartySanction.Expulsion,
    };
}
