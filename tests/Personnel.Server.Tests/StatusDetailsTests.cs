using System.Text.RegularExpressions;
using Google.Rpc;
using Grpc.Core;
using Personnel.Api.V1;
using Personnel.Server.Services;
using Personnel.Tests.Shared;

namespace Personnel.Server.Tests;

/// <summary>Refusals programs can act on: the trailers carry grpc-status-details-bin, a google.rpc.Status whose ErrorInfo has
/// a stable reason in the domain personnel.v1 and the article in its metadata; INVALID_ARGUMENT adds a BadRequest naming the
/// field. The human message stays the rule, its article and the facts.</summary>
public sealed class StatusDetailsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_good_past_the_quota_is_refused_with_GOOD_QUOTA_EXCEEDED_and_the_article_in_the_status_details()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "ledger"));
        for (var i = 0; i < 5; i++)
        {
            await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment($"sd-{i}", "ledger", "2024-01-02", Post.Staff));
        }

        // floor(40 % × 5) = 2 Goods in a quarter (AS 第八条).
        await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("sd-0", 2024, 1, QuarterlyGrade.Good));
        await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("sd-1", 2024, 1, QuarterlyGrade.Good));
        var refused = await hr.Refused<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("sd-2", 2024, 1, QuarterlyGrade.Good));

        var raw = Assert.Single(refused.Trailers, t => t.Key == "grpc-status-details-bin");
        var status = Google.Rpc.Status.Parser.ParseFrom(raw.ValueBytes);
        Assert.Equal((int)StatusCode.FailedPrecondition, status.Code);
        Assert.Equal(refused.Status.Detail, status.Message);
        var info = status.Details.Single(d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>();
        Assert.Equal(("GOOD_QUOTA_EXCEEDED", "personnel.v1", "AS 第八条"), (info.Reason, info.Domain, info.Metadata["article"]));
        Assert.Contains("AS 第八条", refused.Status.Detail);
    }

    [Fact]
    public async Task A_rule_refusal_carries_the_rules_reason_and_article()
    {
        var refused = await server.Admin.Refused<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "sd-nobody" });

        var info = refused.GetRpcStatus()!.GetDetail<ErrorInfo>()!;
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.Equal(("EMPLOYEE_MUST_EXIST", "AM 第九条"), (info.Reason, info.Metadata["article"]));
    }

    [Fact]
    public async Task Invalid_argument_names_the_field_in_a_BadRequest()
    {
        var request = Build.Appointment("sd-bad", "ledger", "2024-01-02");
        request.PostLevel.GradeLevel = 9;

        var refused = await server.Admin.Refused<AppointEmployeeRequest, AppointEmployeeResponse>(request);

        var status = refused.GetRpcStatus()!;
        Assert.Equal("INVALID_FIELD", status.GetDetail<ErrorInfo>()!.Reason);
        var violation = Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("post_level.grade_level", violation.Field);
        Assert.StartsWith("post_level.grade_level 9 is not a pay grade level", violation.Description);
    }

    [Fact]
    public async Task Without_a_key_the_refusal_is_UNAUTHENTICATED_with_API_KEY_MISSING()
    {
        var refused = await server.As(null).Refused<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "sd-0" });

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal("API_KEY_MISSING", refused.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public void Docs_api_lists_every_reason_a_rule_refusal_can_carry_with_its_article()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "api.md"));
        var missing = Refusals.RuleReasonTable
            .Where(r => !Regex.IsMatch(docs, $@"\|\s*`{r.Reason}`\s*\|\s*{Regex.Escape(r.Rule.Article)}\s*\|"))
            .Select(r => $"{r.Reason} ({r.Rule.Article})")
            .ToList();
        Assert.True(missing.Count == 0, "docs/api.md, \"Reasons\", lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void Docs_api_names_every_rpc_in_its_statuses_by_rpc_table()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "api.md"));
        var start = docs.IndexOf("### Statuses by RPC", StringComparison.Ordinal);
        var table = docs[start..docs.IndexOf("### Status details", start, StringComparison.Ordinal)];
        var rows = table.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Select(l => l.Split('|')[1]).ToList();
        var missing = Client.Methods()
            .Where(m => !rows.Any(r => Regex.IsMatch(r, $@"(^|[ ,]){m.Name}([ ,]|$)")))
            .Select(m => m.Service.Name + "/" + m.Name)
            .ToList();
        Assert.True(missing.Count == 0, "docs/api.md, \"Statuses by RPC\", lacks: " + string.Join(", ", missing));
    }
}
