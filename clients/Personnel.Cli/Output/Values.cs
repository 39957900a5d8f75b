using System.Globalization;
using System.Reflection;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Personnel.Cli.Output;

/// <summary>How enum values and dates are typed on the command line and shown in tables.</summary>
public static class Values
{
    /// <summary>
    /// Parses an enum value the way people type it: "fairly-good", "FAIRLY_GOOD", "FairlyGood" and the proto name
    /// "POST_STAFF" all work. The _UNSPECIFIED value is never accepted.
    /// </summary>
    public static bool TryParseEnum<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var wanted = Normalize(text);
        foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var candidate = (T)field.GetValue(null)!;
            if (Convert.ToInt32(candidate, CultureInfo.InvariantCulture) == 0)
            {
                continue;
            }

            var original = field.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? field.Name;
            if (Normalize(field.Name) == wanted || Normalize(original) == wanted)
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The words accepted for <typeparamref name="T"/>, in kebab case, for error messages and help.</summary>
    public static string Choices<T>()
        where T : struct, Enum =>
        string.Join(", ", Enum.GetValues<T>().Where(v => Convert.ToInt32(v, CultureInfo.InvariantCulture) != 0).Select(v => Show(v)));

    /// <summary>Shows an enum value in kebab case ("fairly-good"); the unspecified value as empty.</summary>
    public static string Show<T>(T value)
        where T : struct, Enum
    {
        if (Convert.ToInt32(value, CultureInfo.InvariantCulture) == 0)
        {
            return string.Empty;
        }

        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                builder.Append('-');
            }
            else if (char.IsDigit(c) && i > 0 && !char.IsDigit(name[i - 1]))
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>Parses an ISO date (yyyy-MM-dd).</summary>
    public static bool TryParseDate(string? text, out Google.Type.Date date)
    {
        date = new Google.Type.Date();
        if (!DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = ToDate(parsed);
        return true;
    }

    public static Google.Type.Date ToDate(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    /// <summary>Shows a date as yyyy-MM-dd; an unset date as empty.</summary>
    public static string Show(Google.Type.Date? date) =>
        date is null || date.Year == 0 ? string.Empty : $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";

    /// <summary>Shows a post level as "staff 6/3" (post, pay grade level, step).</summary>
    public static string Show(Api.V1.PostLevel? level) =>
        level is null ? string.Empty : $"{Show(level.Post)} {level.GradeLevel}/{level.Step}";

    /// <summary>The canonical proto3 JSON of a response, with the field names of the .proto and default values shown.</summary>
    public static string Json(IMessage message) => JsonFormat.Format(message);

    private static readonly JsonFormatter JsonFormat = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithPreserveProtoFieldNames(true));

    private static string Normalize(string text) =>
        new(text.Trim().Where(c => c != '-' && c != '_' && c != ' ').Select(char.ToLowerInvariant).ToArray());
}
