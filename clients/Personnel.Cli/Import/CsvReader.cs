using System.Text;

namespace Personnel.Cli.Import;

/// <summary>
/// RFC 4180 records: comma-separated, fields optionally in double quotes (a quote inside doubled, commas and line
/// breaks allowed inside). Each record carries the line it starts on, so errors point at the line people see.
/// </summary>
public static class CsvReader
{
    /// <summary>One record and the 1-based line it starts on.</summary>
    public sealed record Record(int Line, IReadOnlyList<string> Fields);

    /// <summary>Reads every record; blank lines are skipped. An unterminated quote is an error naming its line.</summary>
    public static IEnumerable<Record> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var startLine = 1;
        var inQuotes = false;
        var quoteLine = 0;
        var recordHasContent = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    inQuotes = true;
                    quoteLine = line;
                    recordHasContent = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    recordHasContent = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (recordHasContent || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return new Record(startLine, fields.ToArray());
                    }

                    fields.Clear();
                    field.Clear();
                    recordHasContent = false;
                    line++;
                    startLine = line;
                    break;
                default:
                    field.Append(ch);
                    recordHasContent = true;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new FormatException($"line {quoteLine}: a quoted field is never closed (a \" is missing).");
        }

        if (recordHasContent || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return new Record(startLine, fields.ToArray());
        }
    }
}
