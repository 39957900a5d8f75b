using System.CommandLine;
using Personnel.Api.V1;
using Personnel.Cli.Output;
using Spectre.Console;

namespace Personnel.Cli.Commands;

/// <summary><c>personnel employee history|tenure</c>: what was recorded about a person, and where their tenure stands (RULES §6).</summary>
internal static class EmployeeReadCommands
{
    public static IEnumerable<Command> Build(GlobalOptions globals) => [History(globals), Tenure(globals)];

    private static Command History(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var after = new Option<long>("--after-version") { Description = "Only what was recorded after this version. Defaults to 0 (the whole history)." };
        var command = new Command("history",
            "List everything recorded about an employee, oldest first: what, the day it took effect, when and by which key it was recorded.") { id, after };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var request = new ListHistoryRequest { EmployeeId = parsed.GetValue(id)!, AfterVersion = parsed.GetValue(after), PageSize = 500 };
            var all = new ListHistoryResponse();
            while (true)
            {
                var page = await client.Employees.ListHistoryAsync(request).ConfigureAwait(false);
                all.Entries.Add(page.Entries);
                if (page.NextAfterVersion == 0 || page.Entries.Count == 0)
                {
                    break;
                }

                request.AfterVersion = page.NextAfterVersion;
            }

            Render.Message(globals, parsed, all, console =>
            {
                var table = Render.NewTable("version", "occurred on", "type", "recorded at", "recorded by", "details");
                foreach (var e in all.Entries)
                {
                    table.AddRow(Render.Cells(e.Version.ToString(), Values.Show(e.OccurredOn), e.Type, e.RecordedAt, e.RecordedBy, e.PayloadJson));
                }

                console.Write(table);
                console.WriteLine($"{all.Entries.Count} 条 / entries.");
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Tenure(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var asOf = new Option<string?>("--as-of") { Description = "yyyy-MM-dd. Defaults to the server's today." };
        var command = new Command("tenure",
            "Show tenure (任职年限): counted years at the post grade and the years not counted with why (AS 第二十条–第二十二条), term, probation or trial end, "
            + "promotion freeze, next post eligibility (AM 第五条), rotation due (AM 第十二条) and retirement.")
        {
            id, asOf,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var t = await client.Employees.GetTenureAsync(new GetTenureRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                AsOf = Args.OptionalDate(parsed.GetValue(asOf), "--as-of"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, t, console =>
            {
                console.Write(Render.Fields(
                    ("employee", t.EmployeeId),
                    ("as of", Values.Show(t.AsOf)),
                    ("post level", Values.Show(t.PostLevel)),
                    ("post since", Values.Show(t.PostSince)),
                    ("grade since", Values.Show(t.GradeSince)),
                    ("counted years", t.CountedYears.ToString()),
                    ("term number", t.TermNumber.ToString()),
                    ("term ends", Values.Show(t.TermEndsOn)),
                    ("probation ends", Values.Show(t.ProbationEndsOn)),
                    ("trial ends", Values.Show(t.TrialEndsOn)),
                    ("promotion frozen until", Values.Show(t.PromotionFrozenUntil)),
                    ("next post", Values.Show(t.NextPost)),
                    ("next post eligible on", Values.Show(t.NextPostEligibleOn)),
                    ("rotation due", t.RotationDue is null ? string.Empty
                        : $"{Values.Show(t.RotationDue.DueOn)} {Values.Show(t.RotationDue.Strength)} ({t.RotationDue.ConsecutiveTerms} terms): {t.RotationDue.Reason}"),
                    ("retirement", Values.Show(t.RetirementOn))));
                Uncounted(console, t.CareerUncountedYears);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Every year of the career that does not count, with why (the current grade's are a subset).</summary>
    private static void Uncounted(IAnsiConsole console, IReadOnlyCollection<UncountedYear> years)
    {
        if (years.Count == 0)
        {
            console.WriteLine("没有不计算年限的年度 / every year counts.");
            return;
        }

        var table = Render.NewTable("year", "post level", "why");
        foreach (var y in years)
        {
            table.AddRow(Render.Cells(y.Year.ToString(), Values.Show(y.PostLevel), y.Reason));
        }

        console.Write(table);
    }
}
