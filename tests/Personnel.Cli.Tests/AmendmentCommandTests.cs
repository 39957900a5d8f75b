using System.Text.Json;
using Personnel.Tests.Shared;

namespace Personnel.Cli.Tests;

/// <summary>
/// `personnel employee open-renewal|change-post|secondment|health-incapacity|qualifications` and
/// `personnel department correct-assessment` against a real server: the table shows what the service answered, `--json`
/// its proto JSON, a refusal the service's rule on stderr with its exit code, and bad input is refused before any call.
/// </summary>
public sealed class AmendmentCommandTests(LiveServerFixture fixture) : IClassFixture<LiveServerFixture>
{
    private Dictionary<string, string> Env(string key) => new() { ["PERSONNEL_SERVER"] = fixture.Server.Address.ToString(), ["PERSONNEL_KEY"] = key };

    private Task<CliHarness.Result> Admin(params string[] args) => CliHarness.RunAsync(Env(LiveServer.AdminKey), args);

    [Fact]
    public async Task OpenRenewal_IsRefusedBeforeTheLast90Days_ThenOpensTheRenewal()
    {
        await DepartmentAsync("d-ren");
        await AppointAsync("e-ren", "d-ren", "2022-01-03");

        var early = await Admin("employee", "open-renewal", "e-ren", "--decided-on", "2024-10-03");
        var opened = await Admin("employee", "open-renewal", "e-ren", "--decided-on", "2024-10-04");
        var shown = await Admin("employee", "show", "e-ren", "--json");

        Assert.Equal(ExitCodes.Refused, early.ExitCode);
        Assert.Contains("error: FailedPrecondition:", early.Error);
        Assert.Contains("AM 第九条", early.Error);
        Assert.Equal(string.Empty, early.Out);
        Assert.Equal(0, opened.ExitCode);
        Assert.Contains("awaiting-renewal", opened.Out);
        Assert.Contains("2022-01-03 to 2025-01-02", opened.Out);
        using var json = JsonDocument.Parse(shown.Out);
        Assert.Equal("CONTRACT_STATE_AWAITING_RENEWAL", json.RootElement.GetProperty("employee").GetProperty("state").GetString());
    }

    [Fact]
    public async Task ChangePost_ShowsTheNewPostLevel_AndAnEmptyReasonOrUnknownPostIsRefusedBeforeAnyCall()
    {
        await DepartmentAsync("d-post");
        await AppointAsync("e-post", "d-post", "2022-01-03");
        var before = await VersionAsync("e-post");

        var noReason = await Admin("employee", "change-post", "e-post", "--post", "staff", "--grade-level", "7", "--reason", " ", "--effective-on", "2023-05-02");
        var badPost = await Admin("employee", "change-post", "e-post", "--post", "chief", "--grade-level", "7", "--reason", "merger", "--effective-on", "2023-05-02");
        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (noReason.ExitCode, badPost.ExitCode));
        Assert.Contains("--reason", noReason.Error);
        Assert.Contains("--post \"chief\" is not one of", badPost.Error);
        Assert.Contains("deputy-section-chief", badPost.Error);
        Assert.Equal(before, await VersionAsync("e-post"));

        var changed = await Admin("employee", "change-post", "e-post", "--post", "staff", "--grade-level", "7", "--step", "5",
            "--reason", "section merged in the 2023 restructuring", "--effective-on", "2023-05-02");
        var level = await Admin("post-level", "e-post", "--as-of", "2023-06-01");

