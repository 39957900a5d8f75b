using System.Globalization;
using System.Text.Json;
using Personnel.Grains.Abstractions;
using V1 = Personnel.Api.V1;

namespace Personnel.Server.Mapping;

/// <summary>Quota standings on the wire.</summary>
public static class Quotas
{
    public static V1.Quota ToApi(QuotaStanding q) => new()
    {
        DepartmentId = q.DepartmentId,
        Year = q.Year,
        Quarter = q.Quarter ?? 0,
        Eligible = q.Eligible,
        Cap = q.Cap,
        Granted = q.Count,
    };
}

/// <summary>Reads a field of an event's JSON payload (camelCase, as the grains write it).</summary>
public static class EventPayloads
{
    public static DateOnly Date(string payload, string property)
    {
        using var document = JsonDocument.Parse(payload);
        foreach (var p in document.RootElement.EnumerateObject())
        {
            if (string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
            {
                return DateOnly.Parse(p.Value.GetString()!, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"The event payload has no date '{property}'.");
    }

    /// <summary>True when the payload's <paramref name="property"/> is true; false when false or absent.</summary>
    public static bool Flag(string payload, string property)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.EnumerateObject()
            .Any(p => string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.True);
    }
}
