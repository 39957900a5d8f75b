using System.CommandLine;
using Personnel.Api.V1;
using Personnel.Cli.Output;
using Spectre.Console;

namespace Personnel.Cli.Commands;

/// <summary><c>personnel grades appeal file|resolve</c>: the review (复核) or appeal (申诉) of an Incompetent annual grade (AS 第二十八条).</summary>
internal static class AppealCommands
{
    public static Command Build(GlobalOptions globals) =>
        new("appeal", "File and resolve the review (复核) or appeal (申诉) of an Incompetent (不称职) annual grade (AS 第二十八条).") { File(globals), Resolve(globals) };

    private static Command File(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var year = new Option<int>("--year") { Description = "The year whose Incompetent grade is contested.", Required = true };
        var kind = new Option<string>("--kind") { Description = $"One of {Values.Choices<AppealKind>()} (复核, 申诉).", Required = true };
        var filedOn = new Option<string?>("--filed-on") { Description = "yyyy-MM-dd. Defaults to the server's today." };
        var reason = new Option<string>("--reason") { Description = "Why the person contests the grade (required).", Required = true };
        var command = new Command("file", "File a review (复核) or appeal (申诉) of an Incompetent annual grade (AS 第二十八条); the grade is then under appeal.")
        {
            id, year, kind, filedOn, reason,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Grading.AppealAnnualGradeAsync(new AppealAnnualGradeRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Year = parsed.GetValue(year),
                Kind = Args.Enum<AppealKind>(parsed.GetValue(kind), "--kind"),
                FiledOn = Args.OptionalDate(parsed.GetValue(filedOn), "--filed-on"),
                Reason = Args.Text(parsed.GetValue(reason), "--reason", "a review (复核) or appeal (申诉) states why the grade is contested (AS 第二十八条)."),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(GradeRecordCommands.AnnualFields(response.Record)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Resolve(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var year = new Option<int>("--year") { Description = "The year under appeal.", Required = true };
        var changedTo = new Option<string?>("--changed-to") { Description = $"The grade it is changed to: one of {Values.Choices<AnnualGrade>()} (优秀, 称职, 基本称职). Leave out to uphold the grade." };
        var resolvedOn = new Option<string?>("--resolved-on") { Description = "yyyy-MM-dd. Defaults to the server's today." };
        var explanation = new Option<string>("--explanation") { Description = "The decision's reasons (required).", Required = true };
        var command = new Command("resolve",
            "Resolve a review or appeal (AS 第二十八条): the grade is upheld, or changed (--changed-to) and its consequences recomputed.")
        {
            id, year, changedTo, resolvedOn, explanation,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var request = new ResolveAppealRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Year = parsed.GetValue(year),
                ResolvedOn = Args.OptionalDate(parsed.GetValue(resolvedOn), "--resolved-on"),
                Explanation = Args.Text(parsed.GetValue(explanation), "--explanation", "the decision on a review (复核) or appeal (申诉) gives its reasons (AS 第二十八条)."),
            };
            if (parsed.GetValue(changedTo) is { Length: > 0 } changed)
            {
                request.ChangedTo = Args.AnnualGrade(changed, "--changed-to");
            }

            var response = await client.Grading.ResolveAppealAsync(request).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console =>
            {
                console.WriteLine(request.ChangeCase == ResolveAppealRequest.ChangeOneofCase.ChangedTo ? "改变等次 / grade changed." : "维持原等次 / grade upheld.");
                console.Write(GradeRecordCommands.AnnualFields(response.Record));
                ConsequenceTable.Write(console, response.Consequences);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }
}