        Assert.Equal(0, changed.ExitCode);
        Assert.Contains("staff 7/5", changed.Out);
        Assert.Contains("2022-01-03 to 2025-01-02", changed.Out);
        Assert.Contains("2023-05-02", level.Out);
        Assert.Contains("staff", level.Out);
    }

    [Fact]
    public async Task Secondment_NamesTheReceivingUnit_WhoseHrThenGradesTheSecondedQuarter_WhileTheHomeHrIsRefused()
    {
        await DepartmentAsync("d-home");
        await DepartmentAsync("d-host");
        var homeHr = await KeyAsync("hr", "d-home");
        var hostHr = await KeyAsync("hr", "d-host");
        await CliHarness.RunAsync(Env(homeHr), "employee", "appoint", "e-sec", "--name", "Wang Li", "--department", "d-home", "--post", "staff",
            "--grade-level", "7", "--starts-on", "2022-01-03", "--retirement-on", "2050-06-30", "--education", "bachelor",
            "--administrative-rank", "first-grade-staff", "--administrative-rank-since", "2022-01-03");

        var unknown = await CliHarness.RunAsync(Env(homeHr), "employee", "secondment", "e-sec", "--receiving-department", "d-nowhere",
            "--starts-on", "2024-04-01", "--ends-on", "2024-09-30");
        var badDate = await CliHarness.RunAsync(Env(homeHr), "employee", "secondment", "e-sec", "--receiving-department", "d-host",
            "--starts-on", "2024-04-31", "--ends-on", "2024-09-30");
        var seconded = await CliHarness.RunAsync(Env(homeHr), "employee", "secondment", "e-sec", "--receiving-department", "d-host",
            "--starts-on", "2024-04-01", "--ends-on", "2024-09-30", "--json");

        Assert.Equal(ExitCodes.Refused, unknown.ExitCode);
        Assert.Contains("d-nowhere", unknown.Error);
        Assert.Equal(ExitCodes.BadInput, badDate.ExitCode);
        Assert.Contains("--starts-on \"2024-04-31\" is not a date", badDate.Error);
        Assert.Equal(0, seconded.ExitCode);
        using (var json = JsonDocument.Parse(seconded.Out))
        {
            Assert.Equal("d-host", json.RootElement.GetProperty("assessing_department_id").GetString());
            Assert.Equal("d-home", json.RootElement.GetProperty("employee").GetProperty("department_id").GetString());
        }

        // The second quarter ends in the secondment: the receiving unit's HR imports its grade, the home unit's is refused (AS 第二十四条).
        var csv = Path.Combine(Path.GetTempPath(), $"seconded-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "employee_id,year,quarter,grade,decided_on\ne-sec,2024,2,fairly-good,2024-06-28\n");
        try
        {
            var byHome = await CliHarness.RunAsync(Env(homeHr), "grades", "import", csv, "--department", "d-home", "--json");
            var byHost = await CliHarness.RunAsync(Env(hostHr), "grades", "import", csv, "--department", "d-host");

            Assert.Equal(ExitCodes.Refused, byHome.ExitCode);
            using (var report = JsonDocument.Parse(byHome.Out))
            {
                var error = Assert.Single(report.RootElement.GetProperty("errors").EnumerateArray());
                Assert.Equal("PERMISSION_DENIED", error.GetProperty("code").GetString());
                Assert.Contains("AS 第二十四条", error.GetProperty("message").GetString());
                Assert.Contains("'d-host'", error.GetProperty("message").GetString());
                Assert.Equal(0, report.RootElement.GetProperty("recorded").GetInt32());
            }

            Assert.Equal(0, byHost.ExitCode);
            Assert.Contains("1 rows: 1 recorded, 0 already recorded, 0 rejected.", byHost.Out);
        }
        finally
        {
            File.Delete(csv);
        }

        var table = await CliHarness.RunAsync(Env(homeHr), "employee", "secondment", "e-sec", "--receiving-department", "d-host",
            "--starts-on", "2025-04-01", "--ends-on", "2025-06-30");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("graded meanwhile by", table.Out);
        Assert.Contains("2025-04-01", table.Out);
        Assert.Contains("d-host", table.Out);
    }

    [Fact]
    public async Task HealthIncapacity_OverOneYearAcrossAdjacentSpells_ShowsThePostAdjustmentDue()
    {
        await DepartmentAsync("d-sick");
        await AppointAsync("e-sick", "d-sick", "2022-01-03");

        var first = await Admin("employee", "health-incapacity", "e-sick", "--starts-on", "2023-01-01", "--ends-on", "2023-06-30", "--json");
        var second = await Admin("employee", "health-incapacity", "e-sick", "--starts-on", "2023-07-01", "--ends-on", "2024-01-15");
        var overlap = await Admin("employee", "health-incapacity", "e-sick", "--starts-on", "2023-03-01", "--ends-on", "2023-03-10");

        Assert.Equal(0, first.ExitCode);
        using (var json = JsonDocument.Parse(first.Out))
        {
            Assert.Empty(json.RootElement.GetProperty("consequences").EnumerateArray());
            Assert.Equal("e-sick", json.RootElement.GetProperty("employee").GetProperty("employee_id").GetString());
        }

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("PostAdjustmentDue", second.Out);
        Assert.Contains("AM 第十六条", second.Out);
        Assert.Contains("2024-01-15", second.Out);
        Assert.Equal(ExitCodes.Refused, overlap.ExitCode);
        Assert.Contains("error: FailedPrecondition:", overlap.Error);
        Assert.Contains("2023-01-01", overlap.Error);
        Assert.Equal(string.Empty, overlap.Out);
    }

    [Fact]
    public async Task Qualifications_ShowTheNewEarliestEligibilityForTheNextPost()
    {
        await DepartmentAsync("d-qual");
        var appointed = await Admin("employee", "appoint", "e-qual", "--name", "Li Na", "--department", "d-qual", "--post", "staff", "--grade-level", "7",
            "--starts-on", "2022-01-03", "--retirement-on", "2050-06-30", "--administrative-rank", "first-grade-staff",
            "--administrative-rank-since", "2022-01-03", "--education", "bachelor");
        Assert.Equal(0, appointed.ExitCode);

        var missing = await Admin("employee", "qualifications", "e-qual", "--administrative-rank", "deputy-section", "--administrative-rank-since", "2024-03-01");
        var recorded = await Admin("employee", "qualifications", "e-qual", "--administrative-rank", "deputy-section",
            "--administrative-rank-since", "2024-03-01", "--education", "bachelor", "--recorded-on", "2024-03-01");

        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("--education", missing.Error);
        Assert.Equal(0, recorded.ExitCode);
        Assert.Contains("next post eligible on", recorded.Out);
        Assert.Contains("deputy-section since 2024-03-01", recorded.Out);
        Assert.Matches(@"next post eligible on\s*│\s*2024-03-01", recorded.Out);
    }

    [Fact]
    public async Task DepartmentCorrectAssessment_WithdrawsTheCardAndRescindsTheAdjustment_AndHrIsNotAllowed()
    {
        await DepartmentAsync("d-corr");
        Assert.Equal(0, (await Admin("department", "assess", "d-corr", "--year", "2023", "--tier", "3", "--decided-on", "2024-01-20")).ExitCode);
        var assessed = await Admin("department", "assess", "d-corr", "--year", "2024", "--tier", "4", "--decided-on", "2025-01-20");
        Assert.Matches(@"leadership adjustment\s*│\s*yes", assessed.Out);
        var hr = await KeyAsync("hr", "d-corr");

        var byHr = await CliHarness.RunAsync(Env(hr), "department", "correct-assessment", "d-corr", "--year", "2024", "--tier", "2", "--reason", "wrong department");
        var noReason = await Admin("department", "correct-assessment", "d-corr", "--year", "2024", "--tier", "2");
        var badTier = await Admin("department", "correct-assessment", "d-corr", "--year", "2024", "--tier", "5", "--reason", "recount");
        var corrected = await Admin("department", "correct-assessment", "d-corr", "--year", "2024", "--tier", "2",
            "--reason", "the township score was entered for the wrong department", "--decided-on", "2025-02-10");

        Assert.Equal(ExitCodes.NotAllowed, byHr.ExitCode);
        Assert.Contains("error: PermissionDenied:", byHr.Error);
        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (noReason.ExitCode, badTier.ExitCode));
        Assert.Contains("--reason", noReason.Error);
        Assert.Contains("--tier 5 must be 1, 2, 3 or 4.", badTier.Error);
        Assert.Equal(0, corrected.ExitCode);
        Assert.Matches(@"yellow card withdrawn\s*│\s*yes", corrected.Out);
        Assert.Matches(@"leadership adjustment rescinded\s*│\s*yes", corrected.Out);
        Assert.Contains("YellowCardWithdrawn", corrected.Out);
        Assert.Contains("AM 第十七条", corrected.Out);

        var shown = await Admin("department", "show", "d-corr", "--json");
        using var json = JsonDocument.Parse(shown.Out);
        var year = json.RootElement.GetProperty("department").GetProperty("assessments").EnumerateArray().Single(a => a.GetProperty("year").GetInt32() == 2024);
        Assert.Equal(("DEPARTMENT_TIER_2", false), (year.GetProperty("tier").GetString(), year.GetProperty("yellow_card").GetBoolean()));
    }

    private async Task DepartmentAsync(string id)
    {
        var created = await Admin("department", "create", id, "--name", "Department " + id, "--created-on", "2019-01-01");
        Assert.True(created.ExitCode == 0, created.Error);
    }

    private async Task AppointAsync(string id, string department, string startsOn)
    {
        var appointed = await Admin("employee", "appoint", id, "--name", "Name of " + id, "--department", department, "--post", "deputy-section-chief",
            "--grade-level", "6", "--starts-on", startsOn, "--retirement-on", "2050-06-30", "--education", "bachelor",
            "--administrative-rank", "deputy-section", "--administrative-rank-since", "2015-07-01");
        Assert.True(appointed.ExitCode == 0, appointed.Error);
    }

    private async Task<string> KeyAsync(string role, string department)
    {
        var created = await Admin("keys", "create", "--name", $"{role} {department}", "--role", role, "--department", department, "--token-only");
        Assert.True(created.ExitCode == 0, created.Error);
        return created.Out.Trim();
    }

    private async Task<long> VersionAsync(string employeeId)
    {
        using var json = JsonDocument.Parse((await Admin("employee", "show", employeeId, "--json")).Out);
        return long.Parse(json.RootElement.GetProperty("employee").GetProperty("version").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
