using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// The proto3 JSON of a response for scripts, one convention for every command: field names as in the .proto
    /// (snake_case), enum values by their proto names ("CONTRACT_STATE_APPOINTED"), default values included, int64 as
    /// strings (proto3 JSON), and every <c>google.type.Date</c> as an ISO date string ("2024-01-03") instead of
    /// proto3's {year, month, day} object.
    /// </summary>
    public static string Json(IMessage message)
    {
        var node = JsonNode.Parse(JsonFormat.Format(message))!;
        IsoDates(message.Descriptor, node);
        return node.ToJsonString(JsonWriteOptions);
    }

    private static readonly JsonSerializerOptions JsonWriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Replaces, in place, each Date object under <paramref name="node"/> (a message of <paramref name="descriptor"/>) by its ISO string.</summary>
    private static void IsoDates(MessageDescriptor descriptor, JsonNode? node)
    {
        if (node is not JsonObject message)
        {
            return;
        }

        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (!message.TryGetPropertyValue(field.Name, out var value) || value is null)
            {
                continue;
            }

            if (field.IsMap)
            {
                var valueField = field.MessageType.FindFieldByNumber(2);
                if (valueField.FieldType == FieldType.Message && value is JsonObject map)
                {
                    foreach (var key in map.Select(p => p.Key).ToList())
                    {
                        Replace(valueField.MessageType, map[key], replacement => map[key] = replacement);
                    }
                }
            }
            else if (field.FieldType == FieldType.Message && field.IsRepeated && value is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    Replace(field.MessageType, array[i], replacement => array[index] = replacement);
                }
            }
            else if (field.FieldType == FieldType.Message)
            {
                Replace(field.MessageType, value, replacement => message[field.Name] = replacement);
            }
        }
    }

    private static void Replace(MessageDescriptor type, JsonNode? node, Action<JsonNode?> replace)
    {
        if (type.FullName != Google.Type.Date.Descriptor.FullName)
        {
            IsoDates(type, node);
            return;
        }

        if (node is JsonObject date)
        {
            var iso = Show(new Google.Type.Date { Year = Int(date, "year"), Month = Int(date, "month"), Day = Int(date, "day") });
            replace(iso.Length == 0 ? null : JsonValue.Create(iso));
        }
    }

    private static int Int(JsonObject date, string name) => date[name] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;

    private static readonly JsonFormatter JsonFormat = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithPreserveProtoFieldNames(true));

    private static string Normalize(string text) =>
        new(text.Trim().Where(c => c != '-' && c != '_' && c != ' ').Select(char.ToLowerInvariant).ToArray());
}
