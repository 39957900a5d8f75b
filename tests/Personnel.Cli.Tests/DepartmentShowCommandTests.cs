using System.Text.Json;
using Personnel.Tests.Shared;

namespace Personnel.Cli.Tests;

/// <summary>
/// `personnel department show` against a real server: where each leadership adjustment (领导班子调整, AM 第十七条) went —
/// delivered to the head in the post at the order, discharged by a head appointed after it, or pending while the
/// department has no head — in the table and in `--json`.
/// </summary>
public sealed class DepartmentShowCommandTests(LiveServerFixture fixture) : IClassFixture<LiveServerFixture>
{
    private Dictionary<string, string> Env => new() { ["PERSONNEL_SERVER"] = fixture.Server.Address.ToString(), ["PERSONNEL_KEY"] = LiveServer.AdminKey };

    private Task<CliHarness.Result> Admin(params string[] args) => CliHarness.RunAsync(Env, args);

    [Fact]
    public async Task Show_NamesTheHeadTheAdjustmentWasDeliveredTo_AndTheDay_AndAYearWithoutOneShowsNoNames()
    {
        await DepartmentAsync("d-deliv");
        await AppointHeadAsync("e-deliv-head", "d-deliv", "2022-01-03");
        await AssessAsync("d-deliv", "2023", "3", "2024-01-20");
        await AssessAsync("d-deliv", "2024", "4", "2025-01-20");

        var year = await UntilAsync("d-deliv", y => y.GetProperty("year").GetInt32() == 2024 && y.GetProperty("leadership_adjustment_delivered_to").GetString() != "");
        var shown = await Admin("department", "show", "d-deliv");

        Assert.Equal(("e-deliv-head", ""), (year.GetProperty("leadership_adjustment_delivered_to").GetString(), year.GetProperty("leadership_adjustment_discharged_by").GetString()));
        Assert.Equal((2025, 1, 20), Date(year.GetProperty("leadership_adjustment_settled_on")));
        Assert.Equal(0, shown.ExitCode);
        Assert.Matches(@"│\s*年度 / year\s*│\s*部门等次 / tier\s*│\s*市级排名 / city rank\s*│\s*黄牌警告 / yellow card\s*│\s*领导班子调整 / leadership adjustment\s*│"
            + @"\s*送达 / delivered to\s*│\s*由新任正职履行 / discharged by\s*│\s*办结日期 / settled on\s*│", shown.Out);
        Assert.Matches(@"│\s*2024\s*│\s*4\s*│\s*none\s*│\s*yes\s*│\s*yes\s*│\s*e-deliv-head\s*│\s*│\s*2025-01-20\s*│", shown.Out);
        // The first yellow card alone orders no adjustment: no names, no date.
        Assert.Matches(@"│\s*2023\s*│\s*3\s*│\s*none\s*│\s*yes\s*│\s*no\s*│\s*│\s*│\s*│", shown.Out);
        Assert.DoesNotContain("pending", shown.Out);
    }

