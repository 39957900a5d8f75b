using System.CommandLine;
using System.Text.Json;
using Personnel.Cli.Import;
using Personnel.Cli.Output;
using Spectre.Console;

namespace Personnel.Cli.Commands;

/// <summary><c>personnel grades import FILE.csv</c>: a department's quarterly grades from a CSV (docs/cli.md).</summary>
internal static class GradesCommands
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Build(GlobalOptions globals)
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV: employee_id,year,quarter,grade[,no_grade_reason,comments,decided_on]." };
        var department = new Option<string>("--department") { Description = "The department whose grades the file holds (part of each row's request id).", Required = true };
        var batchSize = new Option<int>("--batch-size") { Description = "Rows per ImportQuarterlyGrades call. Defaults to 1000.", DefaultValueFactory = _ => 1000 };
        var import = new Command("import", "Import quarterly grades; safe to run again (nothing is recorded twice).") { file, department, batchSize };
        import.SetAction((parsed, cancellationToken) => globals.RunAsync(parsed, async client =>
        {
            var path = parsed.GetValue(file)!;
            var departmentId = parsed.GetValue(department)!;
            var size = parsed.GetValue(batchSize);
            if (size is < 1 or > 10_000)
            {
                throw new InputException($"--batch-size {size} must be between 1 and 10000.");
            }

            var grades = Read(path, departmentId);
            var importer = new GradesImporter(client.Grading, size);
            var json = parsed.GetValue(globals.Json);
            var console = globals.Context.Out;
            ImportReport report;
            if (!json && console.Profile.Capabilities.Interactive)
            {
                report = await console.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Importing {path.Name}", maxValue: Math.Max(1, grades.TotalRows));
                    return await importer.ImportAsync(path.Name, departmentId, grades, n => task.Increment(n), cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }
            else
            {
                report = await importer.ImportAsync(path.Name, departmentId, grades, null, cancellationToken).ConfigureAwait(false);
            }

            Write(globals, json, report);
            return report.Rejected == 0 ? ExitCodes.Ok : ExitCodes.Refused;
        }));

        var grades = new Command("grades", "Quarterly grades.");
        grades.Subcommands.Add(import);
        return grades;
    }

    private static GradeFile Read(FileInfo path, string departmentId)
    {
        try
        {
            using var reader = new StreamReader(path.FullName, detectEncodingFromByteOrderMarks: true);
            return GradeCsv.Parse(reader, departmentId);
        }
        catch (FormatException ex)
        {
            throw new InputException($"{path.Name}: {ex.Message}");
        }
        catch (IOException ex)
        {
            throw new InputException($"cannot read {path.FullName}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InputException($"cannot read {path.FullName}: {ex.Message}");
        }
    }

    internal static void Write(GlobalOptions globals, bool json, ImportReport report)
    {
        var console = globals.Context.Out;
        if (json)
        {
            var document = new
            {
                report.File,
                Department = report.DepartmentId,
                report.Rows,
                report.Recorded,
                report.AlreadyRecorded,
                report.Rejected,
                Errors = report.Errors.Select(e => new { e.Row, e.EmployeeId, e.Code, e.Message }),
            };
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(document, JsonOptions));
            return;
        }

        if (report.Errors.Count > 0)
        {
            var table = Render.NewTable("row", "employee", "code", "why");
            foreach (var e in report.Errors)
            {
                table.AddRow(Render.Cells(e.Row.ToString(), e.EmployeeId, e.Code, e.Message));
            }

            console.Write(table);
        }

        console.WriteLine($"{report.File}: {report.Rows} rows: {report.Recorded} recorded, {report.AlreadyRecorded} already recorded, {report.Rejected} rejected.");
    }
}
