using System.Text.Json;
using System.Text.Json.Serialization;
using Personnel.Domain.Common;

namespace Personnel.Domain.Departments;

/// <summary>Stores a <see cref="DepartmentId"/> as its plain string, validated again on the way back in.</summary>
public sealed class DepartmentIdJsonConverter : JsonConverter<DepartmentId>
{
    public override DepartmentId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, DepartmentId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
