using System.Text.Json;
using Personnel.Tests.Shared;

namespace Personnel.Cli.Tests;

/// <summary>
/// `personnel employee promote|trial-outcome|probation-outcome|renew|decline-renewal|rotate|separate|history|tenure`
/// against a real server: what the table and `--json` show is what the service recorded (read back through another
/// command), a refusal prints the rule, and bad input is refused before any call.
/// </summary>
public sealed class ContractCommandTests(LiveServerFixture fixture) : IClassFixture<LiveServerFixture>
{
    private Dictionary<string, string> Env(string key) => new() { ["PERSONNEL_SERVER"] = fixture.Server.Address.ToString(), ["PERSONNEL_KEY"] = key };

    private Task<CliHarness.Result> Admin(params string[] args) => CliHarness.RunAsync(Env(LiveServer.AdminKey), args);

    [Fact]
    public async Task Promote_StartsTheOneYearTrial_AndAFailedTrialReturnsThePersonToTheGradeHeldBefore()
    {
        await DepartmentAsync("d-prom");
        await AppointAsync("e-prom", "d-prom", "2022-01-03");

        var promoted = await Admin("employee", "promote", "e-prom", "--post", "deputy-section-chief", "--grade-level", "5", "--step", "2", "--starts-on", "2023-03-01");
        var json = await JsonAsync("employee", "show", "e-prom");

        Assert.True(promoted.ExitCode == 0, promoted.Error);
        Assert.Matches(@"聘任状态 / contract\s*│\s*提拔任职试用期 in-promotion-trial", promoted.Out);
        Assert.Matches(@"岗位等级 / post level\s*│\s*deputy-section-chief 5/2", promoted.Out);
        Assert.Matches(@"提拔试用期满 / trial ends\s*│\s*2024-02-29", promoted.Out);
        var employee = json.RootElement.GetProperty("employee");
        Assert.Equal("CONTRACT_STATE_IN_PROMOTION_TRIAL", employee.GetProperty("state").GetString());
        Assert.Equal("POST_DEPUTY_SECTION_CHIEF", employee.GetProperty("post_level").GetProperty("post").GetString());
        Assert.Equal("2024-02-29", employee.GetProperty("trial_ends_on").GetString());

        var both = await Admin("employee", "trial-outcome", "e-prom", "--passed", "--failed", "--reason", "x");
        var noReason = await Admin("employee", "trial-outcome", "e-prom", "--failed", "--decided-on", "2024-03-01");
        var early = await Admin("employee", "trial-outcome", "e-prom", "--passed", "--decided-on", "2023-09-01");
        var failed = await Admin("employee", "trial-outcome", "e-prom", "--failed", "--reason", "the section's targets were missed", "--decided-on", "2024-03-01", "--json");
        var level = await Admin("post-level", "e-prom", "--as-of", "2024-03-02");

        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (both.ExitCode, noReason.ExitCode));
        Assert.Contains("exactly one of --passed and --failed", both.Error);
        Assert.Contains("--reason is empty", noReason.Error);
        Assert.Equal(ExitCodes.Refused, early.ExitCode);
        Assert.Contains("AM 第十三条", early.Error);
        Assert.True(failed.ExitCode == 0, failed.Error);
        using var after = JsonDocument.Parse(failed.Out);
        Assert.Equal("CONTRACT_STATE_APPOINTED", after.RootElement.GetProperty("employee").GetProperty("state").GetString());
        Assert.Equal("POST_STAFF", after.RootElement.GetProperty("employee").GetProperty("post_level").GetProperty("post").GetString());
        Assert.Matches(@"岗位 / post\s*│\s*staff", level.Out);
    }

    [Fact]
    public async Task Promote_PastTheEligibilityConditions_IsRefusedNamingAm5_AndWithTheCommitteesWaiverShowsIt()
    {
        await DepartmentAsync("d-waive");
        await AppointAsync("e-waive", "d-waive", "2022-01-03");
        string[] promote = ["employee", "promote", "e-waive", "--post", "section-chief", "--grade-level", "4", "--starts-on", "2023-03-01"];

        var refused = await Admin(promote);
        var half = await Admin([.. promote, "--eligibility-waived-by", "zone committee"]);
        var waived = await Admin([.. promote, "--eligibility-waived-by", "zone committee meeting 2023-02", "--eligibility-waiver-reason", "led the flood response"]);

        Assert.Equal(ExitCodes.Refused, refused.ExitCode);
        Assert.Contains("AM 第五条", refused.Error);
        Assert.Equal(ExitCodes.BadInput, half.ExitCode);
        Assert.True(waived.ExitCode == 0, waived.Error);
        Assert.Matches(@"资格条件放宽 / eligibility waived\s*│\s*section-chief by zone committee meeting 2023-02 on 2023-03-01 \([^)]+\): led the flood response", waived.Out);
    }

    [Fact]
    public async Task ProbationOutcome_PassedAppointsFormally_FailedCancelsTheAppointment()
    {
        await DepartmentAsync("d-prob");
        await AppointAsync("e-prob-ok", "d-prob", "2025-01-06", "--method", "open-recruitment");
        await AppointAsync("e-prob-no", "d-prob", "2025-01-06", "--method", "open-recruitment");

        var passed = await Admin("employee", "probation-outcome", "e-prob-ok", "--passed", "--decided-on", "2025-07-07");
        var failed = await Admin("employee", "probation-outcome", "e-prob-no", "--failed", "--reason", "missed the duties of the post", "--decided-on", "2025-07-07");

        Assert.True(passed.ExitCode == 0, passed.Error);
        Assert.Matches(@"聘任状态 / contract\s*│\s*正式聘任 appointed", passed.Out);
        Assert.Matches(@"试用期满 / probation ends\s*│\s*2025-07-05", passed.Out);
        Assert.True(failed.ExitCode == 0, failed.Error);
        Assert.Matches(@"聘任状态 / contract\s*│\s*取消聘任 probation-failed", failed.Out);
        Assert.Equal("CONTRACT_STATE_PROBATION_FAILED", (await JsonAsync("employee", "show", "e-prob-no")).RootElement.GetProperty("employee").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Renew_StartsTheNextTerm_DeclineEndsTheContractWithTheTerm_AndAnEarlyDecisionIsRefused()
    {
        await DepartmentAsync("d-renew");
        await AppointAsync("e-renew", "d-renew", "2022-01-03");
        await AppointAsync("e-decline", "d-renew", "2022-01-03");

        var early = await Admin("employee", "renew", "e-renew", "--decided-on", "2024-09-01");
        var renewed = await Admin("employee", "renew", "e-renew", "--decided-on", "2024-10-10");
        var noReason = await Admin("employee", "decline-renewal", "e-decline", "--reason", "  ", "--decided-on", "2024-10-10");
        var declined = await Admin("employee", "decline-renewal", "e-decline", "--reason", "post abolished in the restructuring", "--decided-on", "2024-10-10", "--json");

        Assert.Equal(ExitCodes.Refused, early.ExitCode);
        Assert.Contains("AM 第九条", early.Error);
        Assert.Equal(string.Empty, early.Out);
        Assert.True(renewed.ExitCode == 0, renewed.Error);
        Assert.Matches(@"聘期序号 / term number\s*│\s*2", renewed.Out);
        Assert.Matches(@"聘期 / term\s*│\s*2025-01-03 to 2028-01-02", renewed.Out);
        Assert.Equal(ExitCodes.BadInput, noReason.ExitCode);
        Assert.True(declined.ExitCode == 0, declined.Error);
        using var json = JsonDocument.Parse(declined.Out);
        Assert.Equal("CONTRACT_STATE_NOT_RENEWED", json.RootElement.GetProperty("employee").GetProperty("state").GetString());
        Assert.Equal("2025-01-02", json.RootElement.GetProperty("employee").GetProperty("term_ends_on").GetString());
    }

    [Fact]
    public async Task Rotate_MovesThePersonToTheNewDepartmentAndPost_AndAMissingDepartmentIsRefusedNamingAm2()
    {
        await DepartmentAsync("d-rot-a");
        await DepartmentAsync("d-rot-b");
        await AppointAsync("e-rot", "d-rot-a", "2022-01-03");

        var missing = await Admin("employee", "rotate", "e-rot", "--to-department", "d-rot-nowhere", "--post", "staff", "--grade-level", "6", "--starts-on", "2023-02-01");
        var rotated = await Admin("employee", "rotate", "e-rot", "--to-department", "d-rot-b", "--post", "staff", "--grade-level", "6", "--step", "4", "--starts-on", "2023-02-01");

        Assert.Equal(ExitCodes.Refused, missing.ExitCode);
        Assert.Contains("AM 第二条", missing.Error);
        Assert.True(rotated.ExitCode == 0, rotated.Error);
        Assert.Matches(@"部门 / department\s*│\s*d-rot-b", rotated.Out);
        Assert.Matches(@"岗位等级 / post level\s*│\s*staff 6/4", rotated.Out);
        Assert.Equal("d-rot-b", (await JsonAsync("employee", "show", "e-rot")).RootElement.GetProperty("employee").GetProperty("department_id").GetString());
    }

    [Fact]
    public async Task Separate_RecordsTheKind_AndADismissalNeedsItsCauseAndReasonBeforeAnyCall()
    {
        await DepartmentAsync("d-sep");
        await AppointAsync("e-quit", "d-sep", "2022-01-03");
        await AppointAsync("e-fired", "d-sep", "2022-01-03");

        var noCause = await Admin("employee", "separate", "e-fired", "--kind", "dismissal", "--reason", "expelled", "--effective-on", "2024-05-01");
        var causeWithoutDismissal = await Admin("employee", "separate", "e-quit", "--kind", "resignation", "--dismissal-cause", "expelled");
        var resigned = await Admin("employee", "separate", "e-quit", "--kind", "resignation", "--effective-on", "2024-05-01");
        var dismissed = await Admin("employee", "separate", "e-fired", "--kind", "dismissal", "--dismissal-cause", "breaks-rules-unreformed",
            "--reason", "repeated breaches of the attendance rules after two talks", "--effective-on", "2024-05-01", "--json");

        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (noCause.ExitCode, causeWithoutDismissal.ExitCode));
        Assert.Contains("--dismissal-cause", noCause.Error);
        Assert.Contains("AM 第十八条", noCause.Error);
        Assert.True(resigned.ExitCode == 0, resigned.Error);
        Assert.Matches(@"聘任状态 / contract\s*│\s*辞职 resigned", resigned.Out);
        Assert.True(dismissed.ExitCode == 0, dismissed.Error);
        using var json = JsonDocument.Parse(dismissed.Out);
        Assert.Equal("CONTRACT_STATE_DISMISSED", json.RootElement.GetProperty("employee").GetProperty("state").GetString());
    }

    [Fact]
    public async Task History_ListsEveryRecordOldestFirst_AndAfterVersionSkipsTheEarlierOnes()
    {
        await DepartmentAsync("d-hist");
        await AppointAsync("e-hist", "d-hist", "2022-01-03");
        Assert.Equal(0, (await Admin("employee", "promote", "e-hist", "--post", "deputy-section-chief", "--grade-level", "5", "--starts-on", "2023-03-01")).ExitCode);

        var table = await Admin("employee", "history", "e-hist");
        var all = await JsonAsync("employee", "history", "e-hist");
        var later = await JsonAsync("employee", "history", "e-hist", "--after-version", "2");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("事项 / type", table.Out);
        Assert.Matches(@"│\s*2\s*│\s*2022-01-03\s*│\s*employee-appointed\s*│[^│]*│\s*admin\s*│", table.Out);
        var entries = all.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(entries.Select(e => long.Parse(e.GetProperty("version").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).Order(), entries.Select(e => long.Parse(e.GetProperty("version").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(entries, e => e.GetProperty("occurred_on").GetString() == "2023-03-01");
        Assert.Matches(@"\d+ 条 / entries\.", table.Out);
        var laterVersions = later.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("version").GetString()).ToList();
        Assert.Equal(entries.Count - 2, laterVersions.Count);
        Assert.DoesNotContain("2", laterVersions);
    }

    [Fact]
    public async Task Tenure_ShowsTheYearNotCountedWithItsArticle_AndThePromotionFreeze()
    {
        await DepartmentAsync("d-ten");
        await AppointAsync("e-ten", "d-ten", "2022-01-03");
        Assert.Equal(0, (await Admin("grades", "record-annual", "e-ten", "--year", "2022", "--grade", "basically-competent", "--decided-on", "2023-01-10")).ExitCode);

        var table = await Admin("employee", "tenure", "e-ten", "--as-of", "2023-06-01");
        var json = await JsonAsync("employee", "tenure", "e-ten", "--as-of", "2023-06-01");

        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"计算年限 / counted years\s*│\s*0", table.Out);
        Assert.Matches(@"晋升冻结至 / promotion frozen until\s*│\s*2024-01-10", table.Out);
        Assert.Matches(@"│\s*2022\s*│\s*staff 6/1\s*│\s*BasicallyCompetent 基本称职 \(AS 第二十条\)", table.Out);
        Assert.Equal("2023-06-01", json.RootElement.GetProperty("as_of").GetString());
        Assert.Equal(2022, json.RootElement.GetProperty("uncounted_years")[0].GetProperty("year").GetInt32());
    }

    private async Task<JsonDocument> JsonAsync(params string[] args)
    {
        var result = await Admin([.. args, "--json"]);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out);
    }

    private async Task DepartmentAsync(string id)
    {
        var created = await Admin("department", "create", id, "--name", "Department " + id, "--created-on", "2019-01-01");
        Assert.True(created.ExitCode == 0, created.Error);
    }

    private async Task AppointAsync(string id, string department, string startsOn, params string[] more)
    {
        var appointed = await Admin([
            "employee", "appoint", id, "--name", "Name of " + id, "--department", department, "--post", "staff", "--grade-level", "6",
            "--starts-on", startsOn, "--retirement-on", "2050-06-30", "--education", "bachelor",
            "--administrative-rank", "first-grade-staff", "--administrative-rank-since", "2015-01-01", .. more]);
        Assert.True(appointed.ExitCode == 0, appointed.Error);
    }
}
