using System.CommandLine;
using Personnel.Api.V1;
using Personnel.Cli.Output;
using Spectre.Console;

namespace Personnel.Cli.Commands;

/// <summary><c>personnel rotation due</c>: who is due for rotation (AM 第十二条), every page.</summary>
internal static class RotationCommands
{
    public static Command Build(GlobalOptions globals)
    {
        var asOf = new Option<string?>("--as-of") { Description = "yyyy-MM-dd. Defaults to the server's today." };
        var window = new Option<int>("--window-days") { Description = "Also list rotations due within this many days. Defaults to the server's window." };
        var department = new Option<string?>("--department") { Description = "Only this department." };
        var strength = new Option<string?>("--strength") { Description = $"Only {Values.Choices<RotationStrength>()}." };
        var due = new Command("due", "List the people due for rotation, with the date, the strength and the rule.") { asOf, window, department, strength };
        due.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var request = new ListRotationDueRequest
            {
                AsOf = Args.OptionalDate(parsed.GetValue(asOf), "--as-of"),
                WindowDays = parsed.GetValue(window),
                DepartmentId = parsed.GetValue(department) ?? string.Empty,
                Strength = Args.OptionalEnum<RotationStrength>(parsed.GetValue(strength), "--strength") ?? RotationStrength.Unspecified,
                PageSize = 500,
            };
            var all = new ListRotationDueResponse();
            do
            {
                var page = await client.Rotation.ListRotationDueAsync(request).ConfigureAwait(false);
                all.Entries.Add(page.Entries);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            Render.Message(globals, parsed, all, console =>
            {
                var table = Render.NewTable("employee", "name", "department", "post level", "due on", "strength", "terms", "why");
                foreach (var e in all.Entries)
                {
                    table.AddRow(Render.Cells(e.EmployeeId, e.Name, e.DepartmentId, Values.Show(e.PostLevel), Values.Show(e.DueOn), Values.Show(e.Strength), e.ConsecutiveTerms.ToString(), e.Reason));
                }

                console.Write(table);
                console.WriteLine($"{all.Entries.Count} due.");
            });
            return ExitCodes.Ok;
        }));

        var rotation = new Command("rotation", "Rotation (交流/轮岗) questions.");
        rotation.Subcommands.Add(due);
        return rotation;
    }
}
