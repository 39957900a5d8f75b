using System.Text;

namespace Personnel.Cli.Import;

/// <summary>
/// The rows an import did not record, written beside the file as <c>FILE.rejected.csv</c>: the file's own header and
/// fields plus a reason column, in the file's own encoding, so a clerk fixes the rows in the same sheet and imports
/// that file again. A run with nothing rejected removes a rejected file an earlier run left.
/// </summary>
public static class RejectedRows
{
    public static string PathFor(string file) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", Path.GetFileNameWithoutExtension(file) + ".rejected.csv");

    /// <summary>Writes (or removes) the rejected file; returns its path when written.</summary>
    public static string? Write(string file, GradeFile parsed, IReadOnlyList<RowError> errors, CsvEncoding.Decoded source, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(source);
        var path = PathFor(file);
        if (errors.Count == 0)
        {
            File.Delete(path);
            return null;
        }

        var text = new StringBuilder();
        AppendRecord(text, [.. parsed.Header, chinese ? "原因" : "reason"]);
        foreach (var error in errors.OrderBy(e => e.Row))
        {
            var fields = parsed.Records.TryGetValue(error.Row, out var found) ? found : [error.EmployeeId];
            var padded = fields.Concat(Enumerable.Repeat(string.Empty, Math.Max(0, parsed.Header.Count - fields.Count)));
            AppendRecord(text, [.. padded, $"row {error.Row}: {error.Message}"]);
        }

        File.WriteAllBytes(path, CsvEncoding.Encode(text.ToString(), source.Encoding, source.HadByteOrderMark));
        return path;
    }

    /// <summary>One CSV record (RFC 4180): a field with a comma, quote or line break goes in quotes, its quotes doubled.</summary>
    public static void AppendRecord(StringBuilder text, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            text.Append(field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field);
        }

        text.Append("\r\n");
    }
}
