using System.Globalization;
using Personnel.Api.V1;
using Personnel.Cli.Output;

namespace Personnel.Cli.Import;

/// <summary>A row the file itself gets wrong; it is reported and never sent.</summary>
public sealed record RowError(int Row, string EmployeeId, string Code, string Message);

/// <summary>What a grades file holds: the rows to send (with their request ids) and the rows refused before sending.</summary>
public sealed record GradeFile(IReadOnlyList<ImportQuarterlyGradeRow> Rows, IReadOnlyList<RowError> Errors, int TotalRows)
{
    /// <summary>The header as the file has it, so rejected rows are written back under the clerk's own column names.</summary>
    public IReadOnlyList<string> Header { get; init; } = [];

    /// <summary>Every data row's fields as read, by the line it starts on.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> Records { get; init; } = new Dictionary<int, IReadOnlyList<string>>();
}

/// <summary>
/// The CSV of a department's quarterly grades (docs/cli.md): a header row
/// <c>employee_id,year,quarter,grade[,no_grade_reason,comments,decided_on]</c>, then one row per person and quarter.
/// </summary>
public static class GradeCsv
{
    public const string InvalidRow = "INVALID_ROW";

    private static readonly string[] Required = ["employee_id", "year", "quarter", "grade"];
    private static readonly string[] Optional = ["no_grade_reason", "comments", "decided_on"];

