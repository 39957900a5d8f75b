using Personnel.Domain.Common;
using Personnel.Domain.Employees;

namespace Personnel.Domain.Pay;

/// <summary>
/// Pay deductions for leave, absence and lateness in one year (PM 第六条, 第七条; AM 第十八条(四)).
/// Approved family, maternity, marriage, annual, nursing, bereavement and work-injury leave deduct nothing.
/// A spell is judged within the year given: a spell across New Year is two records.
/// </summary>
public static class AttendanceDeductions
{
    private const string Pm6 = "PM 第六条";
    private const string Pm7 = "PM 第七条";

    public static AttendanceDeductionResult Calculate(AttendanceYear attendance, PayPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        ArgumentNullException.ThrowIfNull(policy);
        Validate(attendance);
        var deductions = new List<Deduction>();
        AddLeave(attendance, policy, deductions);

        // False sick leave is recorded as an absence (申请病假存在虚假和欺诈行为, 视为旷工) and judged with the others.
        var dismissal = AddAbsence(attendance.Year, attendance.Absences, policy, deductions);

        foreach (var month in attendance.LateOrEarlyDays.Distinct().GroupBy(MonthOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            deductions.Add(new Deduction(PayComponent.MonthlyPerformance, DeductionUnit.Days, month.Count(), month.Key, Pm7,
                $"{month.Count()} days late, early or away from the post"));
        }

        return new AttendanceDeductionResult(deductions, dismissal);
    }

    private static void AddLeave(AttendanceYear attendance, PayPolicy policy, List<Deduction> deductions)
    {
        var spells = attendance.Leaves.Where(l => l.Kind is LeaveKind.Sick or LeaveKind.Personal).ToList();
        if (spells.Count == 0)
        {
            return;
        }

        var days = spells.SelectMany(s => s.WorkingDays.Select(d => (Day: d, s.Kind))).ToList();
        var credit = attendance.Overtime
            .GroupBy(o => Quarter.Of(o.Date))
            .ToDictionary(g => g.Key, g => g.Sum(o => OvertimeDays(o.Hours, policy)));

        // Overtime offsets personal leave within its own quarter, earliest month first (考核季度内有效).
        var months = new List<(string Month, int Sick, int Personal, decimal Offset)>();
        foreach (var quarter in days.GroupBy(d => Quarter.Of(d.Day)).OrderBy(g => g.Key))
        {
            var remaining = credit.GetValueOrDefault(quarter.Key);
            foreach (var month in quarter.GroupBy(d => MonthOf(d.Day)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var sick = month.Count(d => d.Kind == LeaveKind.Sick);
                var personal = month.Count(d => d.Kind == LeaveKind.Personal);
                var offset = Math.Min(remaining, personal);
                remaining -= offset;
                months.Add((month.Key, sick, personal, offset));
            }
        }

        // Once over a limit, every month of the year with sick or personal leave left after the offset is
        // deducted by month (按月扣发) instead of by day: the text says "by month" without naming the months,
        // and a month with leave is the month the leave is deducted in.
        var longest = spells.Max(s => s.WorkingDays.Count);
        var total = days.Count - (policy.OvertimeOffsetCountsTowardLimits ? months.Sum(m => m.Offset) : 0m);
        var byMonth = longest > policy.LeaveConsecutiveDaysLimit || total > policy.LeaveTotalDaysLimit;
        foreach (var (month, sick, personal, offset) in months)
        {
            var net = sick + personal - offset;
            if (net <= 0m)
            {
                continue;
            }

            if (byMonth)
            {
                var reason = $"sick/personal leave over {policy.LeaveConsecutiveDaysLimit} consecutive or {policy.LeaveTotalDaysLimit} total " +
                    $"working days ({longest} consecutive, {total} counted this year): deducted by month";
                deductions.Add(new Deduction(PayComponent.MonthlyPerformance, DeductionUnit.Months, 1m, month, Pm6, reason));
                deductions.Add(new Deduction(PayComponent.QuarterlyPerformance, DeductionUnit.Months, 1m, month, Pm6, reason));
                deductions.Add(new Deduction(PayComponent.AnnualPerformance, DeductionUnit.Months, 1m, month, Pm6, reason));
            }
            else
            {
                deductions.Add(new Deduction(PayComponent.MonthlyPerformance, DeductionUnit.Days, net, month, Pm6,
                    $"{sick} sick and {personal} personal leave days" + (offset > 0m ? $", {offset} offset by overtime" : string.Empty)));
            }
        }
    }

    private static string? AddAbsence(
        int year, IReadOnlyList<AbsenceSpell> spells, PayPolicy policy, List<Deduction> deductions)
    {
        if (spells.Count == 0)
        {
            return null;
        }

        var days = spells.SelectMany(s => s.WorkingDays).Order().ToList();
        var falseSickDays = spells.Where(s => s.Kind == AbsenceKind.FalseSickLeave).SelectMany(s => s.WorkingDays).ToHashSet();
        var quarterlyByMonth = new List<Deduction>();
        foreach (var month in days.GroupBy(MonthOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var count = month.Count();
            var falseSick = month.Count(falseSickDays.Contains);
            var reason = $"{count} days absent without leave in the month" +
                (falseSick > 0 ? $", {falseSick} of them false sick leave counted as absence (PM 第六条)" : string.Empty);
            deductions.Add(new Deduction(PayComponent.PostPay, DeductionUnit.Days, count, month.Key, Pm7, reason));
            deductions.Add(new Deduction(PayComponent.MonthlyPerformance, DeductionUnit.Days, count, month.Key, Pm7, reason));
            // "More than 3 but under 10" leaves a gap (10+ scattered days in a month, under 15 in the year): it is
            // judged as "more than 3", never as nothing.
            if (count > policy.AbsencePerDayOnlyDays)
            {
                quarterlyByMonth.Add(new Deduction(PayComponent.QuarterlyPerformance, DeductionUnit.Months, 1m, month.Key, Pm7,
                    $"{reason}, more than {policy.AbsencePerDayOnlyDays}"));
            }
        }

        // The day the 10-consecutive or 15-in-a-year limit is reached, if it is.
        var reachedOn = spells.Where(s => s.WorkingDays.Count >= policy.AbsenceConsecutiveWithholdDays)
            .Select(s => s.WorkingDays[policy.AbsenceConsecutiveWithholdDays - 1])
            .Concat(days.Count >= policy.AbsenceYearWithholdDays ? [days[policy.AbsenceYearWithholdDays - 1]] : [])
            .Order()
            .Select(d => (DateOnly?)d)
            .FirstOrDefault();
        if (reachedOn is { } reached)
        {
            var why = $"absent {policy.AbsenceConsecutiveWithholdDays} consecutive or {policy.AbsenceYearWithholdDays} days in the year " +
                $"(limit reached {reached:yyyy-MM-dd}; {days.Count} days this year)";
            var quarter = Quarter.Of(reached);
            var period = policy.AbsenceWithholdsEveryQuarterOfTheYear ? $"{year}" : quarter.ToString();
            quarterlyByMonth.RemoveAll(d => policy.AbsenceWithholdsEveryQuarterOfTheYear || MonthInQuarter(d.Period, quarter));
            quarterlyByMonth.Add(new Deduction(PayComponent.QuarterlyPerformance, DeductionUnit.Whole, 1m, period, Pm7, why));
            quarterlyByMonth.Add(new Deduction(PayComponent.AnnualPerformance, DeductionUnit.Whole, 1m, $"{year}", Pm7, why));
        }

        deductions.AddRange(quarterlyByMonth);
        var longest = spells.Max(s => s.WorkingDays.Count);
        return longest > policy.DismissalConsecutiveAbsenceDays || days.Count > policy.DismissalYearAbsenceDays
            ? $"{Rules.AbsenceDismissalGround.Article}: absent {longest} consecutive days, {days.Count} days in {year} " +
              $"(over {policy.DismissalConsecutiveAbsenceDays} consecutive or {policy.DismissalYearAbsenceDays} in a year)"
            : null;
    }

    private static decimal OvertimeDays(decimal hours, PayPolicy policy) =>
        hours > policy.OvertimeFullDayHours ? 1m : hours > policy.OvertimeHalfDayHours ? 0.5m : 0m;

    private static string MonthOf(DateOnly day) => $"{day:yyyy-MM}";

    private static bool MonthInQuarter(string month, Quarter quarter) =>
        Quarter.Of(DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) == quarter;

    private static void Validate(AttendanceYear attendance)
    {
        var year = attendance.Year;
        RuleViolationException.ThrowIfInvalid(year is >= 1900 and <= 2200, Rules.WellFormedInput, $"year {year} is out of range 1900–2200");
        var spells = attendance.Leaves.Select(l => (What: $"{l.Kind} leave", l.WorkingDays))
            .Concat(attendance.Absences.Select(a => (What: $"{a.Kind} absence", a.WorkingDays)));
        var seen = new Dictionary<DateOnly, string>();
        foreach (var (what, workingDays) in spells)
        {
            RuleViolationException.ThrowIfInvalid(workingDays is { Count: > 0 }, Rules.AttendanceRecord, $"a {what} has no working days");
            for (var i = 0; i < workingDays.Count; i++)
            {
                var day = workingDays[i];
                RuleViolationException.ThrowIfInvalid(
                    day.Year == year, Rules.AttendanceRecord, $"{what} day {day:yyyy-MM-dd} is outside {year}");
                RuleViolationException.ThrowIfInvalid(
                    i == 0 || day > workingDays[i - 1], Rules.AttendanceRecord, $"{what} days are not in date order at {day:yyyy-MM-dd}");
                RuleViolationException.ThrowIfInvalid(
                    seen.TryAdd(day, what), Rules.AttendanceRecord,
                    $"{day:yyyy-MM-dd} is recorded twice ({(seen.TryGetValue(day, out var other) ? other : what)} and {what})");
            }
        }

        foreach (var session in attendance.Overtime)
        {
            RuleViolationException.ThrowIfInvalid(
                session.Date.Year == year && session.Hours is > 0m and <= 24m, Rules.AttendanceRecord,
                $"overtime of {session.Hours} h on {session.Date:yyyy-MM-dd} must be 0–24 h within {year}");
        }

        RuleViolationException.ThrowIfInvalid(
            attendance.LateOrEarlyDays.All(d => d.Year == year), Rules.AttendanceRecord, $"a late or early day is outside {year}");
    }
}
