using System.Text.Json;
using Personnel.Tests.Shared;

namespace Personnel.Cli.Tests;

/// <summary>
/// `personnel employee leave|absence|sanction|investigation open|close|ranking-place|sign-feedback` against a real
/// server: each record is read back where it has its effect (pay, grades, history), so a wrong kind, date or flag sent
/// would show; refusals print the rule.
/// </summary>
public sealed class RecordCommandTests(LiveServerFixture fixture) : IClassFixture<LiveServerFixture>
{
    private Task<CliHarness.Result> Admin(params string[] args) =>
        CliHarness.RunAsync(new Dictionary<string, string> { ["PERSONNEL_SERVER"] = fixture.Server.Address.ToString(), ["PERSONNEL_KEY"] = LiveServer.AdminKey }, args);

    [Fact]
    public async Task Leave_OverTenConsecutiveWorkingDays_IsDeductedByMonthNamingPm6_AndAnUnknownKindIsRefusedBeforeAnyCall()
    {
        await SetUpAsync("d-leave", "e-leave");

        var unknown = await Admin("employee", "leave", "e-leave", "--kind", "vacation", "--starts-on", "2023-07-03", "--ends-on", "2023-07-20");
        var recorded = await Admin("employee", "leave", "e-leave", "--kind", "personal", "--starts-on", "2023-07-03", "--ends-on", "2023-07-20");
        var pay = await Admin("pay", "coefficients", "e-leave", "--year", "2023");

        Assert.Equal(ExitCodes.BadInput, unknown.ExitCode);
        Assert.Contains("--kind \"vacation\" is not one of", unknown.Error);
        Assert.Contains("work-injury", unknown.Error);
        Assert.True(recorded.ExitCode == 0, recorded.Error);
        Assert.Contains("已记录 / recorded for e-leave; 0 consequence(s).", recorded.Out);
        Assert.Matches(@"│\s*2023-07\s*│\s*quarterly-performance\s*│\s*months\s*│\s*1\s*│\s*PM 第六条\s*│", pay.Out);
    }

    [Fact]
    public async Task Absence_OfTwentyConsecutiveDays_DismissesNamingAm18_WhileTwoDaysAreDeductedByDay()
    {
        await SetUpAsync("d-abs", "e-abs-long");
        await AppointAsync("e-abs-short", "d-abs");

        var shortOne = await Admin("employee", "absence", "e-abs-short", "--kind", "without-leave", "--starts-on", "2023-08-01", "--ends-on", "2023-08-02");
        var longOne = await Admin("employee", "absence", "e-abs-long", "--kind", "without-leave", "--starts-on", "2023-05-01", "--ends-on", "2023-05-20", "--json");
        var pay = await Admin("pay", "coefficients", "e-abs-short", "--year", "2023", "--json");

        Assert.True(shortOne.ExitCode == 0, shortOne.Error);
        Assert.Matches(@"聘任状态 / contract\s*│\s*正式聘任 appointed", shortOne.Out);
        Assert.True(longOne.ExitCode == 0, longOne.Error);
        using (var json = JsonDocument.Parse(longOne.Out))
        {
            var dismissed = Assert.Single(json.RootElement.GetProperty("consequences").EnumerateArray(), c => c.GetProperty("kind").GetString() == "Dismissed");
            Assert.Equal(("AM 第十八条", "2023-05-20"), (dismissed.GetProperty("article").GetString(), dismissed.GetProperty("effective_on").GetString()));
            Assert.Equal("CONTRACT_STATE_DISMISSED", json.RootElement.GetProperty("employee").GetProperty("state").GetString());
        }

        using var deductions = JsonDocument.Parse(pay.Out);
        Assert.Contains(deductions.RootElement.GetProperty("deductions").EnumerateArray(), d =>
            d.GetProperty("period").GetString() == "2023-08" && d.GetProperty("component").GetString() == "PAY_COMPONENT_POST_PAY"
            && d.GetProperty("unit").GetString() == "DEDUCTION_UNIT_DAYS" && d.GetProperty("quantity").GetString() == "2");
    }

    [Fact]
    public async Task Sanction_OfTheGovernmentAtDemerit_WithholdsTheAnnualPerformancePayNamingPm9()
    {
        await SetUpAsync("d-sanc", "e-sanc");

        var noReason = await Admin("employee", "sanction", "e-sanc", "--kind", "demerit", "--source", "government", "--starts-on", "2023-06-01", "--ends-on", "2024-05-31", "--reason", "");
        var recorded = await Admin("employee", "sanction", "e-sanc", "--kind", "demerit", "--source", "government", "--starts-on", "2023-06-01", "--ends-on", "2024-05-31",
            "--reason", "false figures in the 2023 road survey");
        var pay = await Admin("pay", "coefficients", "e-sanc", "--year", "2023");
        var grade = await Admin("grades", "record-annual", "e-sanc", "--year", "2023", "--grade", "competent", "--decided-on", "2024-01-10");

        Assert.Equal(ExitCodes.BadInput, noReason.ExitCode);
        Assert.True(recorded.ExitCode == 0, recorded.Error);
        Assert.Matches(@"个人系数 / personal coefficient\s*│\s*0", pay.Out);
        Assert.Matches(@"不发放原因 / withheld because\s*│\s*government sanction Demerit \(记过 or above\) \(PM 第九条\)", pay.Out);
        Assert.Equal(ExitCodes.Refused, grade.ExitCode);
        Assert.Contains("AS 第二十七条", grade.Error);
    }

