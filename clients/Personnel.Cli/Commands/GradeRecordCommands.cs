using System.CommandLine;
using Personnel.Api.V1;
using Personnel.Cli.Output;
using Spectre.Console;

namespace Personnel.Cli.Commands;

/// <summary>
/// <c>personnel grades list|show|record|correct|record-annual|correct-annual|excellent-notice</c>: one person's grades, read and recorded one at a
/// time (AS 第七条–第二十八条); a department's quarter in bulk is <c>grades import</c>.
/// </summary>
internal static class GradeRecordCommands
{
    public static IEnumerable<Command> Build(GlobalOptions globals) =>
        [List(globals), Show(globals), RecordQuarterly(globals), CorrectQuarterly(globals), RecordAnnual(globals), CorrectAnnual(globals), ExcellentNotice(globals)];

    private static Command List(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var from = new Option<int>("--from-year") { Description = "First year (inclusive). Defaults to the first on record." };
        var to = new Option<int>("--to-year") { Description = "Last year (inclusive). Defaults to the last on record." };
        var command = new Command("list", "List an employee's quarterly (季度考核) and annual (年度考核) grades.") { id, from, to };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Grading.ListGradesAsync(new ListGradesRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                FromYear = parsed.GetValue(from),
                ToYear = parsed.GetValue(to),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => Tables(console, response));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var year = new Option<int>("--year") { Description = "The year.", Required = true };
        var quarter = new Option<int>("--quarter") { Description = "1 to 4 for that quarter's grade; leave out for the annual grade." };
        var command = new Command("show", "Show one grade of an employee: a quarter's (--quarter) or the year's, with its comments and who recorded it.") { id, year, quarter };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var (employee, y, q) = (parsed.GetValue(id)!, parsed.GetValue(year), parsed.GetValue(quarter));
            if (q is < 0 or > 4)
            {
                throw new InputException($"--quarter {q} must be 1, 2, 3 or 4.");
            }

            var all = await client.Grading.ListGradesAsync(new ListGradesRequest { EmployeeId = employee, FromYear = y, ToYear = y }).ConfigureAwait(false);
            var one = new ListGradesResponse();
            one.Quarterly.Add(all.Quarterly.Where(g => q != 0 && g.Year == y && g.Quarter == q));
            one.Annual.Add(all.Annual.Where(g => q == 0 && g.Year == y));
            if (one.Quarterly.Count + one.Annual.Count == 0)
            {
                await globals.Context.Error.WriteLineAsync($"error: NotFound: no grade is recorded for {employee} in {(q == 0 ? $"{y}" : $"{y}Q{q}")}.").ConfigureAwait(false);
                return ExitCodes.Refused;
            }

            Render.Message(globals, parsed, one, console =>
            {
                foreach (var g in one.Quarterly)
                {
                    console.Write(QuarterlyFields(g));
                }

                foreach (var g in one.Annual)
                {
                    console.Write(AnnualFields(g));
                }
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command RecordQuarterly(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var year = new Option<int>("--year") { Description = "The year.", Required = true };
        var quarter = new Option<int>("--quarter") { Description = "1 to 4.", Required = true };
        var grade = new Option<string?>("--grade") { Description = $"One of {Values.Choices<QuarterlyGrade>()} (好, 较好, 一般, 较差)." };
        var (noGrade, comments, decidedOn) = Common();
        var department = new Option<string?>("--department") { Description = "The department grading; refused unless it is the person's assessing unit for the quarter (AS 第二十四条)." };
        var command = new Command("record",
            "Record one quarterly grade (季度考核等次) or no grade (不确定等次) with its reason; Good is capped at 40 % of the unit (AS 第八条).")
        {
            id, year, quarter, grade, noGrade, comments, decidedOn, department,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var request = new RecordQuarterlyGradeRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Year = parsed.GetValue(year),
                Quarter = parsed.GetValue(quarter),
                Comments = parsed.GetValue(comments)?.Trim() ?? string.Empty,
                DecidedOn = Args.OptionalDate(parsed.GetValue(decidedOn), "--decided-on"),
                DepartmentId = parsed.GetValue(department) ?? string.Empty,
            };
            if (Args.OneOf(parsed.GetValue(grade) is { Length: > 0 }, parsed.GetValue(noGrade) is { Length: > 0 }, "--grade", "--no-grade"))
            {
                request.Grade = Args.QuarterlyGrade(parsed.GetValue(grade), "--grade");
            }
            else
            {
                request.NoGrade = NoGradeOf(parsed.GetValue(noGrade), request.Comments);
            }

            var response = await client.Grading.RecordQuarterlyGradeAsync(request).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console =>
            {
                console.Write(QuarterlyFields(response.Record));
                QuotaCommands.Write(console, [response.GoodQuota], "Good 好 (AS 第八条)");
                ConsequenceTable.Write(console, response.FollowUps);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CorrectQuarterly(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var year = new Option<int>("--year") { Description = "The year.", Required = true };
        var quarter = new Option<int>("--quarter") { Description = "1 to 4.", Required = true };
        var grade = new Option<string>("--grade") { Description = $"The corrected grade: one of {Values.Choices<QuarterlyGrade>()} (好, 较好, 一般, 较差).", Required = true };
        var (reason, decidedOn) = CorrectionOptions();
        var command = new Command("correct",
            "Correct (更正) a recorded quarterly grade, with the reason: the first record stays in the history beside the correction; "
            + "a corrected Good takes the Good quota (AS 第八条), one corrected away gives it back. Not once the year is graded (复核、申诉: AS 第二十八条).")
        {
            id, year, quarter, grade, reason, decidedOn,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Grading.CorrectQuarterlyGradeAsync(new CorrectQuarterlyGradeRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Year = parsed.GetValue(year),
                Quarter = parsed.GetValue(quarter),
                Grade = Args.QuarterlyGrade(parsed.GetValue(grade), "--grade"),
                Reason = parsed.GetValue(reason)!.Trim(),
                DecidedOn = Args.OptionalDate(parsed.GetValue(decidedOn), "--decided-on"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console =>
            {
                console.WriteLine($"已更正 / corrected: was {Terms.Show(response.PreviousGrade)}.");
                console.Write(QuarterlyFields(response.Record));
                if (response.GoodQuota is not null)
                {
                    QuotaCommands.Write(console, [response.GoodQuota], "Good 好 (AS 第八条)");
                }

                ConsequenceTable.Write(console, response.FollowUps);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command RecordAnnual(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var year = new Option<int>("--year") { Description = "The year.", Required = true };
        var grade = new Option<string?>("--grade") { Description = $"One of {Values.Choices<AnnualGrade>()} (优秀, 称职, 基本称职, 不称职)." };
        var (noGrade, comments, decidedOn) = Common();
        var votesCast = new Option<int>("--votes-cast") { Description = "Democratic evaluation (民主测评): votes cast." };
        var votesIncompetent = new Option<int>("--votes-incompetent") { Description = "Democratic evaluation: votes for Incompetent or Poor (over 1/3, confirmed, forces Incompetent, AS 第十五条)." };
        var confirmed = new Option<bool>("--confirmed-by-organisation") { Description = "The organisation confirmed the evaluation (经组织审核认定)." };
        var cases = new Option<string[]>("--mandatory-incompetent")
        {
            Description = $"A case of AS 第十五条/第二十八条 forcing Incompetent; repeatable: {Values.Choices<MandatoryIncompetentCase>()}.",
        };
        var afterInvestigation = new Option<bool>("--set-after-investigation") { Description = "The grade is set afterwards (补定等次) after an investigation closed (AS 第二十六条)." };
        var command = new Command("record-annual",
            "Record an annual grade (年度考核等次) or no grade, with every consequence (AS 第十九条–第二十二条); Excellent needs its public notice (AS 第九条) and a quota place (AS 第十二条).")
        {
            id, year, grade, noGrade, comments, decidedOn, votesCast, votesIncompetent, confirmed, cases, afterInvestigation,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var request = new RecordAnnualGradeRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Year = parsed.GetValue(year),
                Comments = parsed.GetValue(comments)?.Trim() ?? string.Empty,
                DecidedOn = Args.OptionalDate(parsed.GetValue(decidedOn), "--decided-on"),
                SetAfterInvestigation = parsed.GetValue(afterInvestigation),
            };
            if (Args.OneOf(parsed.GetValue(grade) is { Length: > 0 }, parsed.GetValue(noGrade) is { Length: > 0 }, "--grade", "--no-grade"))
            {
                request.Grade = Args.AnnualGrade(parsed.GetValue(grade), "--grade");
            }
            else
            {
                request.NoGrade = NoGradeOf(parsed.GetValue(noGrade), request.Comments);
            }

            if (parsed.GetValue(votesCast) > 0 || parsed.GetValue(votesIncompetent) > 0 || parsed.GetValue(confirmed))
            {
                request.DemocraticEvaluation = new DemocraticEvaluation
                {
                    VotesCast = parsed.GetValue(votesCast),
                    VotesIncompetent = parsed.GetValue(votesIncompetent),
                    ConfirmedByOrganisation = parsed.GetValue(confirmed),
                };
            }

            request.MandatoryIncompetentCases.Add((parsed.GetValue(cases) ?? []).Select(c => Args.Enum<MandatoryIncompetentCase>(c, "--mandatory-incompetent")));
            var response = await client.Grading.RecordAnnualGradeAsync(request).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console =>
            {
                console.Write(AnnualFields(response.Record));
                QuotaCommands.Write(console, [response.ExcellentQuota], "Excellent 优秀 (AS 第十二条)");
                ConsequenceTable.Write(console, response.Consequences);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CorrectAnnual(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var year = new Option<int>("--year") { Description = "The year.", Required = true };
        var grade = new Option<string>("--grade") { Description = $"The corrected grade: one of {Values.Choices<AnnualGrade>()} (优秀, 称职, 基本称职, 不称职).", Required = true };
        var (reason, decidedOn) = CorrectionOptions();
        var command = new Command("correct-annual",
            "Correct (更正) a recorded annual grade, with the reason, outside review and appeal (复核、申诉: AS 第二十八条): the first record stays in the "
            + "history; the old grade's consequences are undone and the new grade's applied; Excellent needs its notice (AS 第九条) and takes the quota "
            + "(AS 第十二条), one corrected away gives it back. Not once a later year is graded, nor for a year reviewed or appealed.")
        {
            id, year, grade, reason, decidedOn,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Grading.CorrectAnnualGradeAsync(new CorrectAnnualGradeRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Year = parsed.GetValue(year),
                Grade = Args.AnnualGrade(parsed.GetValue(grade), "--grade"),
                Reason = parsed.GetValue(reason)!.Trim(),
                DecidedOn = Args.OptionalDate(parsed.GetValue(decidedOn), "--decided-on"),
            }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console =>
            {
                console.WriteLine($"已更正 / corrected: was {Terms.Show(response.PreviousGrade)}.");
                console.Write(AnnualFields(response.Record));
                if (response.ExcellentQuota is not null)
                {
                    QuotaCommands.Write(console, [response.ExcellentQuota], "Excellent 优秀 (AS 第十二条)");
                }

                ConsequenceTable.Write(console, response.Consequences);
                if (response.Withdrawn.Count > 0)
                {
                    console.WriteLine("不再适用 / withdrawn:");
                    ConsequenceTable.Write(console, response.Withdrawn);
                }
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The reason (required) and decision day a correction (更正) of a grade carries.</summary>
    private static (Option<string> Reason, Option<string?> DecidedOn) CorrectionOptions() =>
    (
        new Option<string>("--reason") { Description = "Why the recorded grade was wrong (更正理由, required).", Required = true },
        new Option<string?>("--decided-on") { Description = "The day of the correcting decision, yyyy-MM-dd. Defaults to today." }
    );

    private static Command ExcellentNotice(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var year = new Option<int>("--year") { Description = "The assessed year.", Required = true };
        var startedOn = new Option<string?>("--started-on") { Description = "First day of the notice, yyyy-MM-dd. Defaults to the server's today." };
        var command = new Command("excellent-notice",
            "Start the public notice (公示) of a proposed Excellent grade: at least 5 working days before it may be decided (AS 第九条).") { id, year, startedOn };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var request = new StartExcellentNoticeRequest
            {
                EmployeeId = parsed.GetValue(id)!,
                Year = parsed.GetValue(year),
                StartedOn = Args.OptionalDate(parsed.GetValue(startedOn), "--started-on"),
            };
            var response = await client.Grading.StartExcellentNoticeAsync(request).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(Render.Fields(
                ("employee", request.EmployeeId),
                ("year", request.Year.ToString()),
                ("notice started on", Values.Show(request.StartedOn)),
                ("earliest decision on", Values.Show(response.EarliestDecisionOn)))));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static (Option<string?> NoGrade, Option<string?> Comments, Option<string?> DecidedOn) Common() =>
    (
        new Option<string?>("--no-grade") { Description = $"No grade (不确定等次) and why: one of {Values.Choices<NoGradeReason>()}; other needs --comments." },
        new Option<string?>("--comments") { Description = "The comments (评语); for --no-grade other, the explanation." },
        new Option<string?>("--decided-on") { Description = "yyyy-MM-dd. Defaults to the server's today." }
    );

    private static NoGrade NoGradeOf(string? reason, string comments)
    {
        var why = Args.Enum<NoGradeReason>(reason, "--no-grade");
        return why == NoGradeReason.Other
            ? new NoGrade { Reason = why, Explanation = Args.Text(comments, "--comments", "no grade (不确定等次) for another reason (其他) is explained in the comments (AS 第八条, 第十条).") }
            : new NoGrade { Reason = why };
    }

    internal static void Tables(IAnsiConsole console, ListGradesResponse response)
    {
        var quarterly = Render.NewTable("year", "quarter", "grade", "pay %", "assessing unit", "decided on", "recorded by", "comments");
        foreach (var g in response.Quarterly)
        {
            quarterly.AddRow(Render.Cells(g.Year.ToString(), g.Quarter.ToString(), GradeOf(g), g.PayPercent.ToString(), g.DepartmentId, Values.Show(g.DecidedOn), g.RecordedBy, g.Comments));
        }

        var annual = Render.NewTable("year", "grade", "year counted", "under appeal", "assessing unit", "decided on", "recorded by", "comments");
        foreach (var g in response.Annual)
        {
            annual.AddRow(Render.Cells(g.Year.ToString(), GradeOf(g), YesNo(g.YearCounted), YesNo(g.UnderAppeal), g.DepartmentId, Values.Show(g.DecidedOn), g.RecordedBy, g.Comments));
        }

        console.Write(quarterly);
        console.Write(annual);
        console.WriteLine($"{response.Quarterly.Count} 个季度 / quarters, {response.Annual.Count} 个年度 / years.");
    }

    internal static Table QuarterlyFields(QuarterlyGradeRecord g) => Render.Fields(
        ("employee", g.EmployeeId),
        ("assessing unit", g.DepartmentId),
        ("year", g.Year.ToString()),
        ("quarter", g.Quarter.ToString()),
        ("grade", GradeOf(g)),
        ("pay %", g.PayPercent.ToString()),
        ("comments", g.Comments),
        ("decided on", Values.Show(g.DecidedOn)),
        ("recorded by", g.RecordedBy));

    internal static Table AnnualFields(AnnualGradeRecord g) => Render.Fields(
        ("employee", g.EmployeeId),
        ("assessing unit", g.DepartmentId),
        ("year", g.Year.ToString()),
        ("grade", GradeOf(g)),
        ("year counted", YesNo(g.YearCounted)),
        ("under appeal", YesNo(g.UnderAppeal)),
        ("set after investigation", YesNo(g.SetAfterInvestigation)),
        ("comments", g.Comments),
        ("decided on", Values.Show(g.DecidedOn)),
        ("recorded by", g.RecordedBy));

    private static string GradeOf(QuarterlyGradeRecord g) => g.OutcomeCase == QuarterlyGradeRecord.OutcomeOneofCase.Grade ? Terms.Show(g.Grade) : Terms.Show(g.NoGrade);

    private static string GradeOf(AnnualGradeRecord g) => g.OutcomeCase == AnnualGradeRecord.OutcomeOneofCase.Grade ? Terms.Show(g.Grade) : Terms.Show(g.NoGrade);

    private static string YesNo(bool value) => value ? "yes" : "no";
}
