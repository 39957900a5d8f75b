using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Personnel.Domain.Common;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

/// <summary>
/// The JSON form events are stored in: camelCase, enums by name, identifiers as plain strings,
/// quarters as "2024Q1", post grades as {"level":3,"step":5}, periods as {"start","end"}. Value
/// objects validate themselves on the way in, so a corrupt payload fails loudly.
/// </summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<TEvent>(TEvent @event) => JsonSerializer.Serialize(@event, Options);

    public static TEvent Deserialize<TEvent>(string json) =>
        JsonSerializer.Deserialize<TEvent>(json, Options) ?? throw new JsonException("the payload is null");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new EmployeeIdConverter());
        options.Converters.Add(new DepartmentIdConverter());
        options.Converters.Add(new QuarterConverter());
        options.Converters.Add(new PostGradeConverter());
        options.Converters.Add(new DatePeriodConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class EmployeeIdConverter : JsonConverter<EmployeeId>
    {
        public override EmployeeId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, EmployeeId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }

    private sealed class DepartmentIdConverter : JsonConverter<DepartmentId>
    {
        public override DepartmentId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, DepartmentId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }

    private sealed class QuarterConverter : JsonConverter<Quarter>
    {
        public override Quarter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? string.Empty;
            var q = text.IndexOf('Q', StringComparison.Ordinal);
            if (q <= 0 || !int.TryParse(text[..q], CultureInfo.InvariantCulture, out var year)
                || !int.TryParse(text[(q + 1)..], CultureInfo.InvariantCulture, out var number))
            {
                throw new JsonException($"'{text}' is not a quarter like 2024Q1");
            }

            return new Quarter(year, number);
        }

        public override void Write(Utf8JsonWriter writer, Quarter value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    private sealed class PostGradeConverter : JsonConverter<PostGrade>
    {
        public override PostGrade Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // Read in place (no document per grade: a snapshot holds hundreds). Both members are required, in any order.
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("a post grade is an object like {\"level\":3,\"step\":5}");
            }

            int? level = null, step = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isLevel = reader.ValueTextEquals("level"u8);
                var isStep = !isLevel && reader.ValueTextEquals("step"u8);
                reader.Read();
                if (isLevel)
                {
                    level = reader.GetInt32();
                }
                else if (isStep)
                {
                    step = reader.GetInt32();
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || level is null || step is null)
            {
                throw new JsonException("a post grade needs both \"level\" and \"step\"");
            }

            return new PostGrade(level.Value, step.Value);
        }

        public override void Write(Utf8JsonWriter writer, PostGrade value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("level", value.Level);
            writer.WriteNumber("step", value.Step);
            writer.WriteEndObject();
        }
    }

    private sealed class DatePeriodConverter : JsonConverter<DatePeriod>
    {
        public override DatePeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return new DatePeriod(
                DateOnly.Parse(document.RootElement.GetProperty("start").GetString()!, CultureInfo.InvariantCulture),
                DateOnly.Parse(document.RootElement.GetProperty("end").GetString()!, CultureInfo.InvariantCulture));
        }

        public override void Write(Utf8JsonWriter writer, DatePeriod value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("start", value.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("end", value.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
    }
}
