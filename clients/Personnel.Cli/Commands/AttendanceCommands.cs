using System.CommandLine;
using System.Globalization;
using Personnel.Api.V1;
using Personnel.Cli.Output;
using Spectre.Console;

namespace Personnel.Cli.Commands;

/// <summary>
/// <c>personnel employee overtime|lateness</c>: the day-by-day attendance records pay reads (PM 第六条, 第七条) — approved
/// overtime, which offsets personal leave within its quarter, and late arrival, early leave or leaving the post, each
/// deducting that month's performance pay for the day.
/// </summary>
internal static class AttendanceCommands
{
    public static IEnumerable<Command> Build(GlobalOptions globals) => [Overtime(globals), Lateness(globals)];

    private static Command Overtime(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var day = new Option<string>("--day") { Description = "The day worked, yyyy-MM-dd.", Required = true };
        var hours = new Option<string>("--hours")
        {
            Description = "Approved overtime hours that day (加班时长), e.g. 9.5: over 4 counts half a day, over 8 a day (PM 第六条).",
            Required = true,
        };
        var recordedOn = new Option<string?>("--recorded-on") { Description = "The day it is recorded, yyyy-MM-dd. Defaults to today." };
        var command = new Command("overtime",
            "Record approved overtime (经批准的加班) on a day: it offsets personal leave (事假) within the same quarter (PM 第六条).")
        {
            id, day, hours, recordedOn,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var text = parsed.GetValue(hours)!.Trim();
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
            {
                throw new InputException($"--hours \"{text}\" is not a number of hours such as 9.5 (加班时长).");
            }

            var response = await client.Employees.RecordOvertimeAsync(new RecordOvertimeRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Day = Args.Date(parsed.GetValue(day), "--day"),
                Hours = text,
                RecordedOn = Args.OptionalDate(parsed.GetValue(recordedOn), "--recorded-on"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console =>
                console.WriteLine($"已记录 / recorded: {text} h of overtime on {parsed.GetValue(day)} for {parsed.GetValue(id)}."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Lateness(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var day = new Option<string>("--day") { Description = "The day, yyyy-MM-dd.", Required = true };
        var kind = new Option<string>("--kind")
        {
            Description = $"One of {Values.Choices<LatenessKind>()} (迟到, 早退, 无故脱岗).",
            Required = true,
        };
        var recordedOn = new Option<string?>("--recorded-on") { Description = "The day it is recorded, yyyy-MM-dd. Defaults to today." };
        var command = new Command("lateness",
            "Record a late arrival, early leave or leaving the post without reason (迟到、早退、无故脱岗) on a day: that month's performance pay is deducted for the day (PM 第七条).")
        {
            id, day, kind, recordedOn,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.RecordLatenessAsync(new RecordLatenessRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Day = Args.Date(parsed.GetValue(day), "--day"),
                Kind = Args.Enum<LatenessKind>(parsed.GetValue(kind), "--kind"),
                RecordedOn = Args.OptionalDate(parsed.GetValue(recordedOn), "--recorded-on"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console =>
                console.WriteLine($"已记录 / recorded: {parsed.GetValue(kind)} on {parsed.GetValue(day)} for {parsed.GetValue(id)}."));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
