namespace Personnel.Domain.Common;

/// <summary>A calendar quarter (季度) of a year: the period of the quarterly assessment.</summary>
public readonly record struct Quarter : IComparable<Quarter>
{
    public Quarter(int year, int number)
    {
        RuleViolationException.ThrowIfInvalid(
            number is >= 1 and <= 4, Rules.CalendarQuarter, $"quarter {number} does not exist");
        RuleViolationException.ThrowIfInvalid(
            year is >= 1900 and <= 2200, Rules.WellFormedInput, $"year {year} is out of range 1900–2200");
        Year = year;
        Number = number;
    }

    public int Year { get; }

    public int Number { get; }

    public DateOnly FirstDay => new(Year, ((Number - 1) * 3) + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public DatePeriod Period => new(FirstDay, LastDay);

    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;

    public Quarter Next => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    public static Quarter Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    public static IEnumerable<Quarter> OfYear(int year) =>
        Enumerable.Range(1, 4).Select(n => new Quarter(year, n));

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    public int CompareTo(Quarter other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;

    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;

    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year}Q{Number}";
}
