using System.CommandLine;
using Personnel.Api.V1;
using Personnel.Cli.Output;
using Spectre.Console;

namespace Personnel.Cli.Commands;

/// <summary><c>personnel department quotas ID --year Y</c>: the Good quota of each quarter (AS 第八条) and the Excellent quota of the year (AS 第十二条).</summary>
internal static class QuotaCommands
{
    public static Command Build(GlobalOptions globals)
    {
        var id = new Argument<string>("department-id");
        var year = new Option<int>("--year") { Description = "The year.", Required = true };
        var command = new Command("quotas",
            "Show a department's quotas for a year: Good (好) ≤ 40 % of the people graded each quarter (AS 第八条), Excellent (优秀) by the department's tier (AS 第十二条); "
            + "how many may be graded, the cap, how many were granted and how many are left.")
        {
            id, year,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Departments.GetQuotasAsync(new GetQuotasRequest { DepartmentId = parsed.GetValue(id)!, Year = parsed.GetValue(year) }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console =>
            {
                var rows = response.Good.Select(q => (q, "Good 好 (AS 第八条)")).ToList();
                if (response.Excellent is not null)
                {
                    rows.Add((response.Excellent, "Excellent 优秀 (AS 第十二条)"));
                }

                Write(console, rows);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>One row per quota: the period, which quota, eligible, cap, granted and left.</summary>
    public static void Write(IAnsiConsole console, IEnumerable<Quota?> quotas, string which) =>
        Write(console, quotas.Where(q => q is not null).Select(q => (q!, which)).ToList());

    private static void Write(IAnsiConsole console, IReadOnlyCollection<(Quota Quota, string Which)> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = Render.NewTable("department", "period", "quota", "eligible", "cap", "granted", "left");
        foreach (var (q, which) in rows)
        {
            table.AddRow(Render.Cells(q.DepartmentId, q.Quarter == 0 ? $"{q.Year}" : $"{q.Year}Q{q.Quarter}", which,
                q.Eligible.ToString(), q.Cap.ToString(), q.Granted.ToString(), Math.Max(0, q.Cap - q.Granted).ToString()));
        }

        console.Write(table);
    }
}
