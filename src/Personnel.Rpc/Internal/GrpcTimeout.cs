using System.Globalization;

namespace Personnel.Rpc.Internal;

/// <summary>The <c>grpc-timeout</c> header: 1 to 8 ASCII digits and a unit among H M S m u n.</summary>
internal static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    public static bool TryParse(string? text, out TimeSpan timeout)
    {
        timeout = default;
        if (text is null || text.Length < 2 || text.Length > 9)
        {
            return false;
        }

        var digits = text.AsSpan(0, text.Length - 1);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var value = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        long ticks;
        switch (text[^1])
        {
            case 'H':
                ticks = value * TimeSpan.TicksPerHour;
                break;
            case 'M':
                ticks = value * TimeSpan.TicksPerMinute;
                break;
            case 'S':
                ticks = value * TimeSpan.TicksPerSecond;
                break;
            case 'm':
                ticks = value * TimeSpan.TicksPerMillisecond;
                break;
            case 'u':
                ticks = value * 10;
                break;
            case 'n':
                // Below one tick (100 ns) the deadline has, for practical purposes, already passed.
                ticks = value / 100;
                break;
            default:
                return false;
        }

        timeout = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>Formats a timeout in the finest unit that fits in 8 digits, rounding up so a deadline is never shortened to zero.</summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(timeout.Ticks, 0);
        var micros = CeilDiv(ticks, 10);
        if (micros <= MaxValue)
        {
            return micros.ToString(CultureInfo.InvariantCulture) + "u";
        }

        var millis = CeilDiv(ticks, TimeSpan.TicksPerMillisecond);
        if (millis <= MaxValue)
        {
            return millis.ToString(CultureInfo.InvariantCulture) + "m";
        }

        var seconds = CeilDiv(ticks, TimeSpan.TicksPerSecond);
        if (seconds <= MaxValue)
        {
            return seconds.ToString(CultureInfo.InvariantCulture) + "S";
        }

        var minutes = CeilDiv(ticks, TimeSpan.TicksPerMinute);
        if (minutes <= MaxValue)
        {
            return minutes.ToString(CultureInfo.InvariantCulture) + "M";
        }

        return Math.Min(CeilDiv(ticks, TimeSpan.TicksPerHour), MaxValue).ToString(CultureInfo.InvariantCulture) + "H";
    }

    private static long CeilDiv(long value, long divisor) => (value + divisor - 1) / divisor;
}
