using System.CommandLine;
using Personnel.Api.V1;
using Personnel.Cli.Output;
using Spectre.Console;

namespace Personnel.Cli.Commands;

/// <summary><c>personnel employee search QUERY</c>: find people by employee id (exact or its beginning) or part of a name.</summary>
internal static class EmployeeSearchCommands
{
    public static Command Build(GlobalOptions globals)
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
                var table = Render.NewTable("employee", "name", "department", "post level", "contract");
                foreach (var match in response.Matches)
                {
                    table.AddRow(Render.Cells(match.EmployeeId, match.Name, match.DepartmentId, Values.Show(match.PostLevel), Terms.Show(match.State)));
                }

                console.Write(table);
                console.WriteLine(response.Truncated
                    ? $"{response.Matches.Count} 个 / matches shown; more match: refine the query."
                    : $"{response.Matches.Count} 个 / matches.");
            });
            return ExitCodes.Ok;
        }));
        return command;
    }
}
