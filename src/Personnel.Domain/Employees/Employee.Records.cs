using Personnel.Domain.Common;
using Personnel.Domain.Grading;

namespace Personnel.Domain.Employees;

public sealed partial class Employee
{
    private readonly List<SanctionRecorded> _sanctions = [];
    private readonly List<InvestigationPeriod> _investigations = [];
    private readonly List<LeaveRecorded> _leaves = [];
    private readonly List<AbsenceRecorded> _absences = [];
    private readonly List<OvertimeRecorded> _overtime = [];
    private readonly List<LatenessRecorded> _lateness = [];
    private readonly List<HealthIncapacityRecorded> _incapacities = [];
    private readonly List<SecondmentRecorded> _secondments = [];
    private readonly List<PostAdjustmentDue> _postAdjustments = [];

    public IReadOnlyList<SanctionRecorded> Sanctions => _sanctions;

    public IReadOnlyList<InvestigationPeriod> Investigations => _investigations;

    public IReadOnlyList<LeaveRecorded> Leaves => _leaves;

    public IReadOnlyList<AbsenceRecorded> Absences => _absences;

    public IReadOnlyList<OvertimeRecorded> Overtime => _overtime;

    public IReadOnlyList<LatenessRecorded> Lateness => _lateness;

    public IReadOnlyList<PostAdjustmentDue> PostAdjustments => _postAdjustments;

    public bool IsUnderInvestigation => _investigations.Count > 0 && _investigations[^1].Closed is null;

    /// <summary>
    /// Records a sanction (AS 第二十七条). Its period starts on <paramref name="imposedOn"/> and lasts the
    /// profile's months for its kind unless <paramref name="periodEnd"/> says otherwise. An expulsion
    /// (开除) dismisses at once (AM 第十八条(五)).
    /// </summary>
    public void RecordSanction(DateOnly imposedOn, SanctionKind kind, SanctionAuthority authority, string reason, DateOnly? periodEnd = null)
    {
        EnsureAppointed();
        EnsureNotBeforeAppointment(imposedOn);
        RequireReason(reason);
        RuleViolationException.ThrowIfInvalid(Enum.IsDefined(kind), Rules.SanctionEffects, $"sanction kind {(int)kind} does not exist");
        EnsureAllowed(ContractTrigger.RecordSanction, imposedOn);
        var end = periodEnd
            ?? (Policy.Employment.SanctionPeriodMonths.TryGetValue(kind, out var months) ? imposedOn.AddMonths(months).AddDays(-1) : imposedOn);
        var recorded = new SanctionRecorded(imposedOn, kind, authority, new DatePeriod(imposedOn, end), reason);
        if (kind == SanctionKind.Expulsion)
        {
            EnsureAllowed(ContractTrigger.Dismiss, imposedOn);
            Raise(recorded, new EmployeeDismissed(imposedOn, DismissalCause.Expelled, $"expelled (开除): {reason}"));
            return;
        }

        Raise(recorded);
    }

    /// <summary>Opens an investigation (立案审查调查): no grade while it runs (AS 第二十六条).</summary>
    public void OpenInvestigation(DateOnly on, string reason)
    {
        EnsureAppointed();
        EnsureNotBeforeAppointment(on);
        RequireReason(reason);
        RuleViolationException.ThrowUnless(!IsUnderInvestigation, Rules.InvestigationNoGrade,
            $"an investigation of {Id} is already open since {_investigations.LastOrDefault()?.Opened:yyyy-MM-dd}");
        EnsureAllowed(ContractTrigger.RecordInvestigation, on);
        Raise(new InvestigationOpened(on, reason));
    }

    /// <summary>
    /// Closes the investigation (AS 第二十六条). With no sanction or a warning, the grades withheld
    /// meanwhile may then be set (补定等次): record them again with RecordQuarterlyGrade/RecordAnnualGrade.
    /// </summary>
    public void CloseInvestigation(DateOnly on, InvestigationOutcome outcome)
    {
        EnsureAppointed();
        RuleViolationException.ThrowUnless(IsUnderInvestigation, Rules.InvestigationNoGrade, $"no investigation of {Id} is open");
        RuleViolationException.ThrowIfInvalid(
            on >= _investigations[^1].Opened, Rules.WellFormedInput,
            $"the investigation opened on {_investigations[^1].Opened:yyyy-MM-dd} cannot close on {on:yyyy-MM-dd}");
        EnsureAllowed(ContractTrigger.RecordInvestigation, on);
        Raise(new InvestigationClosed(on, outcome));
    }

