using Personnel.Server.Services;
using ApiDate = Google.Type.Date;

namespace Personnel.Server.Mapping;

/// <summary>google.type.Date ⇄ DateOnly, refusing dates that do not exist (2023-02-30) with the field named.</summary>
public static class Dates
{
    /// <summary>A required date.</summary>
    public static DateOnly Required(ApiDate? date, string field) =>
        Optional(date, field) ?? throw Refusals.Invalid($"{field} is missing: give a full date (year, month, day).");

    /// <summary>An optional date: null when unset or all zero.</summary>
    public static DateOnly? Optional(ApiDate? date, string field)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            return null;
        }

        if (date.Year is < 1900 or > 2200 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            throw Refusals.Invalid($"{field} {date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a date between 1900-01-01 and 2200-12-31.");
        }

        return new DateOnly(date.Year, date.Month, date.Day);
    }

    /// <summary>To the wire.</summary>
    public static ApiDate ToApi(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    /// <summary>To the wire; null stays unset.</summary>
    public static ApiDate? ToApi(DateOnly? date) => date is { } d ? ToApi(d) : null;
}
