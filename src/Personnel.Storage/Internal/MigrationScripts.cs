using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Personnel.Storage.Internal;

/// <summary>A numbered schema script embedded from Sql/&lt;dialect&gt;/NNNN_name.sql.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>Gets the SHA-256 of the script's text (line ends as LF, so a checkout with CRLF gives the same
    /// value), lower-case hex: what a database records to notice a released script edited afterwards.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}

/// <summary>Loads a dialect's migration scripts in version order.</summary>
internal static partial class MigrationScripts
{
    public static IReadOnlyList<MigrationScript> Load(string dialect)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var prefix = $"{assembly.GetName().Name}.Sql.{dialect}.";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var match = ScriptName().Match(resource[prefix.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration script '{resource}' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException($"{dialect} migration scripts must be numbered 1, 2, 3… without gaps; found {string.Join(", ", scripts.Select(s => s.Version))}.");
            }
        }

        return scripts;
    }

    [GeneratedRegex(@"^_?(\d+)_(.+)\.sql$")]
    private static partial Regex ScriptName();
}
