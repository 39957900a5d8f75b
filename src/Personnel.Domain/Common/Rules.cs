namespace Personnel.Domain.Common;

/// <summary>
/// The catalogue of rules the service enforces. Each area adds its rules in its own partial file
/// (Rules.Posts.cs, Rules.Grading.cs, …); this file holds the ones about input in general.
/// </summary>
public static partial class Rules
{
    public static readonly Rule WellFormedInput = new(
        "INPUT", "输入格式 input format", "Requests must be well formed");

    public static readonly Rule CalendarQuarter = new(
        "INPUT-QUARTER", "季度 calendar quarter", "A quarter is a calendar quarter, numbered 1 to 4");
}
