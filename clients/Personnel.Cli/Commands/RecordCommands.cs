using System.CommandLine;
using Personnel.Api.V1;
using Personnel.Cli.Output;
using Spectre.Console;

namespace Personnel.Cli.Commands;

/// <summary>
/// <c>personnel employee leave|absence|sanction|investigation open|close|ranking-place|sign-feedback</c>: what HR
/// records about a person during the term (AM 第十八条; AS 第九条, 第二十五条–第二十七条; PM 第六条, 第七条). Each shows the
/// consequences the service derived, with their rule.
/// </summary>
internal static class RecordCommands
{
    public static IEnumerable<Command> Build(GlobalOptions globals) =>
        [Leave(globals), Absence(globals), Sanction(globals), Investigation(globals), RankingPlace(globals), SignFeedback(globals)];

    private static Command Leave(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var kind = new Option<string>("--kind") { Description = $"One of {Values.Choices<LeaveKind>()} (病假, 事假, 工伤, 产假, 探亲假, 婚假, 年休假, 护理假, 丧假).", Required = true };
        var startsOn = new Option<string>("--starts-on") { Description = "First day of the leave, yyyy-MM-dd.", Required = true };
        var endsOn = new Option<string>("--ends-on") { Description = "Last day of the leave, yyyy-MM-dd.", Required = true };
        var command = new Command("leave",
            "Record leave (请假): sick or personal leave over half a period means no grade (AS 第二十五条) and deductions (PM 第六条); the other kinds are paid as usual.")
        {
            id, kind, startsOn, endsOn,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.RecordLeaveAsync(new RecordLeaveRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Kind = Args.Enum<LeaveKind>(parsed.GetValue(kind), "--kind"),
                StartsOn = Args.Date(parsed.GetValue(startsOn), "--starts-on"),
                EndsOn = Args.Date(parsed.GetValue(endsOn), "--ends-on"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => Recorded(console, parsed.GetValue(id)!, response.Consequences));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Absence(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var kind = new Option<string>("--kind") { Description = $"One of {Values.Choices<AbsenceKind>()} (旷工, 逾期不归, 虚假病假).", Required = true };
        var startsOn = new Option<string>("--starts-on") { Description = "First day absent, yyyy-MM-dd.", Required = true };
        var endsOn = new Option<string>("--ends-on") { Description = "Last day absent, yyyy-MM-dd.", Required = true };
        var command = new Command("absence",
            "Record an absence without leave (旷工): deductions (PM 第七条); over 15 consecutive or 30 days in a year, dismissal (辞聘, AM 第十八条(四)).")
        {
            id, kind, startsOn, endsOn,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.RecordAbsenceAsync(new RecordAbsenceRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Kind = Args.Enum<AbsenceKind>(parsed.GetValue(kind), "--kind"),
                StartsOn = Args.Date(parsed.GetValue(startsOn), "--starts-on"),
                EndsOn = Args.Date(parsed.GetValue(endsOn), "--ends-on"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console =>
            {
                console.Write(EmployeeCommands.EmployeeTable(response.Employee));
                ConsequenceTable.Write(console, response.Consequences);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Sanction(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var kind = new Option<string>("--kind")
        {
            Description = $"One of {Values.Choices<SanctionKind>()} (警告, 记过, 记大过, 降级, 撤职, 开除, 严重警告).",
            Required = true,
        };
        var source = new Option<string>("--source") { Description = $"One of {Values.Choices<SanctionSource>()} (政务处分, 党纪处分).", Required = true };
        var startsOn = new Option<string>("--starts-on") { Description = "First day of the sanction period, yyyy-MM-dd.", Required = true };
        var endsOn = new Option<string>("--ends-on") { Description = "Last day of the sanction period, yyyy-MM-dd.", Required = true };
        var reason = new Option<string>("--reason") { Description = "What the sanction is for (required).", Required = true };
        var command = new Command("sanction",
            "Record a sanction (处分): it limits the grades of its periods (AS 第二十七条) and the annual performance pay (PM 第九条).")
        {
            id, kind, source, startsOn, endsOn, reason,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.RecordSanctionAsync(new RecordSanctionRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Kind = Args.Enum<SanctionKind>(parsed.GetValue(kind), "--kind"),
                Source = Args.Enum<SanctionSource>(parsed.GetValue(source), "--source"),
                StartsOn = Args.Date(parsed.GetValue(startsOn), "--starts-on"),
                EndsOn = Args.Date(parsed.GetValue(endsOn), "--ends-on"),
                Reason = Args.Text(parsed.GetValue(reason), "--reason", "a sanction (处分) states what it is for (AS 第二十七条)."),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => Recorded(console, parsed.GetValue(id)!, response.Consequences));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Investigation(GlobalOptions globals)
    {
        var openId = new Argument<string>("employee-id");
        var openedOn = new Option<string>("--opened-on") { Description = "The day the case was opened, yyyy-MM-dd.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the case was opened (required).", Required = true };
        var open = new Command("open",
            "Record that an investigation was opened (立案审查调查): no comments and no grade while it is open (AS 第二十六条).") { openId, openedOn, reason };
        open.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.RecordInvestigationAsync(new RecordInvestigationRequest
            {
                EmployeeId = parsed.GetValue(openId)!,
                OpenedOn = Args.Date(parsed.GetValue(openedOn), "--opened-on"),
                Reason = Args.Text(parsed.GetValue(reason), "--reason", "an investigation (立案审查调查) states why it was opened (AS 第二十六条)."),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => Recorded(console, parsed.GetValue(openId)!, response.Consequences));
            return ExitCodes.Ok;
        }));

        var closeId = new Argument<string>("employee-id");
        var closedOn = new Option<string>("--closed-on") { Description = "The day the case was closed, yyyy-MM-dd.", Required = true };
        var sanction = new Option<string?>("--sanction")
        {
            Description = $"The sanction it ended with, one of {Values.Choices<SanctionKind>()}; leave out for none. With none or a warning the grade may be set afterwards (补定等次).",
        };
        var close = new Command("close", "Record that an investigation was closed, and with what sanction (AS 第二十六条).") { closeId, closedOn, sanction };
        close.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.RecordInvestigationAsync(new RecordInvestigationRequest
            {
                EmployeeId = parsed.GetValue(closeId)!,
                Closed = new InvestigationClosure
                {
                    ClosedOn = Args.Date(parsed.GetValue(closedOn), "--closed-on"),
                    Sanction = Args.OptionalEnum<SanctionKind>(parsed.GetValue(sanction), "--sanction") ?? SanctionKind.Unspecified,
                },
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => Recorded(console, parsed.GetValue(closeId)!, response.Consequences));
            return ExitCodes.Ok;
        }));

        return new Command("investigation", "Open or close an investigation (立案审查调查, AS 第二十六条).") { open, close };
    }

    private static Command RankingPlace(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var year = new Option<int>("--year") { Description = "The ranked year.", Required = true };
        var place = new Option<int>("--place") { Description = "1 for the best; equal scores share the better place.", Required = true };
        var groupSize = new Option<int>("--group-size") { Description = "The people ranked in the group that year.", Required = true };
        var fromBottom = new Option<int>("--place-from-bottom") { Description = "1 for the last, ties sharing the worse place. Defaults to group size − place + 1 (no tie)." };
        var decidedOn = new Option<string?>("--decided-on") { Description = "yyyy-MM-dd, from 1 December of the year. Defaults to the server's today." };
        var command = new Command("ranking-place",
            "Record the yearly ranking place (积分排名) under a ranking-based profile (yangshahu-2020 三(五)19): last place, bottom three and two last places running have consequences.")
        {
            id, year, place, groupSize, fromBottom, decidedOn,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.RecordRankingPlaceAsync(new RecordRankingPlaceRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Year = parsed.GetValue(year),
                Place = parsed.GetValue(place),
                GroupSize = parsed.GetValue(groupSize),
                PlaceFromBottom = parsed.GetValue(fromBottom),
                DecidedOn = Args.OptionalDate(parsed.GetValue(decidedOn), "--decided-on"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console =>
            {
                console.Write(EmployeeCommands.EmployeeTable(response.Employee));
                ConsequenceTable.Write(console, response.Consequences);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command SignFeedback(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var year = new Option<int>("--year") { Description = "The assessed year.", Required = true };
        var signedOn = new Option<string?>("--signed-on") { Description = "yyyy-MM-dd, not before the year's result was decided. Defaults to the server's today." };
        var command = new Command("sign-feedback",
            "Record that the employee signed the written feedback of the year's assessment (书面反馈, AS 第九条).") { id, year, signedOn };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.SignAnnualFeedbackAsync(new SignAnnualFeedbackRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Year = parsed.GetValue(year),
                SignedOn = Args.OptionalDate(parsed.GetValue(signedOn), "--signed-on"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(EmployeeCommands.EmployeeTable(response.Employee)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>A record whose answer is only its consequences: says it was recorded, then lists them (or that there are none).</summary>
    private static void Recorded(IAnsiConsole console, string employeeId, IReadOnlyCollection<Consequence> consequences)
    {
        console.WriteLine($"已记录 / recorded for {employeeId}; {consequences.Count} consequence(s).");
        ConsequenceTable.Write(console, consequences);
    }
}
