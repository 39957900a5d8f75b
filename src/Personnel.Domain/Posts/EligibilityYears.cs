namespace Personnel.Domain.Posts;

/// <summary>
/// Counted years for "held ≥ N years" (AM 第五条): only counted years count (RULES §1, §6). A year graded
/// BasicallyCompetent, Incompetent or not graded is not counted at all, so the clock stops on 1 January
/// of such a year and restarts on 1 January of the next. Pure date arithmetic the tenure query calls.
/// </summary>
public static class EligibilityYears
{
    /// <summary>
    /// The first date on which <paramref name="years"/> counted years have been held since
    /// <paramref name="since"/>, skipping every uncounted calendar year (or the part of it after
    /// <paramref name="since"/> when the rank began inside an uncounted year).
    /// </summary>
    public static DateOnly EarliestEligibility(DateOnly since, int years, IEnumerable<int> uncountedYears)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        ArgumentNullException.ThrowIfNull(uncountedYears);
        var end = since.AddYears(years);
        foreach (var year in uncountedYears.Distinct().Order())
        {
            var yearStart = new DateOnly(year, 1, 1);
            var nextYearStart = yearStart.AddYears(1);
            if (nextYearStart <= since)
            {
                continue;
            }

            if (yearStart >= end)
            {
                break;
            }

            // A whole uncounted year pushes the date a whole year; a partly held one by the days held in it.
            end = since <= yearStart ? end.AddYears(1) : end.AddDays(nextYearStart.DayNumber - since.DayNumber);
        }

        return end;
    }

    /// <summary>Whole counted years held from <paramref name="since"/> up to and including <paramref name="asOf"/>.</summary>
    public static int CountedYears(DateOnly since, DateOnly asOf, IEnumerable<int> uncountedYears)
    {
        ArgumentNullException.ThrowIfNull(uncountedYears);
        var uncounted = uncountedYears.ToArray();
        var count = 0;
        while (EarliestEligibility(since, count + 1, uncounted) <= asOf)
        {
            count++;
        }

        return count;
    }
}
