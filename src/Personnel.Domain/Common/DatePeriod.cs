namespace Personnel.Domain.Common;

/// <summary>An inclusive range of civil dates (Asia/Shanghai), e.g. a sanction period or a leave.</summary>
public readonly record struct DatePeriod
{
    public DatePeriod(DateOnly start, DateOnly end)
    {
        RuleViolationException.ThrowIfInvalid(
            end >= start, Rules.WellFormedInput, $"the period ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})");
        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public static DatePeriod OfYear(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public bool Overlaps(DatePeriod other) => Start <= other.End && other.Start <= End;

    /// <summary>The number of days this period shares with <paramref name="other"/>; 0 when apart.</summary>
    public int OverlapDays(DatePeriod other)
    {
        var start = Start > other.Start ? Start : other.Start;
        var end = End < other.End ? End : other.End;
        return end >= start ? end.DayNumber - start.DayNumber + 1 : 0;
    }

    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";
}
