using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Personnel.Domain.Employees;

namespace Personnel.Grains;

/// <summary>
/// The JSON the grains store and fingerprint: the domain's event options (identifiers as strings,
/// quarters as "2024Q1", enums by name), so commands, results and events read the same way.
/// </summary>
public static class GrainJson
{
    /// <summary>Gets the options for commands and results.</summary>
    public static JsonSerializerOptions Options => EventJson.Options;

    /// <summary>The request fingerprint: SHA-256 of the grain, its key, the date and the command's canonical JSON.
    /// Everything that changes what the command does is in it; who sends it is not.</summary>
    public static string Fingerprint<TCommand>(string grainType, string key, DateOnly today, TCommand command)
    {
        var text = $"{grainType}|{key}|{today:yyyy-MM-dd}|{JsonSerializer.Serialize(command, Options)}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Gets the stable discriminator of an event type (one of <see cref="Domain.Common.EventTypes"/>).</summary>
    public static string Discriminator<TBase>(Type type) => DiscriminatorCache<TBase>.Names[type];

    private static class DiscriminatorCache<TBase>
    {
        public static readonly IReadOnlyDictionary<Type, string> Names = typeof(TBase)
            .GetCustomAttributes<JsonDerivedTypeAttribute>()
            .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);
    }
}
