using System.CommandLine;
using Personnel.Api.V1;
using Personnel.Cli.Output;
using Spectre.Console;

namespace Personnel.Cli.Commands;

/// <summary><c>personnel employee appoint|show</c> (the amendments are in <see cref="AmendmentCommands"/>) and <c>personnel post-level</c>.</summary>
internal static class EmployeeCommands
{
    public static Command Build(GlobalOptions globals)
    {
        var employee = new Command("employee", "Appoint, show and follow employees: their contract, history and tenure, the steps of the contract, amendments and records inside the term.");
        employee.Subcommands.Add(Appoint(globals));
        employee.Subcommands.Add(Show(globals));
        foreach (var command in EmployeeReadCommands.Build(globals)
            .Concat(ContractCommands.Build(globals))
            .Concat(AmendmentCommands.Build(globals))
            .Concat(RecordCommands.Build(globals))
            .Concat(AttendanceCommands.Build(globals))
            .Concat(EmployeeSearchCommands.Build(globals)))
        {
            employee.Subcommands.Add(command);
        }

        return employee;
    }

    public static Command BuildPostLevel(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var asOf = new Option<string?>("--as-of") { Description = "yyyy-MM-dd. Defaults to today in Asia/Shanghai (the server's)." };
        var command = new Command("post-level", "Show an employee's post level (post, pay grade level, step), now or as of a date.") { id, asOf };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.GetPostLevelAsync(new GetPostLevelRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                AsOf = Args.OptionalDate(parsed.GetValue(asOf), "--as-of"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(Render.Fields(
                ("employee", response.EmployeeId),
                ("post", Values.Show(response.PostLevel.Post)),
                ("grade level", response.PostLevel.GradeLevel.ToString()),
                ("step", response.PostLevel.Step.ToString()),
                ("since", Values.Show(response.Since)),
                ("as of", Values.Show(response.AsOf)),
                ("contract", Terms.Show(response.State)),
                ("demotion due at floor", response.DemotionDueAtFloor ? "yes" : "no"))));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Appoint(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var name = new Option<string>("--name") { Required = true };
        var department = new Option<string>("--department") { Required = true };
        var post = new Option<string>("--post") { Description = $"One of {Values.Choices<Post>()}.", Required = true };
        var gradeLevel = new Option<int>("--grade-level") { Description = "Pay grade level, 1 (highest) to 8.", Required = true };
        var step = new Option<int>("--step") { Description = "Step, 1 to 19. Defaults to 1.", DefaultValueFactory = _ => 1 };
        var startsOn = new Option<string>("--starts-on") { Description = "First day of the term, yyyy-MM-dd.", Required = true };
        var retirementOn = new Option<string>("--retirement-on") { Description = "Statutory retirement date, yyyy-MM-dd.", Required = true };
        var method = new Option<string>("--method") { Description = $"One of {Values.Choices<AppointmentMethod>()}. Defaults to competitive.", DefaultValueFactory = _ => "competitive" };
        var firstJob = new Option<bool>("--first-job") { Description = "Open recruitment into a first job: 12 months' probation (AM 第十三条)." };
        var firstCompetition = new Option<bool>("--first-competition") { Description = "Appointed in the reform's first competition (AM 第十四条)." };
        var education = new Option<string?>("--education") { Description = $"One of {Values.Choices<Education>()}." };
        var rank = new Option<string?>("--administrative-rank") { Description = $"One of {Values.Choices<AdministrativeRank>()}." };
        var rankSince = new Option<string?>("--administrative-rank-since") { Description = "yyyy-MM-dd." };
        var waivedBy = new Option<string?>("--eligibility-waived-by")
        {
            Description = "Who in the zone committee waived the unmet AM 第五条 conditions (工委研究同意); needs --eligibility-waiver-reason.",
        };
        var waiverReason = new Option<string?>("--eligibility-waiver-reason") { Description = "Why the conditions were waived; needs --eligibility-waived-by." };
        var command = new Command("appoint", "Appoint an employee to a post in a department.")
        {
            id, name, department, post, gradeLevel, step, startsOn, retirementOn, method, firstJob, firstCompetition, education, rank, rankSince,
            waivedBy, waiverReason,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var (grantedBy, why) = Waiver(parsed.GetValue(waivedBy), parsed.GetValue(waiverReason));
            var request = new AppointEmployeeRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Name = parsed.GetValue(name)!,
                DepartmentId = parsed.GetValue(department)!,
                Method = Args.Enum<AppointmentMethod>(parsed.GetValue(method), "--method"),
                PostLevel = new PostLevel
                {
                    Post = Args.Enum<Post>(parsed.GetValue(post), "--post"),
                    GradeLevel = parsed.GetValue(gradeLevel),
                    Step = parsed.GetValue(step),
                },
                StartsOn = Args.Date(parsed.GetValue(startsOn), "--starts-on"),
                RetirementOn = Args.Date(parsed.GetValue(retirementOn), "--retirement-on"),
                FirstJob = parsed.GetValue(firstJob),
                FirstCompetition = parsed.GetValue(firstCompetition),
                Education = Args.OptionalEnum<Education>(parsed.GetValue(education), "--education") ?? Education.Unspecified,
                AdministrativeRank = Args.OptionalEnum<AdministrativeRank>(parsed.GetValue(rank), "--administrative-rank") ?? AdministrativeRank.Unspecified,
                AdministrativeRankSince = Args.OptionalDate(parsed.GetValue(rankSince), "--administrative-rank-since"),
                EligibilityWaivedBy = grantedBy,
                EligibilityWaiverReason = why,
            };
            var response = await client.Employees.AppointEmployeeAsync(request).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(EmployeeTable(response.Employee)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The zone committee's waiver of AM 第五条 from the options: both, or neither (refused before any call).</summary>
    internal static (string WaivedBy, string Reason) Waiver(string? waivedBy, string? reason)
    {
        var by = waivedBy?.Trim() ?? string.Empty;
        var why = reason?.Trim() ?? string.Empty;
        if ((by.Length == 0) != (why.Length == 0))
        {
            throw new InputException("--eligibility-waived-by and --eligibility-waiver-reason go together: a waiver of AM 第五条 (工委研究同意) "
                + "names who granted it and why.");
        }

        return (by, why);
    }

    private static Command Show(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var command = new Command("show", "Show an employee's contract, post level and term.") { id };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Employees.GetEmployeeAsync(new GetEmployeeRequest { EmployeeId = parsed.GetValue(id)! }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(EmployeeTable(response.Employee)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    internal static Spectre.Console.Table EmployeeTable(Employee e) => Render.Fields(
        ("employee", e.EmployeeId),
        ("name", e.Name),
        ("department", e.DepartmentId),
        ("contract", Terms.Show(e.State)),
        ("post level", Values.Show(e.PostLevel)),
        ("appointed by", Values.Show(e.Method)),
        ("term number", e.TermNumber.ToString()),
        ("term", $"{Values.Show(e.TermStartsOn)} to {Values.Show(e.TermEndsOn)}"),
        ("probation ends", Values.Show(e.ProbationEndsOn)),
        ("trial ends", Values.Show(e.TrialEndsOn)),
        ("retirement", Values.Show(e.RetirementOn)),
        ("eligibility waived", string.Join("; ", e.EligibilityWaivers.Select(w =>
            $"{Values.Show(w.Post)} by {w.GrantedBy} on {Values.Show(w.GrantedOn)} ({string.Join(", ", w.Conditions)}): {w.Reason}"))),
        ("version", e.Version.ToString()));
}
