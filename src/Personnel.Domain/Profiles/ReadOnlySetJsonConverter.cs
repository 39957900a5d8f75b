using System.Text.Json;
using System.Text.Json.Serialization;

namespace Personnel.Domain.Profiles;

/// <summary>
/// Reads and writes <see cref="IReadOnlySet{T}"/> as a JSON array (System.Text.Json cannot create the
/// interface itself). Elements are written sorted, so a profile's JSON does not depend on set order.
/// </summary>
public sealed class ReadOnlySetJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlySet<>);
    }

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        var element = typeToConvert.GetGenericArguments()[0];
        return (JsonConverter)Activator.CreateInstance(typeof(ReadOnlySetJsonConverter<>).MakeGenericType(element))!;
    }

    private sealed class ReadOnlySetJsonConverter<T> : JsonConverter<IReadOnlySet<T>>
    {
        public override IReadOnlySet<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var items = JsonSerializer.Deserialize<List<T>>(ref reader, options)
                ?? throw new JsonException("a set must be an array, not null");
            var set = new HashSet<T>(items);
            if (set.Count != items.Count)
            {
                throw new JsonException("a set lists an element twice");
            }

            return set;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlySet<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Order().ToList(), options);
    }
}