    /// <summary>Records leave (PM 第六条); sick and personal leave over half a period take its grade away (AS 第二十五条).</summary>
    public void RecordLeave(DateOnly on, LeaveKind kind, DatePeriod period)
    {
        EnsureAppointed();
        RuleViolationException.ThrowIfInvalid(Enum.IsDefined(kind), Rules.LeaveOverHalf, $"leave kind {(int)kind} does not exist");
        RuleViolationException.ThrowIfInvalid(
            period.Start >= AppointedOn, Rules.WellFormedInput, $"leave from {period.Start:yyyy-MM-dd} starts before the appointment on {AppointedOn:yyyy-MM-dd}");
        var clash = _leaves.FirstOrDefault(l => l.Period.Overlaps(period));
        RuleViolationException.ThrowUnless(clash is null, Rules.NoOverlappingRecords,
            $"leave {period} overlaps the {clash?.Kind} leave {clash?.Period} already recorded");
        EnsureAllowed(ContractTrigger.RecordLeave, on);
        Raise(new LeaveRecorded(on, kind, period));
    }

    /// <summary>
    /// Records absence without leave (旷工, PM 第七条). When the absences pass more than 15
    /// consecutive days or more than 30 days in one year, the person is dismissed (AM 第十八条(四)).
    /// </summary>
    public void RecordAbsence(DateOnly on, AbsenceKind kind, DatePeriod period)
    {
        EnsureAppointed();
        RuleViolationException.ThrowIfInvalid(Enum.IsDefined(kind), Rules.AbsenceDismissal, $"absence kind {(int)kind} does not exist");
        RuleViolationException.ThrowIfInvalid(
            period.Start >= AppointedOn && period.End <= on, Rules.WellFormedInput,
            $"absence {period} must lie between the appointment on {AppointedOn:yyyy-MM-dd} and the recording date {on:yyyy-MM-dd}");
        var clash = _absences.FirstOrDefault(a => a.Period.Overlaps(period));
        RuleViolationException.ThrowUnless(clash is null, Rules.NoOverlappingRecords,
            $"absence {period} overlaps the absence {clash?.Period} already recorded");
        EnsureAllowed(ContractTrigger.RecordAbsence, on);
        var recorded = new AbsenceRecorded(on, kind, period);
        var exceeding = AbsenceCounter.Exceeding(
            _absences.Select(a => a.Period).Append(period), Policy.Employment);
        if (exceeding is not null)
        {
            EnsureAllowed(ContractTrigger.Dismiss, on);
            Raise(recorded, new EmployeeDismissed(on, DismissalCause.AbsenceWithoutLeave, exceeding));
            return;
        }

        Raise(recorded);
    }

    /// <summary>
    /// Records approved overtime worked on <paramref name="day"/> (PM 第六条): more than 4 hours counts half a day and more
    /// than 8 a whole day (the profile's thresholds), offsetting personal leave within the day's quarter. One record per day.
    /// </summary>
    public void RecordOvertime(DateOnly on, DateOnly day, decimal hours)
    {
        EnsureAppointed();
        RuleViolationException.ThrowIfInvalid(
            hours is > 0m and <= 24m && decimal.Round(hours, 2) == hours, Rules.AttendanceRecord,
            $"overtime of {hours} h on {day:yyyy-MM-dd} must be more than 0 and at most 24 hours, to the hundredth");
        EnsureAttendanceDay("overtime", day, on);
        var clash = _overtime.FirstOrDefault(o => o.Day == day);
        RuleViolationException.ThrowUnless(clash is null, Rules.NoOverlappingRecords,
            $"overtime on {day:yyyy-MM-dd} is already recorded ({clash?.Hours} h): one record per day");
        EnsureAllowed(ContractTrigger.RecordAttendance, on);
        Raise(new OvertimeRecorded(on, day, hours));
    }

    /// <summary>
    /// Records a late arrival, early leave or leaving the post without reason on <paramref name="day"/> (PM 第七条): the
    /// month's performance pay is deducted for the day. One record per day; a day of leave or absence cannot also be late.
    /// </summary>
    public void RecordLateness(DateOnly on, DateOnly day, LatenessKind kind)
    {
        EnsureAppointed();
        RuleViolationException.ThrowIfInvalid(Enum.IsDefined(kind), Rules.LatenessDeduction, $"lateness kind {(int)kind} does not exist");
        EnsureAttendanceDay("lateness", day, on);
        var clash = _lateness.FirstOrDefault(l => l.Day == day);
        RuleViolationException.ThrowUnless(clash is null, Rules.NoOverlappingRecords,
            $"{day:yyyy-MM-dd} already has a {clash?.Kind} recorded: one record per day");
        var away = _leaves.Select(l => (What: $"{l.Kind} leave", l.Period)).Concat(_absences.Select(a => (What: "an absence", a.Period)))
            .FirstOrDefault(p => p.Period.Contains(day));
        RuleViolationException.ThrowUnless(away.What is null, Rules.NoOverlappingRecords,
            $"{day:yyyy-MM-dd} is recorded as {away.What} {away.Period}: a day away cannot also be late");
        EnsureAllowed(ContractTrigger.RecordAttendance, on);
        Raise(new LatenessRecorded(on, day, kind));
    }

    /// <summary>An attendance record names a day of the contract that has already passed when it is recorded.</summary>
    private void EnsureAttendanceDay(string what, DateOnly day, DateOnly on) =>
        RuleViolationException.ThrowIfInvalid(
            day >= AppointedOn && day <= on, Rules.AttendanceRecord,
            $"{what} on {day:yyyy-MM-dd} must lie between the appointment on {AppointedOn:yyyy-MM-dd} and the recording date {on:yyyy-MM-dd}");

