using System.CommandLine;
using Personnel.Api.V1;
using Personnel.Cli.Output;

namespace Personnel.Cli.Commands;

/// <summary>
/// <c>personnel employee open-renewal|change-post|secondment|health-incapacity|qualifications</c>: the amendments and
/// records inside the term (AM 第五条, 第九条, 第十六条; AS 第二十四条). Each leaves <c>request_id</c> empty, so the client
/// library generates one and retries with it.
/// </summary>
internal static class AmendmentCommands
{
    public static IEnumerable<Command> Build(GlobalOptions globals) =>
        [OpenRenewal(globals), ChangePost(globals), Secondment(globals), HealthIncapacity(globals), Qualifications(globals)];

    private static Command OpenRenewal(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var decidedOn = new Option<string?>("--decided-on") { Description = "yyyy-MM-dd, within the last 90 days of the term (AM 第九条). Defaults to the server's today." };
        var command = new Command("open-renewal", "Open the renewal decision of an employee's term (AM 第九条); the contract then awaits renewal.") { id, decidedOn };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.OpenRenewalAsync(new OpenRenewalRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                DecidedOn = Args.OptionalDate(parsed.GetValue(decidedOn), "--decided-on"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(EmployeeCommands.EmployeeTable(response.Employee)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ChangePost(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var post = new Option<string>("--post") { Description = $"One of {Values.Choices<Post>()}.", Required = true };
        var gradeLevel = new Option<int>("--grade-level") { Description = "Pay grade level, 1 (highest) to 8.", Required = true };
        var step = new Option<int>("--step") { Description = "Step, 1 to 19. Defaults to 1.", DefaultValueFactory = _ => 1 };
        var reason = new Option<string>("--reason") { Description = "Why the post changes (required, AM 第九条).", Required = true };
        var effectiveOn = new Option<string?>("--effective-on") { Description = "yyyy-MM-dd. Defaults to the server's today." };
        var command = new Command("change-post", "Change an employee's post inside the term (AM 第九条); the term continues.")
        {
            id, post, gradeLevel, step, reason, effectiveOn,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var why = parsed.GetValue(reason);
            if (string.IsNullOrWhiteSpace(why))
            {
                throw new InputException("--reason is empty: a change of post inside the term states why (AM 第九条).");
            }

            var response = await client.Employees.ChangePostAsync(new ChangePostRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                PostLevel = new PostLevel
                {
                    Post = Args.Enum<Post>(parsed.GetValue(post), "--post"),
                    GradeLevel = parsed.GetValue(gradeLevel),
                    Step = parsed.GetValue(step),
                },
                Reason = why,
                EffectiveOn = Args.OptionalDate(parsed.GetValue(effectiveOn), "--effective-on"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(EmployeeCommands.EmployeeTable(response.Employee)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Secondment(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var receiving = new Option<string>("--receiving-department") { Description = "The unit the person is seconded to (an existing department).", Required = true };
        var startsOn = new Option<string>("--starts-on") { Description = "First day of the secondment, yyyy-MM-dd.", Required = true };
        var endsOn = new Option<string>("--ends-on") { Description = "Last day of the secondment, yyyy-MM-dd.", Required = true };
        var command = new Command("secondment",
            "Record a secondment (借调/援派): the receiving unit grades the quarters and years ending in it (AS 第二十四条).")
        {
            id, receiving, startsOn, endsOn,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var request = new RecordSecondmentRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                ReceivingDepartmentId = parsed.GetValue(receiving)!,
                StartsOn = Args.Date(parsed.GetValue(startsOn), "--starts-on"),
                EndsOn = Args.Date(parsed.GetValue(endsOn), "--ends-on"),
            };
            var response = await client.Employees.RecordSecondmentAsync(request).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(Render.Fields(
                ("employee", response.Employee.EmployeeId),
                ("department", response.Employee.DepartmentId),
                ("seconded to", request.ReceivingDepartmentId),
                ("from", Values.Show(request.StartsOn)),
                ("to", Values.Show(request.EndsOn)),
                ("graded meanwhile by", response.AssessingDepartmentId))));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command HealthIncapacity(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var startsOn = new Option<string>("--starts-on") { Description = "First day unable to work, yyyy-MM-dd.", Required = true };
        var endsOn = new Option<string>("--ends-on") { Description = "Last day of the spell, yyyy-MM-dd; the record takes effect on it.", Required = true };
        var command = new Command("health-incapacity",
            "Record a spell unable to work for health reasons; over one year (adjacent spells joined) the post is to be adjusted (AM 第十六条).")
        {
            id, startsOn, endsOn,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.RecordHealthIncapacityAsync(new RecordHealthIncapacityRequest
            {
                EmployeeId = parsed.GetValue(id)!,
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

    private static Command Qualifications(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var rank = new Option<string>("--administrative-rank") { Description = $"One of {Values.Choices<AdministrativeRank>()}.", Required = true };
        var rankSince = new Option<string>("--administrative-rank-since") { Description = "Held since, yyyy-MM-dd.", Required = true };
        var education = new Option<string>("--education") { Description = $"One of {Values.Choices<Education>()}.", Required = true };
        var recordedOn = new Option<string?>("--recorded-on") { Description = "yyyy-MM-dd. Defaults to the server's today." };
        var command = new Command("qualifications",
            "Record the administrative rank and education the eligibility for the next post is judged on (AM 第五条).")
        {
            id, rank, rankSince, education, recordedOn,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var request = new RecordQualificationsRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                AdministrativeRank = Args.Enum<AdministrativeRank>(parsed.GetValue(rank), "--administrative-rank"),
                AdministrativeRankSince = Args.Date(parsed.GetValue(rankSince), "--administrative-rank-since"),
                Education = Args.Enum<Education>(parsed.GetValue(education), "--education"),
                RecordedOn = Args.OptionalDate(parsed.GetValue(recordedOn), "--recorded-on"),
            };
            var response = await client.Employees.RecordQualificationsAsync(request).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(Render.Fields(
                ("employee", response.Employee.EmployeeId),
                ("post level", Values.Show(response.Employee.PostLevel)),
                ("administrative rank", $"{Values.Show(request.AdministrativeRank)} since {Values.Show(request.AdministrativeRankSince)}"),
                ("education", Values.Show(request.Education)),
                ("next post eligible on", Values.Show(response.NextPostEligibleOn)))));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
