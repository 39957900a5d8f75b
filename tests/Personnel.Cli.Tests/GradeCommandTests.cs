using System.Text.Json;
using Personnel.Tests.Shared;

namespace Personnel.Cli.Tests;

/// <summary>
/// `personnel grades list|show|record|record-annual|excellent-notice|appeal file|resolve` and `department quotas`
/// against a real server: a department of five, one quarter's grades and the year's, read back by list, show and the
/// quotas, so a wrong period, grade or flag sent would show.
/// </summary>
public sealed class GradeCommandTests(LiveServerFixture fixture) : IClassFixture<LiveServerFixture>
{
    private Task<CliHarness.Result> Admin(params string[] args) =>
        CliHarness.RunAsync(new Dictionary<string, string> { ["PERSONNEL_SERVER"] = fixture.Server.Address.ToString(), ["PERSONNEL_KEY"] = LiveServer.AdminKey }, args);

    [Fact]
    public async Task RecordedQuarterlyGrades_AreListedAndShown_AndTheQuotaCountsTheGoods()
    {
        await DepartmentOfFiveAsync("d-gq", "e-gq");

        var both = await Admin("grades", "record", "e-gq1", "--year", "2023", "--quarter", "1", "--grade", "good", "--no-grade", "probation");
        var otherWithoutWhy = await Admin("grades", "record", "e-gq1", "--year", "2023", "--quarter", "1", "--no-grade", "other");
        var otherUnit = await Admin("grades", "record", "e-gq1", "--year", "2023", "--quarter", "1", "--grade", "good", "--department", "d-elsewhere", "--decided-on", "2023-03-30");
        var good = await Admin("grades", "record", "e-gq1", "--year", "2023", "--quarter", "1", "--grade", "good", "--comments", "led the bridge inspection", "--decided-on", "2023-03-30");
        var unknown = await Admin("grades", "record", "e-gq2", "--year", "2023", "--quarter", "1", "--grade", "优秀", "--decided-on", "2023-03-30");
        var average = await Admin("grades", "record", "e-gq2", "--year", "2023", "--quarter", "1", "--grade", "一般", "--decided-on", "2023-03-30", "--json");
        Assert.Equal(0, (await Admin("employee", "leave", "e-gq3", "--kind", "sick", "--starts-on", "2023-01-03", "--ends-on", "2023-03-10")).ExitCode);
        var noGrade = await Admin("grades", "record", "e-gq3", "--year", "2023", "--quarter", "1", "--no-grade", "leave-over-half", "--comments", "sick from January", "--decided-on", "2023-03-30");
        var list = await Admin("grades", "list", "e-gq1");
        var show = await Admin("grades", "show", "e-gq3", "--year", "2023", "--quarter", "1", "--json");
        var nothing = await Admin("grades", "show", "e-gq4", "--year", "2023", "--quarter", "1");
        var quotas = await Admin("department", "quotas", "d-gq", "--year", "2023");

        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (both.ExitCode, otherWithoutWhy.ExitCode));
        Assert.Contains("exactly one of --grade and --no-grade", both.Error);
        Assert.Contains("--comments", otherWithoutWhy.Error);
        Assert.Equal(ExitCodes.Refused, otherUnit.ExitCode);
        Assert.Contains("AS 第二十四条", otherUnit.Error);
        Assert.True(good.ExitCode == 0, good.Error);
        Assert.Matches(@"等次 / grade\s*│\s*好 good", good.Out);
        Assert.Matches(@"│\s*d-gq\s*│\s*2023Q1\s*│\s*Good 好 \(AS 第八条\)\s*│\s*5\s*│\s*2\s*│\s*1\s*│\s*1\s*│", good.Out);
        Assert.Contains("AS 第十八条", good.Out);
        Assert.Equal(ExitCodes.BadInput, unknown.ExitCode);
        Assert.Contains("--grade \"优秀\" is not one of good, fairly-good, average, poor (好, 较好, 一般, 较差; AS 第八条).", unknown.Error);
        using (var json = JsonDocument.Parse(average.Out))
        {
            Assert.Equal(("AVERAGE", 20), (json.RootElement.GetProperty("record").GetProperty("grade").GetString(), json.RootElement.GetProperty("record").GetProperty("pay_percent").GetInt32()));
            Assert.Equal("2023-03-30", json.RootElement.GetProperty("record").GetProperty("decided_on").GetString());
        }

