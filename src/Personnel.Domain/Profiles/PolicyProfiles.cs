using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Personnel.Domain.Common;

namespace Personnel.Domain.Profiles;

/// <summary>
/// The policy profiles shipped with the service, as JSON embedded in this assembly
/// (Profiles/&lt;name&gt;.json). JSON property names are the C# property names in camelCase; enums are
/// written by name; a property left out keeps its default, and an unknown property is an error.
/// </summary>
public static class PolicyProfiles
{
    private const string ResourcePrefix = "Personnel.Domain.Profiles.";
    private const string ResourceSuffix = ".json";

    private static readonly ConcurrentDictionary<string, PolicyProfile> Loaded = new(StringComparer.Ordinal);

    /// <summary>The options profiles are read and written with.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    /// <summary>The names of the shipped profiles, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(PolicyProfiles).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^ResourceSuffix.Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The default profile, weihai-2020.</summary>
    public static PolicyProfile Default => Load(PolicyProfile.DefaultName);

    /// <summary>Loads a shipped profile by name; an unknown name is refused with the known names listed.</summary>
    public static PolicyProfile Load(string name)
    {
        RuleViolationException.ThrowIfInvalid(
            name is not null && Names.Contains(name, StringComparer.Ordinal), Rules.KnownProfile,
            $"there is no policy profile '{name}'; the known profiles are {string.Join(", ", Names)}");
        return Loaded.GetOrAdd(name!, static n =>
        {
            using var stream = typeof(PolicyProfiles).Assembly.GetManifestResourceStream(ResourcePrefix + n + ResourceSuffix)!;
            using var reader = new StreamReader(stream);
            var profile = Parse(reader.ReadToEnd());
            RuleViolationException.ThrowIfInvalid(
                profile.Name == n, Rules.ProfileData, $"the file {n}.json names its profile '{profile.Name}'");
            return profile;
        });
    }

    /// <summary>Reads and validates a profile from JSON.</summary>
    public static PolicyProfile Parse(string json)
    {
        PolicyProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<PolicyProfile>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new RuleViolationException(Rules.ProfileData, $"the profile is not valid JSON for a policy profile: {e.Message}",
                ViolationKind.InvalidArgument);
        }

        RuleViolationException.ThrowIfInvalid(profile is not null, Rules.ProfileData, "the profile is empty");
        PolicyProfileValidation.Validate(profile!);
        return profile!;
    }

    /// <summary>Writes a profile as JSON, in the form <see cref="Parse"/> reads.</summary>
    public static string ToJson(PolicyProfile profile) => JsonSerializer.Serialize(profile, JsonOptions);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = true,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new ReadOnlySetJsonConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