    [Fact]
    public async Task Investigation_OpenBarsTheGrade_ClosedWithoutSanctionTheGradeIsSetAfterwards()
    {
        await SetUpAsync("d-inv", "e-inv");

        var opened = await Admin("employee", "investigation", "open", "e-inv", "--opened-on", "2023-09-01", "--reason", "complaint about permits");
        var barred = await Admin("grades", "record-annual", "e-inv", "--year", "2023", "--grade", "competent", "--decided-on", "2024-01-10");
        var closed = await Admin("employee", "investigation", "close", "e-inv", "--closed-on", "2024-02-01");
        var set = await Admin("grades", "record-annual", "e-inv", "--year", "2023", "--grade", "competent", "--decided-on", "2024-02-05", "--set-after-investigation", "--json");

        Assert.True(opened.ExitCode == 0, opened.Error);
        Assert.Equal(ExitCodes.Refused, barred.ExitCode);
        Assert.Contains("立案审查调查", barred.Error);
        Assert.Contains("AS 第二十六条", barred.Error);
        Assert.True(closed.ExitCode == 0, closed.Error);
        Assert.True(set.ExitCode == 0, set.Error);
        using var json = JsonDocument.Parse(set.Out);
        Assert.True(json.RootElement.GetProperty("record").GetProperty("set_after_investigation").GetBoolean());
        Assert.Equal("COMPETENT", json.RootElement.GetProperty("record").GetProperty("grade").GetString());
    }

    [Fact]
    public async Task RankingPlace_UnderTheGradeProfile_IsRefusedNamingTheRankingProfile()
    {
        await SetUpAsync("d-rank", "e-rank");

        var refused = await Admin("employee", "ranking-place", "e-rank", "--year", "2023", "--place", "3", "--group-size", "6", "--decided-on", "2023-12-05");

        Assert.Equal(ExitCodes.Refused, refused.ExitCode);
        Assert.Contains("weihai-2020", refused.Error);
        Assert.Contains("yangshahu-2020", refused.Error);
        Assert.Equal(string.Empty, refused.Out);
    }

    [Fact]
    public async Task SignFeedback_IsRecordedOnItsDay_AndBeforeTheDecisionIsRefusedNamingAs9()
    {
        await SetUpAsync("d-sign", "e-sign");
        Assert.Equal(0, (await Admin("grades", "record-annual", "e-sign", "--year", "2023", "--grade", "competent", "--decided-on", "2024-01-10")).ExitCode);

        var early = await Admin("employee", "sign-feedback", "e-sign", "--year", "2023", "--signed-on", "2024-01-09");
        var signed = await Admin("employee", "sign-feedback", "e-sign", "--year", "2023", "--signed-on", "2024-01-12");
        var history = await Admin("employee", "history", "e-sign", "--json");

        Assert.Equal(ExitCodes.Refused, early.ExitCode);
        Assert.Contains("AS 第九条", early.Error);
        Assert.True(signed.ExitCode == 0, signed.Error);
        Assert.Matches(@"员工编号 / employee\s*│\s*e-sign", signed.Out);
        using var json = JsonDocument.Parse(history.Out);
        var last = json.RootElement.GetProperty("entries").EnumerateArray().Last();
        Assert.Equal(("annual-feedback-signed", "2024-01-12"), (last.GetProperty("type").GetString(), last.GetProperty("occurred_on").GetString()));
    }

    private async Task SetUpAsync(string department, string employee)
    {
        var created = await Admin("department", "create", department, "--name", "Department " + department, "--created-on", "2019-01-01");
        Assert.True(created.ExitCode == 0, created.Error);
        await AppointAsync(employee, department);
    }

    private async Task AppointAsync(string id, string department)
    {
        var appointed = await Admin("employee", "appoint", id, "--name", "Name of " + id, "--department", department, "--post", "staff", "--grade-level", "6",
            "--starts-on", "2022-01-03", "--retirement-on", "2050-06-30", "--education", "bachelor",
            "--administrative-rank", "first-grade-staff", "--administrative-rank-since", "2015-01-01");
        Assert.True(appointed.ExitCode == 0, appointed.Error);
    }
}
