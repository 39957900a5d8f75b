using System.CommandLine;
using Personnel.Api.V1;
using Personnel.Cli.Output;
using Spectre.Console;

namespace Personnel.Cli.Commands;

/// <summary><c>personnel department create|show|assess|correct-assessment</c> (and <c>quotas</c>, <see cref="QuotaCommands"/>).</summary>
internal static class DepartmentCommands
{
    public static Command Build(GlobalOptions globals)
    {
        var department = new Command("department", "Create, show and assess departments; their quotas.");
        department.Subcommands.Add(Create(globals));
        department.Subcommands.Add(Show(globals));
        department.Subcommands.Add(ListAll(globals));
        department.Subcommands.Add(Assess(globals));
        department.Subcommands.Add(CorrectAssessment(globals));
        department.Subcommands.Add(QuotaCommands.Build(globals));
        return department;
    }

    private static Command Create(GlobalOptions globals)
    {
        var id = new Argument<string>("department-id");
        var name = new Option<string>("--name") { Description = "The department's name.", Required = true };
        var kind = new Option<string>("--kind") { Description = $"One of {Values.Choices<DepartmentKind>()}.", DefaultValueFactory = _ => "zone-department" };
        var createdOn = new Option<string?>("--created-on") { Description = "yyyy-MM-dd. Defaults to the server's today." };
        var command = new Command("create", "Create a department.") { id, name, kind, createdOn };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var request = new CreateDepartmentRequest
            {
                DepartmentId = parsed.GetValue(id)!,
                Name = parsed.GetValue(name)!,
                Kind = Args.Enum<DepartmentKind>(parsed.GetValue(kind), "--kind"),
                CreatedOn = Args.OptionalDate(parsed.GetValue(createdOn), "--created-on"),
            };
            var response = await client.Departments.CreateDepartmentAsync(request).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(DepartmentTable(response.Department)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show(GlobalOptions globals)
    {
        var id = new Argument<string>("department-id");
        var command = new Command("show",
            "Show a department, its headcount, its assessments and where each leadership adjustment (领导班子调整) went: delivered to the head, "
            + "discharged by a head appointed after it, or pending (AM 第十七条).")
        {
            id,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Departments.GetDepartmentAsync(new GetDepartmentRequest { DepartmentId = parsed.GetValue(id)! }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console =>
            {
                var department = response.Department;
                console.Write(DepartmentTable(department));
                if (department.Assessments.Count > 0)
                {
                    var pending = department.PendingLeadershipAdjustments.Select(p => p.Year).ToHashSet();
                    var table = Render.NewTable("year", "tier", "city rank", "yellow card", "leadership adjustment", "delivered to", "discharged by", "settled on");
                    foreach (var a in department.Assessments)
                    {
                        table.AddRow(Render.Cells(
                            a.Year.ToString(),
                            a.Tier == DepartmentTier.Unspecified ? string.Empty : ((int)a.Tier).ToString(),
                            CityRank(a.CityRank, a.CityGroupSize),
                            YesNo(a.YellowCard),
                            YesNo(a.LeadershipAdjustment),
                            a.LeadershipAdjustmentDeliveredTo,
                            a.LeadershipAdjustmentDischargedBy,
                            pending.Contains(a.Year) ? "pending" : Values.Show(a.LeadershipAdjustmentSettledOn)));
                    }

                    console.Write(table);
                }

                if (department.PendingLeadershipAdjustments.Count > 0)
                {
                    // Kept while the department has no head in service (AM 第十七条).
                    var table = Render.NewTable("pending leadership adjustment (year)", "ordered on");
                    foreach (var p in department.PendingLeadershipAdjustments)
                    {
                        table.AddRow(Render.Cells(p.Year.ToString(), Values.Show(p.OrderedOn)));
                    }

                    console.Write(table);
                }
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Assess(GlobalOptions globals)
    {
        var id = new Argument<string>("department-id");
        var year = new Option<int>("--year") { Description = "The assessed year.", Required = true };
        var tier = new Option<int>("--tier") { Description = "The zone's tier for the year, 1 to 4.", Required = true };
        var cityRank = new Option<int>("--city-rank") { Description = "Rank in the city's group; 0 when there is none. Defaults to 0." };
        var groupSize = new Option<int>("--city-group-size") { Description = "Size of the city's ranking group. Defaults to 0." };
        var decidedOn = new Option<string?>("--decided-on") { Description = "yyyy-MM-dd. Defaults to the server's today." };
        var command = new Command("assess", "Record a department's yearly tier and city rank; shows any yellow card or leadership adjustment.") { id, year, tier, cityRank, groupSize, decidedOn };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var tierValue = Tier(parsed.GetValue(tier));

            var response = await client.Departments.RecordDepartmentAssessmentAsync(new RecordDepartmentAssessmentRequest
            {
                DepartmentId = parsed.GetValue(id)!,
                Year = parsed.GetValue(year),
                Tier = (DepartmentTier)tierValue,
                CityRank = parsed.GetValue(cityRank),
                CityGroupSize = parsed.GetValue(groupSize),
                DecidedOn = Args.OptionalDate(parsed.GetValue(decidedOn), "--decided-on"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console =>
            {
                console.Write(Render.Fields(AssessmentFields(parsed.GetValue(id)!, response.Assessment, response.YellowCard, response.LeadershipAdjustment)));
                ConsequenceTable.Write(console, response.Consequences);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CorrectAssessment(GlobalOptions globals)
    {
        var id = new Argument<string>("department-id");
        var year = new Option<int>("--year") { Description = "The latest assessed year, the one corrected.", Required = true };
        var tier = new Option<int>("--tier") { Description = "The corrected tier, 1 to 4.", Required = true };
        var cityRank = new Option<int>("--city-rank") { Description = "The corrected rank in the city's group; 0 when there is none. Defaults to 0." };
        var groupSize = new Option<int>("--city-group-size") { Description = "Size of the city's ranking group. Defaults to 0." };
        var reason = new Option<string>("--reason") { Description = "Why the assessment is corrected (required).", Required = true };
        var decidedOn = new Option<string?>("--decided-on") { Description = "yyyy-MM-dd. Defaults to the server's today." };
        var command = new Command("correct-assessment",
            "Correct a department's latest yearly assessment; shows the yellow card and leadership adjustment that now follow, and any withdrawn (AM 第十七条).")
        {
            id, year, tier, cityRank, groupSize, reason, decidedOn,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var tierValue = Tier(parsed.GetValue(tier));

            var why = parsed.GetValue(reason);
            if (string.IsNullOrWhiteSpace(why))
            {
                throw new InputException("--reason is empty: a corrected assessment states why.");
            }

            var response = await client.Departments.CorrectDepartmentAssessmentAsync(new CorrectDepartmentAssessmentRequest
            {
                DepartmentId = parsed.GetValue(id)!,
                Year = parsed.GetValue(year),
                Tier = (DepartmentTier)tierValue,
                CityRank = parsed.GetValue(cityRank),
                CityGroupSize = parsed.GetValue(groupSize),
                Reason = why,
                DecidedOn = Args.OptionalDate(parsed.GetValue(decidedOn), "--decided-on"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console =>
            {
                console.Write(Render.Fields(
                [
                    .. AssessmentFields(parsed.GetValue(id)!, response.Assessment, response.YellowCard, response.LeadershipAdjustment),
                    ("yellow card withdrawn", YesNo(response.YellowCardWithdrawn)),
                    ("leadership adjustment rescinded", YesNo(response.LeadershipAdjustmentRescinded)),
                ]));
                ConsequenceTable.Write(console, response.Consequences);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>A tier as the zone assigns it (1 to 4), checked before any call.</summary>
    private static int Tier(int tier) =>
        tier is >= 1 and <= 4 ? tier : throw new InputException($"--tier {tier} must be 1, 2, 3 or 4.");

    /// <summary>The rows an assessment's answer shows, recorded or corrected: the year's tier and rank and what follows.</summary>
    private static (string Name, string Value)[] AssessmentFields(string departmentId, DepartmentAssessment assessment, bool yellowCard, bool leadershipAdjustment) =>
    [
        ("department", departmentId),
        ("year", assessment.Year.ToString()),
        ("tier", ((int)assessment.Tier).ToString()),
        ("city rank", CityRank(assessment.CityRank, assessment.CityGroupSize)),
        ("yellow card", YesNo(yellowCard)),
        ("leadership adjustment", YesNo(leadershipAdjustment)),
    ];

    private static Table DepartmentTable(Department department) => Render.Fields(
        ("department", department.DepartmentId),
        ("name", department.Name),
        ("kind", Values.Show(department.Kind)),
        ("headcount", department.Headcount.ToString()),
        ("version", department.Version.ToString()));

    private static string CityRank(int rank, int groupSize) => rank == 0 ? "none" : $"{rank} of {groupSize}";

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static Command ListAll(GlobalOptions globals)
    {
        var command = new Command("list", "List every department (部门名录), in id order (every page).");
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var all = new ListDepartmentsResponse();
            var request = new ListDepartmentsRequest { PageSize = 1000 };
            do
            {
                var page = await client.Departments.ListDepartmentsAsync(request).ConfigureAwait(false);
                all.Departments.AddRange(page.Departments);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            Render.Message(globals, parsed, all, console =>
            {
                var table = Render.NewTable("department", "name", "kind", "created at");
                foreach (var d in all.Departments)
                {
                    table.AddRow(Render.Cells(d.DepartmentId, d.Name, Values.Show(d.Kind), Values.Show(d.CreatedOn)));
                }

                console.Write(table);
                console.WriteLine($"{all.Departments.Count} 个部门 / departments.");
            });
            return ExitCodes.Ok;
        }));
        return command;
    }
}

/// <summary>The consequences the service derived, each with its rule.</summary>
internal static class ConsequenceTable
{
    public static void Write(IAnsiConsole console, IReadOnlyCollection<Consequence> consequences)
    {
        if (consequences.Count == 0)
        {
            return;
        }

        var table = Render.NewTable("consequence", "rule", "what it means", "effective on");
        foreach (var c in consequences)
        {
            table.AddRow(Render.Cells(c.Kind, c.Article, c.Description, Values.Show(c.EffectiveOn)));
        }

        console.Write(table);
    }
}
