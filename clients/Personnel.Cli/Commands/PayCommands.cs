using System.CommandLine;
using System.Globalization;
using Personnel.Api.V1;
using Personnel.Cli.Output;
using Spectre.Console;

namespace Personnel.Cli.Commands;

/// <summary><c>personnel pay coefficients|allocate</c>: performance pay (绩效工资, PM 第五条–第九条).</summary>
internal static class PayCommands
{
    public static Command Build(GlobalOptions globals) =>
        new("pay", "Performance pay (绩效工资): a person's coefficients and the allocation of the year's annual pool (PM 第五条–第九条).")
        {
            Coefficients(globals), Allocate(globals),
        };

    private static Command Coefficients(GlobalOptions globals)
    {
        var id = new Argument<string>("employee-id");
        var year = new Option<int>("--year") { Description = "The year.", Required = true };
        var command = new Command("coefficients",
            "Show a person's pay coefficients for a year (个人系数, 部门系数, 岗位系数; PM 第五条, 第八条), each quarter's share of quarterly performance pay, "
            + "and the attendance deductions and withholdings with their article (PM 第六条, 第七条, 第九条).")
        {
            id, year,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var c = await client.Pay.GetCoefficientsAsync(new GetCoefficientsRequest { EmployeeId = parsed.GetValue(id)!, Year = parsed.GetValue(year) }).ConfigureAwait(false);
            Render.Message(globals, parsed, c, console =>
            {
                console.Write(Render.Fields(
                    ("employee", c.EmployeeId),
                    ("year", c.Year.ToString(CultureInfo.InvariantCulture)),
                    ("personal coefficient", c.PersonalCoefficient),
                    ("department coefficient", c.DepartmentCoefficient),
                    ("post coefficient", c.PostCoefficient),
                    ("quarterly pay %", string.Join(", ", c.QuarterlyPayPercent)),
                    ("quarterly months withheld", string.Join(", ", c.QuarterlyMonthsWithheld)),
                    ("annual months withheld", c.AnnualMonthsWithheld.ToString(CultureInfo.InvariantCulture)),
                    ("withheld because", string.Join("\n", c.WithheldBecause))));
                if (c.Deductions.Count > 0)
                {
                    var table = Render.NewTable("period", "component", "unit", "quantity", "rule", "why");
                    foreach (var d in c.Deductions)
                    {
                        table.AddRow(Render.Cells(d.Period, Values.Show(d.Component), Values.Show(d.Unit), d.Quantity, d.Article, d.Reason));
                    }

                    console.Write(table);
                }
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Allocate(GlobalOptions globals)
    {
        var year = new Option<int>("--year") { Description = "The year whose annual performance pay is allocated.", Required = true };
        var total = new Option<string>("--total-pay") { Description = "The zone's total pay for the year, in yuan (e.g. 12345.67).", Required = true };
        var post = new Option<string>("--post-pay") { Description = "Post pay (岗位工资) paid, in yuan.", Required = true };
        var monthly = new Option<string>("--monthly-performance") { Description = "Monthly performance pay (月绩效) paid, in yuan.", Required = true };
        var quarterly = new Option<string>("--quarterly-performance") { Description = "Quarterly performance pay (季度绩效) paid, in yuan.", Required = true };
        var coefficients = new Option<string[]>("--post-coefficient")
        {
            Description = "POST=COEFFICIENT, e.g. staff=1.2 (岗位系数); repeatable. Posts not given take the policy profile's.",
        };
        var command = new Command("allocate",
            "Allocate the year's annual performance pool (年度绩效, PM 第五条, 第八条): pool = total − post pay − monthly − quarterly performance; "
            + "each department's share by its coefficient, each person's by personal × post coefficient. Records nothing.")
        {
            year, total, post, monthly, quarterly, coefficients,
        };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var request = new AllocateAnnualPerformancePayRequest
            {
                Year = parsed.GetValue(year),
                TotalPay = Money(parsed.GetValue(total), "--total-pay"),
                PostPay = Money(parsed.GetValue(post), "--post-pay"),
                MonthlyPerformance = Money(parsed.GetValue(monthly), "--monthly-performance"),
                QuarterlyPerformance = Money(parsed.GetValue(quarterly), "--quarterly-performance"),
            };
            foreach (var pair in parsed.GetValue(coefficients) ?? [])
            {
                var (key, value) = PostCoefficient(pair);
                request.PostCoefficients[key] = value;
            }

            var response = await client.Pay.AllocateAnnualPerformancePayAsync(request).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => Write(console, response));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Write(IAnsiConsole console, AllocateAnnualPerformancePayResponse response)
    {
        console.WriteLine($"年度绩效总额 / pool: {response.Pool?.Yuan}");
        var departments = Render.NewTable("department", "tier", "department coefficient", "amount", "undistributed");
        var people = Render.NewTable("department", "employee", "personal coefficient", "post coefficient", "amount", "annual months withheld", "withheld", "withheld because");
        foreach (var d in response.Departments)
        {
            departments.AddRow(Render.Cells(d.DepartmentId, d.Tier == DepartmentTier.Unspecified ? string.Empty : ((int)d.Tier).ToString(CultureInfo.InvariantCulture),
                d.DepartmentCoefficient, d.Amount?.Yuan ?? string.Empty, d.Undistributed?.Yuan ?? string.Empty));
            foreach (var p in d.People)
            {
                people.AddRow(Render.Cells(d.DepartmentId, p.EmployeeId, p.PersonalCoefficient, p.PostCoefficient, p.Amount?.Yuan ?? string.Empty,
                    p.AnnualMonthsWithheld.ToString(CultureInfo.InvariantCulture), p.Withheld?.Yuan ?? string.Empty, string.Join("\n", p.WithheldBecause)));
            }
        }

        console.Write(departments);
        console.Write(people);
    }

    private static Money Money(string? text, string option) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan) && decimal.Round(yuan, 2) == yuan
            ? new Money { Yuan = text!.Trim() }
            : throw new InputException($"{option} \"{text}\" is not an amount in yuan with at most two decimals (e.g. 12345.67).");

    private static (string Post, string Coefficient) PostCoefficient(string pair)
    {
        var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !decimal.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var coefficient) || coefficient <= 0m)
        {
            throw new InputException($"--post-coefficient \"{pair}\" is not POST=COEFFICIENT with a positive decimal, e.g. staff=1.2.");
        }

        return (Args.Enum<Post>(parts[0], "--post-coefficient").ToString(), parts[1]);
    }
}
