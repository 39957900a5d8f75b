using System.CommandLine;
using Personnel.Api.V1;
using Personnel.Cli.Output;

namespace Personnel.Cli.Commands;

/// <summary>
/// <c>personnel employee promote|probation-outcome|trial-outcome|renew|decline-renewal|rotate|separate</c>: the steps of
/// the contract (AM 第九条, 第十二条, 第十三条, 第十五条, 第十八条). Each answers with the employee as the service now has
/// them, and leaves <c>request_id</c> empty so the client library generates one and retries with it.
/// </summary>
internal static class ContractCommands
{
    public static IEnumerable<Command> Build(GlobalOptions globals) =>
        [Promote(globals), ProbationOutcome(globals), TrialOutcome(globals), Renew(globals), DeclineRenewal(globals), Rotate(globals), Separate(globals)];

    private static Command Promote(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var post = new Option<string>("--post") { Description = $"The new post: one of {Values.Choices<Post>()}.", Required = true };
        var gradeLevel = new Option<int>("--grade-level") { Description = "Pay grade level, 1 (highest) to 8.", Required = true };
        var step = new Option<int>("--step") { Description = "Step, 1 to 19. Defaults to 1.", DefaultValueFactory = _ => 1 };
        var startsOn = new Option<string?>("--starts-on") { Description = "First day in the new post, yyyy-MM-dd. Defaults to the server's today." };
        var waivedBy = new Option<string?>("--eligibility-waived-by") { Description = "Who in the zone committee waived the unmet AM 第五条 conditions (工委研究同意)." };
        var waiverReason = new Option<string?>("--eligibility-waiver-reason") { Description = "Why the conditions were waived; needs --eligibility-waived-by." };
        var command = new Command("promote",
            "Promote an employee (提拔任职) into a higher post with a 1-year promotion trial (提拔任职试用期, AM 第十三条); the new post is judged by AM 第五条.")
        {
            id, post, gradeLevel, step, startsOn, waivedBy, waiverReason,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var (by, why) = EmployeeCommands.Waiver(parsed.GetValue(waivedBy), parsed.GetValue(waiverReason));
            var response = await client.Employees.PromoteAsync(new PromoteRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                PostLevel = Args.PostLevel(parsed.GetValue(post), parsed.GetValue(gradeLevel), parsed.GetValue(step)),
                StartsOn = Args.OptionalDate(parsed.GetValue(startsOn), "--starts-on"),
                EligibilityWaivedBy = by,
                EligibilityWaiverReason = why,
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(EmployeeCommands.EmployeeTable(response.Employee)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ProbationOutcome(GlobalOptions globals) => Outcome(globals, "probation-outcome",
        "Record the end of probation (试用期, AM 第十三条): --passed appoints formally (正式聘任); --failed cancels the appointment (取消聘任).",
        async (client, request) =>
        {
            var response = await client.Employees.RecordProbationOutcomeAsync(new RecordProbationOutcomeRequest
            {
                EmployeeId = request.EmployeeId,
                Passed = request.Passed,
                DecidedOn = request.DecidedOn,
                Reason = request.Reason,
            }).ConfigureAwait(false);
            return (response, response.Employee);
        });

    private static Command TrialOutcome(GlobalOptions globals) => Outcome(globals, "trial-outcome",
        "Record the end of a promotion trial (提拔任职试用期, AM 第十三条): --passed keeps the post formally; --failed returns the person to the post grade held before.",
        async (client, request) =>
        {
            var response = await client.Employees.RecordTrialOutcomeAsync(new RecordTrialOutcomeRequest
            {
                EmployeeId = request.EmployeeId,
                Passed = request.Passed,
                DecidedOn = request.DecidedOn,
                Reason = request.Reason,
            }).ConfigureAwait(false);
            return (response, response.Employee);
        });

    private sealed record OutcomeRequest(string EmployeeId, bool Passed, Google.Type.Date? DecidedOn, string Reason);

    /// <summary>The probation and the trial outcome take the same options: --passed or --failed, a date, a reason.</summary>
    private static Command Outcome(GlobalOptions globals, string name, string description, Func<Client.PersonnelClient, OutcomeRequest, Task<(Google.Protobuf.IMessage Response, Employee Employee)>> call)
    {
        var id = new Argument<string>("employee-id");
        var passed = new Option<bool>("--passed") { Description = "The person passed." };
        var failed = new Option<bool>("--failed") { Description = "The person did not pass (give --reason)." };
        var decidedOn = new Option<string?>("--decided-on") { Description = "yyyy-MM-dd. Defaults to the server's today." };
        var reason = new Option<string?>("--reason") { Description = "Why; required with --failed." };
        var command = new Command(name, description) { id, passed, failed, decidedOn, reason };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var pass = Args.OneOf(parsed.GetValue(passed), parsed.GetValue(failed), "--passed", "--failed");
            var why = pass ? parsed.GetValue(reason)?.Trim() ?? string.Empty : Args.Text(parsed.GetValue(reason), "--reason", "a failed probation (试用期) or promotion trial (提拔任职试用期) states why (AM 第十三条).");
            var (response, employee) = await call(client, new OutcomeRequest(parsed.GetValue(id)!, pass, Args.OptionalDate(parsed.GetValue(decidedOn), "--decided-on"), why))
                .ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(EmployeeCommands.EmployeeTable(employee)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Renew(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var decidedOn = new Option<string?>("--decided-on") { Description = "yyyy-MM-dd, within the last 90 days of the term (AM 第九条). Defaults to the server's today." };
        var command = new Command("renew",
            "Renew the contract (续聘, AM 第九条): the next 3-year term starts the day after this one ends, never past retirement (AM 第十五条).") { id, decidedOn };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.RenewContractAsync(new RenewContractRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                DecidedOn = Args.OptionalDate(parsed.GetValue(decidedOn), "--decided-on"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(EmployeeCommands.EmployeeTable(response.Employee)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command DeclineRenewal(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var decidedOn = new Option<string?>("--decided-on") { Description = "yyyy-MM-dd, within the last 90 days of the term (AM 第九条). Defaults to the server's today." };
        var reason = new Option<string>("--reason") { Description = "Why the contract is not renewed (required).", Required = true };
        var command = new Command("decline-renewal", "Decline the renewal (期满不再续聘, AM 第九条): the contract ends with the term.") { id, decidedOn, reason };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.DeclineRenewalAsync(new DeclineRenewalRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                DecidedOn = Args.OptionalDate(parsed.GetValue(decidedOn), "--decided-on"),
                Reason = Args.Text(parsed.GetValue(reason), "--reason", "a renewal declined (期满不再续聘) states why (AM 第九条)."),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(EmployeeCommands.EmployeeTable(response.Employee)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Rotate(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var to = new Option<string>("--to-department") { Description = "The department the person rotates into (an existing one, AM 第二条).", Required = true };
        var post = new Option<string>("--post") { Description = $"The post there: one of {Values.Choices<Post>()}.", Required = true };
        var gradeLevel = new Option<int>("--grade-level") { Description = "Pay grade level, 1 (highest) to 8.", Required = true };
        var step = new Option<int>("--step") { Description = "Step, 1 to 19. Defaults to 1.", DefaultValueFactory = _ => 1 };
        var startsOn = new Option<string?>("--starts-on") { Description = "First day in the new department, yyyy-MM-dd. Defaults to the server's today." };
        var command = new Command("rotate",
            "Rotate an employee into another department (交流/轮岗, AM 第十二条); the consecutive-term count starts again.")
        {
            id, to, post, gradeLevel, step, startsOn,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.RotateAsync(new RotateRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                ToDepartmentId = parsed.GetValue(to)!,
                PostLevel = Args.PostLevel(parsed.GetValue(post), parsed.GetValue(gradeLevel), parsed.GetValue(step)),
                StartsOn = Args.OptionalDate(parsed.GetValue(startsOn), "--starts-on"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(EmployeeCommands.EmployeeTable(response.Employee)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Separate(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var kind = new Option<string>("--kind")
        {
            Description = $"One of {Values.Choices<SeparationKind>()} (辞职, 调至区外, 退休, 辞聘).",
            Required = true,
        };
        var cause = new Option<string?>("--dismissal-cause") { Description = $"For a dismissal (辞聘, AM 第十八条): one of {Values.Choices<DismissalCause>()}." };
        var effectiveOn = new Option<string?>("--effective-on") { Description = "yyyy-MM-dd. Defaults to the server's today." };
        var reason = new Option<string?>("--reason") { Description = "Why; required for a dismissal." };
        var command = new Command("separate",
            "End an employee's service: resignation, transfer out of the zone, retirement (AM 第十五条) or dismissal with its cause (辞聘, AM 第十八条).")
        {
            id, kind, cause, effectiveOn, reason,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var separation = Args.Enum<SeparationKind>(parsed.GetValue(kind), "--kind");
            var dismissalCause = Args.OptionalEnum<DismissalCause>(parsed.GetValue(cause), "--dismissal-cause") ?? DismissalCause.Unspecified;
            if ((separation == SeparationKind.Dismissal) != (dismissalCause != DismissalCause.Unspecified))
            {
                throw new InputException("--dismissal-cause goes with --kind dismissal, and only with it: a dismissal (辞聘) names its cause of AM 第十八条.");
            }

            var why = separation == SeparationKind.Dismissal
                ? Args.Text(parsed.GetValue(reason), "--reason", "a dismissal (辞聘, AM 第十八条) states why.")
                : parsed.GetValue(reason)?.Trim() ?? string.Empty;
            var response = await client.Employees.SeparateAsync(new SeparateRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Kind = separation,
                DismissalCause = dismissalCause,
                EffectiveOn = Args.OptionalDate(parsed.GetValue(effectiveOn), "--effective-on"),
                Reason = why,
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(EmployeeCommands.EmployeeTable(response.Employee)));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
