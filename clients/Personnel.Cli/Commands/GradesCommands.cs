using System.CommandLine;
using System.Text;
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
        var encoding = new Option<string?>("--encoding") { Description = "The file's encoding: utf-8, gbk or gb18030. Detected when left out (a byte-order mark, else UTF-8 if the bytes are valid UTF-8, else GB18030)." };
        var batchSize = new Option<int>("--batch-size") { Description = "Rows sent to the service in one go. Defaults to 1000.", DefaultValueFactory = _ => 1000 };
        var import = new Command("import", "Import quarterly grades; safe to run again (nothing is recorded twice).") { file, department, encoding, batchSize };
        import.SetAction((parsed, cancellationToken) => globals.RunAsync(parsed, async client =>
        {
            var path = parsed.GetValue(file)!;
            var departmentId = parsed.GetValue(department)!;
            var size = parsed.GetValue(batchSize);
            if (size is < 1 or > 10_000)
            {
                throw new InputException($"--batch-size {size} must be between 1 and 10000.");
            }

            var (grades, source) = Read(path, departmentId, parsed.GetValue(encoding));
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

            var chinese = grades.Header.Any(h => GradeCsv.ChineseHeaders.ContainsKey(h.Trim()));
            var rejectedFile = RejectedRows.Write(path.FullName, grades, report.Errors, source, chinese);
            Write(globals, json, report, rejectedFile);
            return report.Rejected == 0 ? ExitCodes.Ok : ExitCodes.Refused;
        }));

        var grades = new Command("grades", "Quarterly and annual grades: list, show and record them one by one, import a department's quarter, appeals.");
        foreach (var command in GradeRecordCommands.Build(globals))
        {
            grades.Subcommands.Add(command);
        }

        grades.Subcommands.Add(import);
        grades.Subcommands.Add(BuildTemplate(globals));
        grades.Subcommands.Add(AppealCommands.Build(globals));
        return grades;
    }

    /// <summary><c>grades template FILE [--chinese] [--encoding E]</c>: an empty grades file with its header and one example row.</summary>
    private static Command BuildTemplate(GlobalOptions globals)
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV to write (refused if it exists)." };
        var chinese = new Option<bool>("--chinese") { Description = "Chinese column names (员工编号,年度,季度,等次,…) and grade words (好/较好/一般/较差)." };
        var encoding = new Option<string?>("--encoding") { Description = "utf-8 (with a byte-order mark, so Excel reads it; the default) or gbk / gb18030." };
        var template = new Command("template", "Write an empty grades file for a quarter, ready to fill in (Excel opens it).") { file, chinese, encoding };
        template.SetAction(parsed =>
        {
            var path = parsed.GetValue(file)!;
            if (path.Exists)
            {
                globals.Context.Error.WriteLine($"error: {path.FullName} exists; choose another name.");
                return ExitCodes.BadInput;
            }

            var named = parsed.GetValue(encoding);
            Encoding target;
            try
            {
                target = named is { Length: > 0 } ? CsvEncoding.ByName(named) : new UTF8Encoding(true);
            }
            catch (InputException ex)
            {
                globals.Context.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }

            var zh = parsed.GetValue(chinese);
            var text = new StringBuilder();
            RejectedRows.AppendRecord(text, GradeCsv.TemplateHeader(zh));
            RejectedRows.AppendRecord(text, ["E0001", "2026", "1", zh ? "较好" : "fairly-good", "", "", ""]);
            File.WriteAllBytes(path.FullName, CsvEncoding.Encode(text.ToString(), target, target is UTF8Encoding && named is not { Length: > 0 }));
            globals.Context.Out.Profile.Out.Writer.WriteLine($"{path.FullName}: header and one example row written; replace the example with the quarter's rows.");
            return ExitCodes.Ok;
        });
        return template;
    }

    private static (GradeFile File, CsvEncoding.Decoded Source) Read(FileInfo path, string departmentId, string? encoding)
    {
        try
        {
            var source = CsvEncoding.Decode(File.ReadAllBytes(path.FullName), encoding);
            using var reader = new StringReader(source.Text);
            return (GradeCsv.Parse(reader, departmentId), source);
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

    internal static void Write(GlobalOptions globals, bool json, ImportReport report, string? rejectedFile = null)
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
                RejectedFile = rejectedFile,
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

        console.WriteLine($"{report.File}: {report.Rows} rows: {report.Recorded} recorded, {report.AlreadyRecorded} already recorded, {report.Rejected} rejected."
            + (rejectedFile is null ? string.Empty : $" The rejected rows, each with its reason, are in {Path.GetRelativePath(Environment.CurrentDirectory, rejectedFile)}: correct them there and import that file."));
    }
}
