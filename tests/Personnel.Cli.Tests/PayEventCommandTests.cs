using System.Text.Json;
using Personnel.Tests.Shared;

namespace Personnel.Cli.Tests;

/// <summary>
/// `personnel pay coefficients|allocate` and `personnel events watch` against a real server. The allocation is worked
/// by hand: one department, the whole pool, split by post coefficient; the watch reads recorded events, filters them,
/// and follows a new one as it is recorded.
/// </summary>
public sealed class PayEventCommandTests(LiveServerFixture fixture) : IClassFixture<LiveServerFixture>
{
    private Task<CliHarness.Result> Admin(params string[] args) =>
        CliHarness.RunAsync(new Dictionary<string, string> { ["PERSONNEL_SERVER"] = fixture.Server.Address.ToString(), ["PERSONNEL_KEY"] = LiveServer.AdminKey }, args);

    [Fact]
    public async Task Allocate_SplitsThePoolByPostCoefficient_WithTheCoefficientGivenOnTheCommandLine()
    {
        // 2020: the only department with staff that year is d-pay (the other tests of this class start in 2022).
        await DepartmentAsync("d-pay");
        await AppointAsync("e-pay-staff", "d-pay", "staff", "first-grade-staff", "2019-01-02");
        await AppointAsync("e-pay-deputy", "d-pay", "deputy-section-chief", "deputy-section", "2019-01-02");
        Assert.Equal(0, (await Admin("department", "assess", "d-pay", "--year", "2020", "--tier", "1", "--decided-on", "2021-01-05")).ExitCode);
        foreach (var id in new[] { "e-pay-staff", "e-pay-deputy" })
        {
            Assert.Equal(0, (await Admin("grades", "record-annual", id, "--year", "2020", "--grade", "competent", "--decided-on", "2021-01-10")).ExitCode);
        }

        string[] amounts = ["--total-pay", "1000000", "--post-pay", "400000", "--monthly-performance", "200000", "--quarterly-performance", "100000"];
        var badAmount = await Admin(["pay", "allocate", "--year", "2020", .. amounts[..^1], "100000.005"]);
        var badPost = await Admin(["pay", "allocate", "--year", "2020", .. amounts, "--post-coefficient", "chief=2"]);
        var table = await Admin(["pay", "allocate", "--year", "2020", .. amounts, "--post-coefficient", "staff=2"]);
        var json = await Admin(["pay", "allocate", "--year", "2020", .. amounts, "--post-coefficient", "staff=2", "--json"]);
        var coefficients = await Admin("pay", "coefficients", "e-pay-staff", "--year", "2020");

        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (badAmount.ExitCode, badPost.ExitCode));
        Assert.Contains("at most two decimals", badAmount.Error);
        Assert.Contains("--post-coefficient \"chief\" is not one of", badPost.Error);
        Assert.True(table.ExitCode == 0, table.Error);
        // Pool = 1,000,000 − 400,000 − 200,000 − 100,000; staff 1.0 × 2 against deputy 1.0 × 1 (PM 第五条, 第八条).
        Assert.Contains("年度绩效总额 / pool: 300000.00", table.Out);
        Assert.Matches(@"│\s*d-pay\s*│\s*1\s*│\s*1\.1\s*│\s*300000\.00\s*│\s*0\.00\s*│", table.Out);
        Assert.Matches(@"│\s*d-pay\s*│\s*e-pay-staff\s*│\s*1\.0\s*│\s*2\.0\s*│\s*200000\.00\s*│", table.Out);
        Assert.Matches(@"│\s*d-pay\s*│\s*e-pay-deputy\s*│\s*1\.0\s*│\s*1\.0\s*│\s*100000\.00\s*│", table.Out);
        using var document = JsonDocument.Parse(json.Out);
        var department = Assert.Single(document.RootElement.GetProperty("departments").EnumerateArray());
        Assert.Equal("DEPARTMENT_TIER_1", department.GetProperty("tier").GetString());
        Assert.Equal("300000.00", document.RootElement.GetProperty("pool").GetProperty("yuan").GetString());
        Assert.Matches(@"个人系数 / personal coefficient\s*│\s*1\.0", coefficients.Out);
        Assert.Matches(@"部门系数 / department coefficient\s*│\s*1\.1", coefficients.Out);
        Assert.Matches(@"岗位系数 / post coefficient\s*│\s*1\.0", coefficients.Out);
    }

    [Fact]
    public async Task Watch_PrintsTheRecordedEvents_FiltersThem_AndFollowsANewOneAsItIsRecorded()
    {
        await DepartmentAsync("d-ev");
        await AppointAsync("e-ev", "d-ev", "staff", "first-grade-staff", "2022-01-03");

        var table = await Admin("events", "watch", "--department", "d-ev", "--limit", "3");
        var appointed = await Admin("events", "watch", "--department", "d-ev", "--type", "employee-appointed", "--until-idle", "3", "--json");

        Assert.True(table.ExitCode == 0, table.Error);
        var lines = table.Out.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("序号 / position │ 发生日期 / occurred on │ 对象 / stream │ 事项 / type │ 记录人 / recorded by │ 详情 / details", lines[0]);
        Assert.Matches(@"^\d+ │ 2019-01-01 │ department:d-ev │ department-created │ admin │ \{", lines[1]);
        Assert.Matches(@"^\d+ │ 2022-01-03 │ employee:e-ev │ employee-appointed │ admin │ \{", lines[3]);
        Assert.True(appointed.ExitCode == 0, appointed.Error);
        var events = appointed.Out.TrimEnd().Split('\n').Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var only = Assert.Single(events);
        Assert.Equal(("employee:e-ev", "employee-appointed", "2022-01-03"), (only.GetProperty("stream_id").GetString(), only.GetProperty("type").GetString(), only.GetProperty("occurred_on").GetString()));

        // Follow: start after the last event printed, then record one; the watch prints it and stops at --limit 1.
        var after = only.GetProperty("position").GetString()!;
        var watching = Admin("events", "watch", "--department", "d-ev", "--after", after, "--limit", "1", "--json");
        await Task.Delay(300);
        Assert.Equal(0, (await Admin("employee", "leave", "e-ev", "--kind", "annual", "--starts-on", "2023-08-07", "--ends-on", "2023-08-11")).ExitCode);
        var followed = await watching.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(followed.ExitCode == 0, followed.Error);
        using var next = JsonDocument.Parse(followed.Out.Trim());
        Assert.Equal("employee:e-ev", next.RootElement.GetProperty("stream_id").GetString());
        Assert.Equal("2023-08-07", next.RootElement.GetProperty("occurred_on").GetString());
        Assert.True(long.Parse(next.RootElement.GetProperty("position").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(after, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Watch_WithAnUnknownKey_PrintsNothingOnStdout_AndExitsNotAllowed()
    {
        var refused = await CliHarness.RunAsync(new Dictionary<string, string> { ["PERSONNEL_SERVER"] = fixture.Server.Address.ToString(), ["PERSONNEL_KEY"] = "k0.unknown" },
            "events", "watch", "--limit", "1");

        Assert.Equal(ExitCodes.NotAllowed, refused.ExitCode);
        Assert.Equal(string.Empty, refused.Out);
        Assert.Contains("error: Unauthenticated:", refused.Error);
    }

    private async Task DepartmentAsync(string id)
    {
        var created = await Admin("department", "create", id, "--name", "Department " + id, "--created-on", "2019-01-01");
        Assert.True(created.ExitCode == 0, created.Error);
    }

    private async Task AppointAsync(string id, string department, string post, string rank, string startsOn)
    {
        var appointed = await Admin("employee", "appoint", id, "--name", "Name of " + id, "--department", department, "--post", post, "--grade-level", "6",
            "--starts-on", startsOn, "--retirement-on", "2050-06-30", "--education", "bachelor",
            "--administrative-rank", rank, "--administrative-rank-since", "2012-01-01");
        Assert.True(appointed.ExitCode == 0, appointed.Error);
    }
}
