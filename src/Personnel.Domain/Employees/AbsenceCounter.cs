using Personnel.Domain.Common;
using Personnel.Domain.Grading;

namespace Personnel.Domain.Employees;

/// <summary>Counts days of absence for the dismissal thresholds (AM 第十八条(四)) and joins spells of days.</summary>
public static class AbsenceCounter
{
    /// <summary>
    /// The facts when the absences pass the thresholds: more than the consecutive limit in one run,
    /// or more than the yearly limit in one calendar year; null when they stay within. Days are
    /// counted as the policy says (calendar days by default; in working days a weekend neither
    /// counts nor breaks a run).
    /// </summary>
    public static string? Exceeding(IEnumerable<DatePeriod> absences, EmployeePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var counted = CountedDays(absences, policy.AbsenceDayCounting);
        if (counted.Count == 0)
        {
            return null;
        }

        var unit = policy.AbsenceDayCounting == DayCounting.CalendarDays ? "calendar days" : "working days";
        var (runStart, runEnd, runLength) = LongestRun(counted, policy.AbsenceDayCounting);
        if (runLength > policy.AbsenceConsecutiveDaysForDismissal)
        {
            return $"absent {runLength} consecutive {unit} from {runStart:yyyy-MM-dd} to {runEnd:yyyy-MM-dd}, more than {policy.AbsenceConsecutiveDaysForDismissal}";
        }

        foreach (var year in counted.GroupBy(d => d.Year))
        {
            if (year.Count() > policy.AbsenceDaysPerYearForDismissal)
            {
                return $"absent {year.Count()} {unit} in {year.Key}, more than {policy.AbsenceDaysPerYearForDismissal} in one year";
            }
        }

        return null;
    }

    /// <summary>The days that count, once each, in order.</summary>
    public static IReadOnlyList<DateOnly> CountedDays(IEnumerable<DatePeriod> periods, DayCounting counting)
    {
        var days = new SortedSet<DateOnly>();
        foreach (var period in periods)
        {
            for (var day = period.Start; day <= period.End; day = day.AddDays(1))
            {
                if (counting == DayCounting.CalendarDays || IsWeekday(day))
                {
                    days.Add(day);
                }
            }
        }

        return days.ToList();
    }

    /// <summary>Joins overlapping and adjacent periods into spells, in order.</summary>
    public static IReadOnlyList<DatePeriod> JoinAdjacent(IEnumerable<DatePeriod> periods)
    {
        var spells = new List<DatePeriod>();
        foreach (var period in periods.OrderBy(p => p.Start))
        {
            if (spells.Count > 0 && period.Start <= spells[^1].End.AddDays(1))
            {
                var last = spells[^1];
                spells[^1] = new DatePeriod(last.Start, period.End > last.End ? period.End : last.End);
            }
            else
            {
                spells.Add(period);
            }
        }

        return spells;
    }

    private static (DateOnly Start, DateOnly End, int Length) LongestRun(IReadOnlyList<DateOnly> days, DayCounting counting)
    {
        var best = (Start: days[0], End: days[0], Length: 1);
        var current = best;
        for (var i = 1; i < days.Count; i++)
        {
            current = NextCountedDay(days[i - 1], counting) == days[i]
                ? (current.Start, days[i], current.Length + 1)
                : (days[i], days[i], 1);
            if (current.Length > best.Length)
            {
                best = current;
            }
        }

        return best;
    }

    private static DateOnly NextCountedDay(DateOnly day, DayCounting counting)
    {
        var next = day.AddDays(1);
        while (counting == DayCounting.WorkingDays && !IsWeekday(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    private static bool IsWeekday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
