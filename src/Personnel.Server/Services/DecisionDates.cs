using Grpc.Core;

namespace Personnel.Server.Services;

/// <summary>
/// A record is made on or after the day it took effect: a decision, signature, start or correction dated after today
/// (the server's clock, Asia/Shanghai) is refused before anything is decided, so a typed 2027 for 2026 is caught at once.
/// No article of the policy lets a decision be recorded ahead of its day; a planned change is recorded on the day it
/// takes effect.
/// </summary>
internal static class DecisionDates
{
    /// <summary>Returns <paramref name="on"/>, or refuses it (FAILED_PRECONDITION) when it is after <paramref name="today"/>.</summary>
    public static DateOnly? NotAfterToday(DateOnly? on, DateOnly today, string field = "the decision date")
    {
        if (on is { } day && day > today)
        {
            throw Refusals.Refuse(StatusCode.FailedPrecondition, "DATE_AFTER_TODAY",
                $"A record is dated on or before the day it is entered (记录日期不得晚于当日): {field} {day:yyyy-MM-dd} is after today, "
                + $"{today:yyyy-MM-dd} (Asia/Shanghai); enter it on or after that day. Nothing was recorded.");
        }

        return on;
    }
}