    /// <summary>
    /// Records a spell of incapacity for health reasons; when incapacity (adjacent spells joined)
    /// runs more than 1 year, a post adjustment falls due (AM 第十六条).
    /// </summary>
    public void RecordHealthIncapacity(DateOnly on, DatePeriod period)
    {
        EnsureAppointed();
        RuleViolationException.ThrowIfInvalid(
            period.Start >= AppointedOn, Rules.WellFormedInput, $"incapacity from {period.Start:yyyy-MM-dd} starts before the appointment");
        var clash = _incapacities.FirstOrDefault(h => h.Period.Overlaps(period));
        RuleViolationException.ThrowUnless(clash is null, Rules.NoOverlappingRecords,
            $"incapacity {period} overlaps {clash?.Period} already recorded");
        EnsureAllowed(ContractTrigger.RecordHealthIncapacity, on);
        var recorded = new HealthIncapacityRecorded(on, period);
        var spell = AbsenceCounter.JoinAdjacent(_incapacities.Select(h => h.Period).Append(period)).Single(s => s.Overlaps(period));
        var months = Policy.Employment.HealthIncapacityMonths;
        bool RunsPastLimit(DatePeriod p) => p.End >= p.Start.AddMonths(months);

        // A spell that had already run past the limit made the adjustment due once; extending it does not again.
        var alreadyDue = AbsenceCounter.JoinAdjacent(_incapacities.Select(h => h.Period))
            .Any(p => spell.Contains(p.Start) && RunsPastLimit(p));
        if (RunsPastLimit(spell) && !alreadyDue)
        {
            Raise(recorded, new PostAdjustmentDue(on, Rules.HealthPostAdjustment.Code,
                $"unable to work for health reasons from {spell.Start:yyyy-MM-dd} to {spell.End:yyyy-MM-dd} ({spell.Days} days), more than {months} months"));
            return;
        }

        Raise(recorded);
    }

    /// <summary>Records a secondment (援派/挂职): the receiving unit grades the person meanwhile (AS 第二十四条).</summary>
    public void RecordSecondment(DateOnly on, DepartmentId receivingUnit, DatePeriod period)
    {
        EnsureAppointed();
        RuleViolationException.ThrowIfInvalid(
            receivingUnit != Department, Rules.AssessingUnit, $"a secondment goes to another unit than {Department}");
        var clash = _secondments.FirstOrDefault(s => s.Period.Overlaps(period));
        RuleViolationException.ThrowUnless(clash is null, Rules.NoOverlappingRecords,
            $"secondment {period} overlaps the secondment to {clash?.ReceivingUnit} {clash?.Period}");
        EnsureAllowed(ContractTrigger.RecordSecondment, on);
        Raise(new SecondmentRecorded(on, receivingUnit, period));
    }

    /// <summary>The facts of the absence threshold crossed by <paramref name="on"/>, or null (AM 第十八条(四)).</summary>
    public string? AbsenceExceeding(DateOnly on) =>
        AbsenceCounter.Exceeding(_absences.Where(a => a.Period.Start <= on).Select(a => a.Period), Policy.Employment);

    /// <summary>The unit that grades the person for a period ending on <paramref name="lastDay"/> (AS 第二十四条).</summary>
    public DepartmentId AssessingUnitOn(DateOnly lastDay) =>
        _secondments.LastOrDefault(s => s.Period.Contains(lastDay))?.ReceivingUnit ?? DepartmentOn(lastDay) ?? Department;

    private void ApplyRecord(EmployeeEvent @event)
    {
        switch (@event)
        {
            case SanctionRecorded e:
                _sanctions.Add(e);
                break;
            case InvestigationOpened e:
                _investigations.Add(new InvestigationPeriod(e.OccurredOn, null, null));
                break;
            case InvestigationClosed e:
                _investigations[^1] = _investigations[^1] with { Closed = e.OccurredOn, Outcome = e.Outcome };
                break;
            case LeaveRecorded e:
                _leaves.Add(e);
                break;
            case AbsenceRecorded e:
                _absences.Add(e);
                break;
            case OvertimeRecorded e:
                _overtime.Add(e);
                break;
            case LatenessRecorded e:
                _lateness.Add(e);
                break;
            case HealthIncapacityRecorded e:
                _incapacities.Add(e);
                break;
            case SecondmentRecorded e:
                _secondments.Add(e);
                break;
            case PostAdjustmentDue e:
                _postAdjustments.Add(e);
                break;
            case RankingPlaceRecorded or RankingWarningIssued or RemovedForRanking or AnnualFeedbackSigned:
                ApplyRanking(@event);
                break;
            default:
                ApplyGrading(@event);
                break;
        }
    }
}

/// <summary>An investigation and how it closed (AS 第二十六条).</summary>
public sealed record InvestigationPeriod(DateOnly Opened, DateOnly? Closed, InvestigationOutcome? Outcome);
