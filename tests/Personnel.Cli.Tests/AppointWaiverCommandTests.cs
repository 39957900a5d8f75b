using System.Text.Json;
using Personnel.Tests.Shared;

namespace Personnel.Cli.Tests;

/// <summary>
/// `personnel employee appoint --eligibility-waived-by --eligibility-waiver-reason` against a real server (AM 第五条): a
/// competition for a post whose conditions are unmet is refused without a waiver and nothing is recorded; one option
/// without the other is refused before any call; with both the zone committee's waiver is recorded and shown.
/// </summary>
public sealed class AppointWaiverCommandTests(LiveServerFixture fixture) : IClassFixture<LiveServerFixture>
{
    private Dictionary<string, string> Env(string key) => new() { ["PERSONNEL_SERVER"] = fixture.Server.Address.ToString(), ["PERSONNEL_KEY"] = key };

    private Task<CliHarness.Result> Admin(params string[] args) => CliHarness.RunAsync(Env(LiveServer.AdminKey), args);

    [Fact]
    public async Task AM5_AppointWithAWaiver_RecordsWhoWaivedWhat_AndWithoutItOrWithHalfOfItNothingIsRecorded()
    {
        var created = await Admin("department", "create", "d-waive", "--name", "Department d-waive", "--created-on", "2019-01-01");
        Assert.True(created.ExitCode == 0, created.Error);
        string[] appoint =
        [
            "employee", "appoint", "e-waive", "--name", "Name of e-waive", "--department", "d-waive", "--post", "deputy-head",
            "--grade-level", "5", "--starts-on", "2024-03-01", "--retirement-on", "2050-06-30", "--education", "bachelor",
            "--administrative-rank", "section-chief", "--administrative-rank-since", "2023-01-01",
        ];

        var unmet = await Admin(appoint);
        var byOnly = await Admin([.. appoint, "--eligibility-waived-by", "zone committee meeting 2024-02"]);
        var reasonOnly = await Admin([.. appoint, "--eligibility-waiver-reason", "exceptional flood-relief record"]);
        var missing = await Admin("employee", "show", "e-waive");

        Assert.Equal(ExitCodes.Refused, unmet.ExitCode);
        Assert.Contains("AM 第五条", unmet.Error);
        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (byOnly.ExitCode, reasonOnly.ExitCode));
        Assert.Contains("--eligibility-waived-by and --eligibility-waiver-reason go together", byOnly.Error);
        Assert.Contains("--eligibility-waived-by and --eligibility-waiver-reason go together", reasonOnly.Error);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("NotFound", missing.Error);

        var waived = await Admin([.. appoint, "--eligibility-waived-by", "zone committee meeting 2024-02", "--eligibility-waiver-reason", "exceptional flood-relief record"]);
        var shown = await Admin("employee", "show", "e-waive", "--json");

        Assert.True(waived.ExitCode == 0, waived.Error);
        Assert.Matches(@"eligibility waived\s*│\s*deputy-head by zone committee meeting 2024-02 on 2024-03-01 \(RANK_AND_TENURE\)", waived.Out);
        using var json = JsonDocument.Parse(shown.Out);
        var waiver = Assert.Single(json.RootElement.GetProperty("employee").GetProperty("eligibility_waivers").EnumerateArray());
        Assert.Equal(
            ("POST_DEPUTY_HEAD", "zone committee meeting 2024-02", "exceptional flood-relief record"),
            (waiver.GetProperty("post").GetString(), waiver.GetProperty("granted_by").GetString(), waiver.GetProperty("reason").GetString()));
        Assert.Equal(["RANK_AND_TENURE"], waiver.GetProperty("conditions").EnumerateArray().Select(c => c.GetString()));
    }
}
