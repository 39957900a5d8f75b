using System.Text.Json;
using Personnel.Domain.Employees;
using Personnel.Domain.Posts;
using Personnel.Storage;

namespace Personnel.Grains.Queries;

/// <summary>
/// One employee as the cross-employee queries answer: who, where, at which post level, in which contract state, as the
/// employee grain last published it. <paramref name="Post"/> and <paramref name="State"/> are null for a name this
/// version does not know (a row written by a newer one).
/// </summary>
public sealed record EmployeeListing(
    string EmployeeId, string Name, string DepartmentId, Post? Post, int GradeLevel, int Step, ContractState? State)
{
    /// <summary>The listing of an employee view row; the name is kept in the row's details.</summary>
    internal static EmployeeListing From(EmployeeView row) => new(
        row.EmployeeId,
        NameIn(row.Details),
        row.DepartmentId,
        Enum.TryParse<Post>(row.Post, ignoreCase: false, out var post) ? post : null,
        row.GradeLevel,
        row.Step,
        Enum.TryParse<ContractState>(row.Status, ignoreCase: false, out var state) ? state : null);

    /// <summary>The name the grain wrote into the row's details JSON; empty when it is not there.</summary>
    private static string NameIn(string details)
    {
        try
        {
            using var document = JsonDocument.Parse(details);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("name", out var value)
                && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
