using System.Security.Cryptography;
using System.Text;

namespace Personnel.Cli.Import;

/// <summary>
/// The request id of an imported row, derived from what identifies the grade — department, employee, year,
/// quarter — and nothing else, so running the same file again (or a corrected one) sends the same ids and the
/// service records nothing twice.
/// </summary>
public static class ImportRequestIds
{
    // A version prefix so a future change of derivation cannot collide with ids already recorded.
    private const string Scheme = "personnel-grades-import/v1";

    public static string For(string departmentId, string employeeId, int year, int quarter)
    {
        var text = $"{Scheme}\n{departmentId}\n{employeeId}\n{year}\n{quarter}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return "imp-" + Convert.ToHexStringLower(hash, 0, 16);
    }
}