    /// <summary>The Chinese column names a clerk's sheet uses, and the column each stands for (docs/cli.md).</summary>
    public static readonly IReadOnlyDictionary<string, string> ChineseHeaders = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["员工编号"] = "employee_id",
        ["工号"] = "employee_id",
        ["年度"] = "year",
        ["年份"] = "year",
        ["季度"] = "quarter",
        ["等次"] = "grade",
        ["考核等次"] = "grade",
        ["不定等次原因"] = "no_grade_reason",
        ["评语"] = "comments",
        ["决定日期"] = "decided_on",
        ["评定日期"] = "decided_on",
    };

    /// <summary>The header of a new file, in English or in Chinese.</summary>
    public static IReadOnlyList<string> TemplateHeader(bool chinese) =>
        chinese ? ["员工编号", "年度", "季度", "等次", "不定等次原因", "评语", "决定日期"] : [.. Required, .. Optional];

    private static readonly Dictionary<string, QuarterlyGrade> ChineseGrades = new(StringComparer.Ordinal)
    {
        ["好"] = QuarterlyGrade.Good,
        ["较好"] = QuarterlyGrade.FairlyGood,
        ["一般"] = QuarterlyGrade.Average,
        ["较差"] = QuarterlyGrade.Poor,
    };

    /// <summary>
    /// Reads and checks the file. A wrong header is a <see cref="FormatException"/> (nothing can be read); a wrong
    /// row is a <see cref="RowError"/> and the other rows still go.
    /// </summary>
    public static GradeFile Parse(TextReader reader, string departmentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(departmentId);
        using var records = CsvReader.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new FormatException($"the file is empty; its first line must be the header {string.Join(',', Required)}[,{string.Join(',', Optional)}].");
        }

        var header = records.Current.Fields.Select(f => f.TrimStart('\uFEFF')).ToList();
        var columns = ReadHeader(records.Current);
        var texts = new Dictionary<int, IReadOnlyList<string>>();
        var rows = new List<ImportQuarterlyGradeRow>();
        var errors = new List<RowError>();
        var seen = new Dictionary<(string, int, int), int>();
        var total = 0;
        while (records.MoveNext())
        {
            total++;
            var record = records.Current;
            texts[record.Line] = record.Fields;
            var employeeId = record.Fields.Count > columns["employee_id"] ? record.Fields[columns["employee_id"]].Trim() : string.Empty;
            var problem = ParseRow(record, columns, departmentId, out var row);
            if (problem is null && seen.TryGetValue((row!.Grade.EmployeeId, row.Grade.Year, row.Grade.Quarter), out var first))
            {
                problem = $"{row.Grade.EmployeeId} {row.Grade.Year} Q{row.Grade.Quarter} is already on row {first}; one grade per person and quarter.";
            }

            if (problem is not null)
            {
                errors.Add(new RowError(record.Line, employeeId, InvalidRow, problem));
                continue;
            }

            seen[(row!.Grade.EmployeeId, row.Grade.Year, row.Grade.Quarter)] = record.Line;
            rows.Add(row);
        }

        return new GradeFile(rows, errors, total) { Header = header, Records = texts };
    }

    private static Dictionary<string, int> ReadHeader(CsvReader.Record header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            name = ChineseHeaders.GetValueOrDefault(name, name);
            if (!Required.Contains(name) && !Optional.Contains(name))
            {
                throw new FormatException($"line {header.Line}: unknown column \"{header.Fields[i]}\"; the columns are {string.Join(',', Required)}[,{string.Join(',', Optional)}] "
                    + $"or in Chinese {string.Join(',', TemplateHeader(chinese: true))}.");
            }

            if (!columns.TryAdd(name, i))
            {
                throw new FormatException($"line {header.Line}: column \"{name}\" appears twice.");
            }
        }

        var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"line {header.Line}: the header lacks {string.Join(", ", missing)}; it must start employee_id,year,quarter,grade.");
        }

        return columns;
    }

    private static string? ParseRow(CsvReader.Record record, Dictionary<string, int> columns, string departmentId, out ImportQuarterlyGradeRow? row)
    {
        row = null;
        if (record.Fields.Count > columns.Count)
        {
            return $"{record.Fields.Count} fields but the header has {columns.Count} columns.";
        }

        string Field(string name) =>
            columns.TryGetValue(name, out var i) && i < record.Fields.Count ? record.Fields[i].Trim() : string.Empty;

        var employeeId = Field("employee_id");
        if (employeeId.Length == 0)
        {
            return "employee_id is empty.";
        }

        if (!int.TryParse(Field("year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1949 || year > 2200)
        {
            return $"year \"{Field("year")}\" is not a year (e.g. 2026).";
        }

        if (!int.TryParse(Field("quarter"), NumberStyles.None, CultureInfo.InvariantCulture, out var quarter) || quarter is < 1 or > 4)
        {
            return $"quarter \"{Field("quarter")}\" must be 1, 2, 3 or 4.";
        }

        var request = new RecordQuarterlyGradeRequest
        {
            RequestId = ImportRequestIds.For(departmentId, employeeId, year, quarter),
            EmployeeId = employeeId,
            Year = year,
            Quarter = quarter,
            Comments = Field("comments"),
            DepartmentId = departmentId,
        };

        var gradeText = Field("grade");
        var reasonText = Field("no_grade_reason");
        if (gradeText.Length > 0 && reasonText.Length > 0)
        {
            return $"both a grade (\"{gradeText}\") and a no_grade_reason (\"{reasonText}\"); give one.";
        }

        if (gradeText.Length > 0)
        {
            if (!ChineseGrades.TryGetValue(gradeText, out var grade) && !Values.TryParseEnum(gradeText, out grade))
            {
                return $"grade \"{gradeText}\" is not one of {Values.Choices<QuarterlyGrade>()} (好, 较好, 一般, 较差), AS 第八条.";
            }

            request.Grade = grade;
        }
        else if (reasonText.Length > 0)
        {
            if (!TryParseReason(reasonText, out var reason))
            {
                return $"no_grade_reason \"{reasonText}\" is not one of {Values.Choices<NoGradeReason>()}.";
            }

            if (reason == NoGradeReason.Other && request.Comments.Length == 0)
            {
                return "no_grade_reason other needs an explanation in comments.";
            }

            request.NoGrade = new NoGrade { Reason = reason, Explanation = reason == NoGradeReason.Other ? request.Comments : string.Empty };
        }
        else
        {
            return "no grade and no no_grade_reason; give one.";
        }

        var decidedText = Field("decided_on");
        if (decidedText.Length > 0)
        {
            if (!Values.TryParseDate(decidedText, out var decidedOn))
            {
                return $"decided_on \"{decidedText}\" is not a date (yyyy-MM-dd).";
            }

            request.DecidedOn = decidedOn;
        }

        row = new ImportQuarterlyGradeRow { RowNumber = record.Line, Grade = request };
        return null;
    }

    private static bool TryParseReason(string text, out NoGradeReason reason) => Values.TryParseEnum(text, out reason);
}