    [Fact]
    public async Task Show_AnAdjustmentWithNoHeadIsPendingWithItsOrderDate_ThenNamesTheHeadAppointedAfterItWhoDischargedIt()
    {
        await DepartmentAsync("d-vac");
        await AssessAsync("d-vac", "2022", "3", "2023-01-20");
        await AssessAsync("d-vac", "2023", "4", "2024-01-20");

        var waiting = await Admin("department", "show", "d-vac");
        var waitingJson = await Admin("department", "show", "d-vac", "--json");

        Assert.Equal(0, waiting.ExitCode);
        Assert.Matches(@"│\s*2023\s*│\s*4\s*│\s*none\s*│\s*yes\s*│\s*yes\s*│\s*│\s*│\s*pending\s*│", waiting.Out);
        Assert.Matches(@"│\s*待办领导班子调整 \(年度\) / pending leadership adjustment \(year\)\s*│\s*决定日期 / ordered on\s*│", waiting.Out);
        Assert.Matches(@"│\s*2023\s*│\s*2024-01-20\s*│", waiting.Out);
        using (var json = JsonDocument.Parse(waitingJson.Out))
        {
            var department = json.RootElement.GetProperty("department");
            var pending = Assert.Single(department.GetProperty("pending_leadership_adjustments").EnumerateArray());
            Assert.Equal((2023, (2024, 1, 20)), (pending.GetProperty("year").GetInt32(), Date(pending.GetProperty("ordered_on"))));
            var year = department.GetProperty("assessments").EnumerateArray().Single(a => a.GetProperty("year").GetInt32() == 2023);
            Assert.Equal(("", ""), (year.GetProperty("leadership_adjustment_delivered_to").GetString(), year.GetProperty("leadership_adjustment_discharged_by").GetString()));
        }

        // A head appointed after the order: the appointment is the adjustment and discharges it (AM 第十七条).
        await AppointHeadAsync("e-vac-head", "d-vac", "2024-03-01");
        var settled = await UntilAsync("d-vac", y => y.GetProperty("year").GetInt32() == 2023 && y.GetProperty("leadership_adjustment_discharged_by").GetString() != "");
        var shown = await Admin("department", "show", "d-vac");
        using var after = JsonDocument.Parse((await Admin("department", "show", "d-vac", "--json")).Out);

        Assert.Equal(("", "e-vac-head"), (settled.GetProperty("leadership_adjustment_delivered_to").GetString(), settled.GetProperty("leadership_adjustment_discharged_by").GetString()));
        Assert.Equal((2024, 3, 1), Date(settled.GetProperty("leadership_adjustment_settled_on")));
        Assert.Empty(after.RootElement.GetProperty("department").GetProperty("pending_leadership_adjustments").EnumerateArray());
        Assert.Equal(0, shown.ExitCode);
        Assert.Matches(@"│\s*2023\s*│\s*4\s*│\s*none\s*│\s*yes\s*│\s*yes\s*│\s*│\s*e-vac-head\s*│\s*2024-03-01\s*│", shown.Out);
        Assert.DoesNotContain("pending", shown.Out);
    }

    /// <summary>Runs `department show --json` until an assessment year matches (the outbox settles it a moment after the commit).</summary>
    private async Task<JsonElement> UntilAsync(string department, Func<JsonElement, bool> settled)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var shown = await Admin("department", "show", department, "--json");
            Assert.True(shown.ExitCode == 0, shown.Error);
            using var json = JsonDocument.Parse(shown.Out);
            foreach (var year in json.RootElement.GetProperty("department").GetProperty("assessments").EnumerateArray())
            {
                if (settled(year))
                {
                    return year.Clone();
                }
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the leadership adjustment of {department} did not settle within 15 s");
        return default;
    }

    /// <summary>--json writes every date as an ISO string (docs/cli.md).</summary>
    private static (int Year, int Month, int Day) Date(JsonElement date)
    {
        var d = DateOnly.ParseExact(date.GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return (d.Year, d.Month, d.Day);
    }

    private async Task DepartmentAsync(string id)
    {
        var created = await Admin("department", "create", id, "--name", "Department " + id, "--created-on", "2019-01-01");
        Assert.True(created.ExitCode == 0, created.Error);
    }

    private async Task AssessAsync(string department, string year, string tier, string decidedOn)
    {
        var assessed = await Admin("department", "assess", department, "--year", year, "--tier", tier, "--decided-on", decidedOn);
        Assert.True(assessed.ExitCode == 0, assessed.Error);
    }

    private async Task AppointHeadAsync(string id, string department, string startsOn)
    {
        var appointed = await Admin("employee", "appoint", id, "--name", "Name of " + id, "--department", department, "--post", "department-head",
            "--grade-level", "4", "--starts-on", startsOn, "--retirement-on", "2045-06-30", "--education", "bachelor",
            "--administrative-rank", "division-head", "--administrative-rank-since", "2010-01-01");
        Assert.True(appointed.ExitCode == 0, appointed.Error);
    }
}