        Assert.True(noGrade.ExitCode == 0, noGrade.Error);
        Assert.Matches(@"等次 / grade\s*│\s*不确定等次: 病、事假超过一半 leave-over-half \(AS 第二十五条\)", noGrade.Out);
        Assert.Matches(@"│\s*2023\s*│\s*1\s*│\s*好 good\s*│\s*100\s*│\s*d-gq\s*│\s*2023-03-30\s*│\s*admin\s*│\s*led the bridge inspection\s*│", list.Out);
        Assert.Contains("1 个季度 / quarters, 0 个年度 / years.", list.Out);
        using (var json = JsonDocument.Parse(show.Out))
        {
            var record = Assert.Single(json.RootElement.GetProperty("quarterly").EnumerateArray());
            Assert.Equal("NO_GRADE_REASON_LEAVE_OVER_HALF", record.GetProperty("no_grade").GetProperty("reason").GetString());
            Assert.Equal("sick from January", record.GetProperty("comments").GetString());
            Assert.Empty(json.RootElement.GetProperty("annual").EnumerateArray());
        }

        Assert.Equal(ExitCodes.Refused, nothing.ExitCode);
        Assert.Contains("no grade is recorded for e-gq4 in 2023Q1", nothing.Error);
        // e-gq3's leave over half the quarter takes them out of those who may be graded (AS 第二十五条): 4 eligible, cap 1.
        Assert.Matches(@"│\s*d-gq\s*│\s*2023Q1\s*│\s*Good 好 \(AS 第八条\)\s*│\s*4\s*│\s*1\s*│\s*1\s*│\s*0\s*│", quotas.Out);
        Assert.Matches(@"│\s*d-gq\s*│\s*2023Q2\s*│\s*Good 好 \(AS 第八条\)\s*│\s*5\s*│\s*2\s*│\s*0\s*│\s*2\s*│", quotas.Out);
    }

    [Fact]
    public async Task AnExcellentGrade_NeedsItsNotice_ThenTakesTheTiersQuota_AndTheCommendationFollows()
    {
        await DepartmentOfFiveAsync("d-ge", "e-ge");
        Assert.Equal(0, (await Admin("department", "assess", "d-ge", "--year", "2023", "--tier", "1", "--decided-on", "2024-01-05")).ExitCode);
        Assert.Equal(0, (await Admin("grades", "record", "e-ge1", "--year", "2023", "--quarter", "1", "--grade", "good", "--decided-on", "2023-03-30")).ExitCode);

        var withoutNotice = await Admin("grades", "record-annual", "e-ge1", "--year", "2023", "--grade", "excellent", "--decided-on", "2024-01-10");
        var notice = await Admin("grades", "excellent-notice", "e-ge1", "--year", "2023", "--started-on", "2024-01-02");
        var excellent = await Admin("grades", "record-annual", "e-ge1", "--year", "2023", "--grade", "excellent", "--comments", "bridge inspection", "--decided-on", "2024-01-10");
        var quotas = await Admin("department", "quotas", "d-ge", "--year", "2023", "--json");
        var show = await Admin("grades", "show", "e-ge1", "--year", "2023");

        Assert.Equal(ExitCodes.Refused, withoutNotice.ExitCode);
        Assert.Contains("AS 第九条", withoutNotice.Error);
        Assert.True(notice.ExitCode == 0, notice.Error);
        Assert.Matches(@"最早决定日期 / earliest decision on\s*│\s*2024-01-09", notice.Out);
        Assert.True(excellent.ExitCode == 0, excellent.Error);
        Assert.Matches(@"等次 / grade\s*│\s*优秀 excellent", excellent.Out);
        Assert.Matches(@"│\s*d-ge\s*│\s*2023\s*│\s*Excellent 优秀 \(AS 第十二条\)\s*│\s*5\s*│\s*1\s*│\s*1\s*│\s*0\s*│", excellent.Out);
        Assert.Matches(@"Commendation\s*│\s*AS 第十九条", excellent.Out);
        using (var json = JsonDocument.Parse(quotas.Out))
        {
            var quota = json.RootElement.GetProperty("excellent");
            Assert.Equal((0, 1, 1), (quota.GetProperty("quarter").GetInt32(), quota.GetProperty("cap").GetInt32(), quota.GetProperty("granted").GetInt32()));
            Assert.Equal(4, json.RootElement.GetProperty("good").GetArrayLength());
        }

        Assert.Matches(@"计算年限 / year counted\s*│\s*yes", show.Out);
        Assert.Matches(@"评语 / comments\s*│\s*bridge inspection", show.Out);
    }

    [Fact]
    public async Task AnIncompetentGrade_IsReviewed_AndChangedOnResolution_WithItsConsequencesRecomputed()
    {
        await DepartmentOfFiveAsync("d-ga", "e-ga");
        var incompetent = await Admin("grades", "record-annual", "e-ga1", "--year", "2023", "--grade", "incompetent", "--votes-cast", "30", "--votes-incompetent", "12",
            "--confirmed-by-organisation", "--decided-on", "2024-01-10");
        Assert.True(incompetent.ExitCode == 0, incompetent.Error);
        Assert.Matches(@"Demoted\s*│\s*AS 第二十一条", incompetent.Out);

        var noReason = await Admin("grades", "appeal", "file", "e-ga1", "--year", "2023", "--kind", "review", "--reason", " ");
        var filed = await Admin("grades", "appeal", "file", "e-ga1", "--year", "2023", "--kind", "review", "--reason", "absences were approved leave", "--filed-on", "2024-01-15");
        var listed = await Admin("grades", "list", "e-ga1", "--from-year", "2023", "--to-year", "2023", "--json");
        var resolved = await Admin("grades", "appeal", "resolve", "e-ga1", "--year", "2023", "--changed-to", "基本称职",
            "--explanation", "two absences were approved leave", "--resolved-on", "2024-02-01");
        var level = await Admin("post-level", "e-ga1", "--as-of", "2024-02-02");

        Assert.Equal(ExitCodes.BadInput, noReason.ExitCode);
        Assert.True(filed.ExitCode == 0, filed.Error);
        Assert.Matches(@"复核/申诉中 / under appeal\s*│\s*yes", filed.Out);
        using (var json = JsonDocument.Parse(listed.Out))
        {
            Assert.True(json.RootElement.GetProperty("annual")[0].GetProperty("under_appeal").GetBoolean());
        }

        Assert.True(resolved.ExitCode == 0, resolved.Error);
        Assert.Contains("改变等次 / grade changed.", resolved.Out);
        Assert.Matches(@"等次 / grade\s*│\s*基本称职 basically-competent", resolved.Out);
        Assert.Matches(@"DemotionReversed\s*│\s*AS 第二十八条", resolved.Out);
        Assert.Matches(@"级 / grade level\s*│\s*6", level.Out);
    }

    [Fact]
    public async Task RecordAnnual_SendsTheMandatoryCasesAndTheDemocraticEvaluation_WhichForceIncompetentNamingAs15()
    {
        await DepartmentOfFiveAsync("d-gm", "e-gm");

        var badCase = await Admin("grades", "record-annual", "e-gm1", "--year", "2023", "--grade", "competent", "--mandatory-incompetent", "bribery");
        var byCase = await Admin("grades", "record-annual", "e-gm1", "--year", "2023", "--grade", "competent", "--mandatory-incompetent", "serious-corruption", "--decided-on", "2024-01-10");
        var byVotes = await Admin("grades", "record-annual", "e-gm2", "--year", "2023", "--grade", "competent", "--votes-cast", "30", "--votes-incompetent", "11",
            "--confirmed-by-organisation", "--decided-on", "2024-01-10");
        var unconfirmed = await Admin("grades", "record-annual", "e-gm3", "--year", "2023", "--grade", "称职", "--votes-cast", "30", "--votes-incompetent", "11", "--decided-on", "2024-01-10");

        Assert.Equal(ExitCodes.BadInput, badCase.ExitCode);
        Assert.Contains("serious-corruption", badCase.Error);
        Assert.Equal((ExitCodes.Refused, ExitCodes.Refused), (byCase.ExitCode, byVotes.ExitCode));
        Assert.Contains("AS 第十五条", byCase.Error);
        Assert.Contains("SeriousCorruption", byCase.Error);
        Assert.Contains("11 of 30 votes", byVotes.Error);
        Assert.True(unconfirmed.ExitCode == 0, unconfirmed.Error);
        Assert.Matches(@"等次 / grade\s*│\s*称职 competent", unconfirmed.Out);
    }

    [Fact]
    public async Task AWronglyRecordedQuarterlyGrade_IsCorrectedThroughTheCli_AndTheHistoryShowsBoth()
    {
        await DepartmentOfFiveAsync("d-gc", "e-gc");
        Assert.Equal(0, (await Admin("grades", "record", "e-gc1", "--year", "2023", "--quarter", "2", "--grade", "poor", "--decided-on", "2023-06-30")).ExitCode);

        var noReason = await Admin("grades", "correct", "e-gc1", "--year", "2023", "--quarter", "2", "--grade", "fairly-good");
        var corrected = await Admin("grades", "correct", "e-gc1", "--year", "2023", "--quarter", "2", "--grade", "较好",
            "--reason", "scores transcribed under the wrong name", "--decided-on", "2023-07-10");
        var again = await Admin("grades", "correct", "e-gc1", "--year", "2023", "--quarter", "2", "--grade", "fairly-good",
            "--reason", "twice", "--decided-on", "2023-07-11");
        var show = await Admin("grades", "show", "e-gc1", "--year", "2023", "--quarter", "2", "--json");
        var history = await Admin("employee", "history", "e-gc1", "--json");

        Assert.Equal(ExitCodes.BadInput, noReason.ExitCode);
        Assert.True(corrected.ExitCode == 0, corrected.Error);
        Assert.Contains("已更正 / corrected: was 较差 poor.", corrected.Out);
        Assert.Matches(@"等次 / grade\s*│\s*较好 fairly-good", corrected.Out);
        Assert.Equal(ExitCodes.Refused, again.ExitCode);
        Assert.Contains("nothing to correct", again.Error);
        using (var json = JsonDocument.Parse(show.Out))
        {
            var record = Assert.Single(json.RootElement.GetProperty("quarterly").EnumerateArray());
            // Pay recomputed: a Poor quarter paid 0 %, the corrected FairlyGood 100 % (PM 第五条).
            Assert.Equal(("FAIRLY_GOOD", 100), (record.GetProperty("grade").GetString(), record.GetProperty("pay_percent").GetInt32()));
        }

        Assert.Contains("quarterly-grade-recorded", history.Out);
        Assert.Contains("quarterly-grade-corrected", history.Out);
        Assert.True(history.Out.IndexOf("quarterly-grade-recorded", StringComparison.Ordinal) < history.Out.IndexOf("quarterly-grade-corrected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWronglyRecordedAnnualGrade_IsCorrectedThroughTheCli_WithItsConsequences_AndTheHistoryShowsBoth()
    {
        await DepartmentOfFiveAsync("d-ac", "e-ac");
        Assert.Equal(0, (await Admin("grades", "record-annual", "e-ac1", "--year", "2023", "--grade", "competent", "--decided-on", "2024-01-10")).ExitCode);

        var noReason = await Admin("grades", "correct-annual", "e-ac1", "--year", "2023", "--grade", "basically-competent");
        var corrected = await Admin("grades", "correct-annual", "e-ac1", "--year", "2023", "--grade", "基本称职",
            "--reason", "another person's review sheet was keyed in", "--decided-on", "2024-01-15");
        var back = await Admin("grades", "correct-annual", "e-ac1", "--year", "2023", "--grade", "competent",
            "--reason", "the first grade was right after all", "--decided-on", "2024-01-16", "--json");
        var later = await Admin("grades", "correct-annual", "e-ac1", "--year", "2022", "--grade", "competent", "--reason", "none recorded");
        var history = await Admin("employee", "history", "e-ac1", "--json");

        Assert.Equal(ExitCodes.BadInput, noReason.ExitCode);
        Assert.True(corrected.ExitCode == 0, corrected.Error);
        Assert.Contains("已更正 / corrected: was 称职 competent.", corrected.Out);
        Assert.Matches(@"等次 / grade\s*│\s*基本称职 basically-competent", corrected.Out);
        Assert.Contains("PromotionFrozen", corrected.Out);
        Assert.True(back.ExitCode == 0, back.Error);
        using (var json = JsonDocument.Parse(back.Out))
        {
            Assert.Equal("BASICALLY_COMPETENT", json.RootElement.GetProperty("previous_grade").GetString());
            Assert.Equal(
                ["Admonished", "YearNotCounted", "PromotionFrozen"],
                json.RootElement.GetProperty("withdrawn").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        }

        Assert.Equal(ExitCodes.Refused, later.ExitCode);
        Assert.Contains("NotFound", later.Error);
        Assert.True(history.Out.IndexOf("annual-grade-recorded", StringComparison.Ordinal) < history.Out.IndexOf("annual-grade-corrected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OvertimeAndLateness_AreRecordedThroughTheCli_AndReachThePayDeductions()
    {
        await DepartmentOfFiveAsync("d-ot", "e-ot");
        Assert.Equal(0, (await Admin("employee", "leave", "e-ot1", "--kind", "personal", "--starts-on", "2023-03-01", "--ends-on", "2023-03-02")).ExitCode);

        var overtime = await Admin("employee", "overtime", "e-ot1", "--day", "2023-02-04", "--hours", "9");
        var notHours = await Admin("employee", "overtime", "e-ot1", "--day", "2023-02-05", "--hours", "nine");
        var late = await Admin("employee", "lateness", "e-ot1", "--day", "2023-04-11", "--kind", "late-arrival");
        var pay = await Admin("pay", "coefficients", "e-ot1", "--year", "2023", "--json");

        Assert.True(overtime.ExitCode == 0, overtime.Error);
        Assert.Equal(ExitCodes.BadInput, notHours.ExitCode);
        Assert.True(late.ExitCode == 0, late.Error);
        // Two personal leave days in March, one offset by the 9 h of February (the same quarter): 1 day deducted (PM 第六条);
        // one late day in April: 1 day of April's monthly performance (PM 第七条).
        using var json = JsonDocument.Parse(pay.Out);
        var deductions = json.RootElement.GetProperty("deductions").EnumerateArray()
            .Select(d => (d.GetProperty("period").GetString(), d.GetProperty("quantity").GetString(), d.GetProperty("article").GetString()))
            .ToList();
        Assert.Equal([("2023-03", "1", "PM 第六条"), ("2023-04", "1", "PM 第七条")], deductions);
    }

    [Fact]
    public async Task AnImportedRowThatDiffersFromTheRecordedGrade_IsRejectedNamingTheCommandThatCorrectsIt()
    {
        await DepartmentOfFiveAsync("d-gi", "e-gi");
        var csv = Path.Combine(Path.GetTempPath(), $"correct-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(csv, "employee_id,year,quarter,grade,decided_on\ne-gi1,2023,3,average,2023-09-29\n");
            Assert.Equal(0, (await Admin("grades", "import", csv, "--department", "d-gi")).ExitCode);
            await File.WriteAllTextAsync(csv, "employee_id,year,quarter,grade,decided_on\ne-gi1,2023,3,fairly-good,2023-09-29\n");

            var second = await Admin("grades", "import", csv, "--department", "d-gi", "--json");

            Assert.Equal(ExitCodes.Refused, second.ExitCode);
            using var report = JsonDocument.Parse(second.Out);
            var error = Assert.Single(report.RootElement.GetProperty("errors").EnumerateArray());
            Assert.Contains(error.GetProperty("code").GetString(), new[] { "ALREADY_EXISTS", "INVALID_ARGUMENT" });
            Assert.Contains("already has a recorded result", error.GetProperty("message").GetString());
            Assert.Contains("personnel grades correct e-gi1 --year 2023 --quarter 3 --grade fairly-good --reason", error.GetProperty("message").GetString());
        }
        finally
        {
            File.Delete(csv);
            File.Delete(Path.ChangeExtension(csv, ".rejected.csv"));
        }
    }

    [Fact]
    public async Task EmployeeSearch_FindsByIdPrefixAndName_AndKeysWhoAmI_ShowsTheCallingKey()
    {
        await DepartmentOfFiveAsync("d-gs", "e-gs");

        var byPrefix = await Admin("employee", "search", "e-gs", "--json");
        var byName = await Admin("employee", "search", "Staff 3");
        var whoami = await Admin("keys", "whoami");
        var listed = await Admin("employee", "list", "--department", "d-gs", "--json");
        var nowhere = await Admin("employee", "list", "--department", "d-none-such");
        var departments = await Admin("department", "list", "--json");

        using (var json = JsonDocument.Parse(byPrefix.Out))
        {
            Assert.Equal(["e-gs1", "e-gs2", "e-gs3", "e-gs4", "e-gs5"],
                json.RootElement.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("employee_id").GetString()));
        }

        Assert.True(byName.ExitCode == 0, byName.Error);
        Assert.Matches(@"│\s*e-gs3\s*│\s*Staff 3\s*│\s*d-gs\s*│", byName.Out);
        Assert.Contains("员工编号 / employee", byName.Out);
        Assert.True(whoami.ExitCode == 0, whoami.Error);
        Assert.Matches(@"│\s*admin\s*│", whoami.Out);
        Assert.DoesNotContain(LiveServer.AdminKey, whoami.Out);
        using (var json = JsonDocument.Parse(listed.Out))
        {
            Assert.Equal(["e-gs1", "e-gs2", "e-gs3", "e-gs4", "e-gs5"],
                json.RootElement.GetProperty("employees").EnumerateArray().Select(m => m.GetProperty("employee_id").GetString()));
        }

        Assert.Contains("0 人 / people.", nowhere.Out);
        using (var json = JsonDocument.Parse(departments.Out))
        {
            var register = json.RootElement.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("department_id").GetString() == "d-gs");
            Assert.Equal(("Department d-gs", "2019-01-01"), (register.GetProperty("name").GetString(), register.GetProperty("created_on").GetString()));
        }
    }

    private async Task DepartmentOfFiveAsync(string department, string prefix)
    {
        var created = await Admin("department", "create", department, "--name", "Department " + department, "--created-on", "2019-01-01");
        Assert.True(created.ExitCode == 0, created.Error);
        for (var i = 1; i <= 5; i++)
        {
            var appointed = await Admin("employee", "appoint", $"{prefix}{i}", "--name", $"Staff {i}", "--department", department, "--post", "staff", "--grade-level", "6",
                "--starts-on", "2022-01-03", "--retirement-on", "2050-06-30", "--education", "bachelor",
                "--administrative-rank", "first-grade-staff", "--administrative-rank-since", "2015-01-01");
            Assert.True(appointed.ExitCode == 0, appointed.Error);
        }
    }
}
