using System.Text.Json;
using Personnel.Domain.Departments;
using Personnel.Storage;

namespace Personnel.Grains.Departments;

/// <summary>
/// One department in the department list (read model documents of kind <see cref="Kind"/>, keyed by the department's
/// id): written in the commit that creates the department, and once at start-up for databases older than the list.
/// </summary>
public sealed record DepartmentListEntry(string DepartmentId, string Name, DepartmentKind Kind, DateOnly CreatedOn)
{
    /// <summary>The read model kind of the list's documents.</summary>
    public const string DocumentKind = "department";

    /// <summary>The document of a department just created.</summary>
    public static PutDocument Put(DepartmentCreated created)
    {
        ArgumentNullException.ThrowIfNull(created);
        var entry = new DepartmentListEntry(created.DepartmentId.Value, created.Name, created.Kind, created.OccurredOn);
        return new PutDocument(DocumentKind, entry.DepartmentId, JsonSerializer.Serialize(entry, GrainJson.Options));
    }

    /// <summary>Reads a document of the list.</summary>
    public static DepartmentListEntry Read(string json) =>
        JsonSerializer.Deserialize<DepartmentListEntry>(json, GrainJson.Options)
            ?? throw new InvalidOperationException("A department list document is empty.");
}
