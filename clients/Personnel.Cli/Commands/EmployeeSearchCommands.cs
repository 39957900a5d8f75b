using System.CommandLine;
using Personnel.Api.V1;
using Personnel.Cli.Output;
using Spectre.Console;

namespace Personnel.Cli.Commands;

/// <summary><c>personnel employee search QUERY</c> and <c>employee list [--department D]</c>: find people by employee id
/// (exact or its beginning) or part of a name; list a department's staff.</summary>
internal static class EmployeeSearchCommands
{
    public static IEnumerable<Command> Build(GlobalOptions globals) => [Search(globals), List(globals)];

    private static Command List(GlobalOptions globals)
    {
        var department = new Option<string?>("--department") { Description = "Only this department's staff. Defaults to every department." };
        var command = new Command("list", "List the staff on the books (在册人员), of one department or of the zone, in employee id order (every page).") { department };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var all = new ListEmployeesResponse();
            var request = new ListEmployeesRequest { DepartmentId = parsed.GetValue(department) ?? string.Empty, PageSize = 1000 };
            do
            {
                var page = await client.Employees.ListEmployeesAsync(request).ConfigureAwait(false);
                all.Employees.AddRange(page.Employees);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            Render.Message(globals, parsed, all, console =>
            {
                console.Write(Table(all.Employees));
                console.WriteLine($"{all.Employees.Count} 人 / people.");
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Table Table(IEnumerable<EmployeeMatch> people)
    {
        var table = Render.NewTable("employee", "name", "department", "post level", "contract");
        foreach (var match in people)
        {
            table.AddRow(Render.Cells(match.EmployeeId, match.Name, match.DepartmentId, Values.Show(match.PostLevel), Terms.Show(match.State)));
        }

        return table;
    }

    private static Command Search(GlobalOptions globals)
    {
        var query = new Argument<string>("query") { Description = "An employee id (exact or its beginning) or part of a name (姓名), 1 to 100 characters." };
        var pageSize = new Option<int>("--page-size") { Description = "At most this many matches, 1 to 100. Defaults to 20." };
        var command = new Command("search", "Find employees by id or name (查找员工): exact id first, then by employee id.") { query, pageSize };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.SearchEmployeesAsync(new SearchEmployeesRequest
            {
                Query = parsed.GetValue(query)!,
                PageSize = parsed.GetValue(pageSize),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console =>
            {
                console.Write(Table(response.Matches));
                console.WriteLine(response.Truncated
                    ? $"{response.Matches.Count} 个 / matches shown; more match: refine the query."
                    : $"{response.Matches.Count} 个 / matches.");
            });
            return ExitCodes.Ok;
        }));
        return command;
    }
}
