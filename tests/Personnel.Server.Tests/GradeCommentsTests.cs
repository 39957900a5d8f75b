using System.Text.Json;
using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Server.Tests;

/// <summary>The comments (评语) of a grade and a grade set afterwards (补定等次, AS 第二十六条) are stored with the grade and
/// read back by ListGrades and ListHistory; under investigation there are no comments.</summary>
public sealed class GradeCommentsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AS7_the_comments_of_a_quarterly_and_an_annual_grade_come_back_from_ListGrades_and_ListHistory()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("commented", "gc", "2023-01-03"));
        var quarterly = Build.Quarterly("commented", 2023, 4, QuarterlyGrade.FairlyGood);
        quarterly.Comments = "按期完成规划编制";
        var annual = Build.Annual("commented", 2023, AnnualGrade.Competent);
        annual.Comments = "全年称职";

        var q = await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(quarterly);
        var a = await hr.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(annual);
        var grades = await hr.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = "commented" });
        var history = await hr.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = "commented" });

        Assert.Equal(("按期完成规划编制", "全年称职"), (q.Record.Comments, a.Record.Comments));
        Assert.Equal("按期完成规划编制", Assert.Single(grades.Quarterly).Comments);
        Assert.Equal(("全年称职", false), (Assert.Single(grades.Annual).Comments, grades.Annual[0].SetAfterInvestigation));
        Assert.Equal("按期完成规划编制", Payload(history, "quarterly-grade-recorded").GetProperty("comments").GetString());
        Assert.Equal("全年称职", Payload(history, "annual-grade-recorded").GetProperty("comments").GetString());
    }

    [Fact]
    public async Task AS26_no_comments_under_investigation_and_the_grade_set_afterwards_is_marked_and_read_back()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("probed", "gc", "2023-01-03"));
        await hr.Call<RecordInvestigationRequest, RecordInvestigationResponse>(new RecordInvestigationRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "probed", OpenedOn = Build.Date("2024-01-10"), Reason = "procurement complaint",
        });
        var withheld = Build.Annual("probed", 2024, AnnualGrade.Competent);
        withheld.NoGrade = new NoGrade { Reason = NoGradeReason.UnderInvestigation };
        withheld.Comments = "should not be written";
        var version = await server.Store.GetStreamVersionAsync("employee:probed");

        var commented = await hr.Refused<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(withheld);
        Assert.Equal(StatusCode.FailedPrecondition, commented.StatusCode);
        Assert.Contains("AS 第二十六条", commented.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("no comments for 2024: an investigation is open", commented.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(version, await server.Store.GetStreamVersionAsync("employee:probed"));

        withheld.RequestId = Build.RequestId();
        withheld.Comments = "";
        await hr.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(withheld);
        await hr.Call<RecordInvestigationRequest, RecordInvestigationResponse>(new RecordInvestigationRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "probed", Closed = new InvestigationClosure { ClosedOn = Build.Date("2025-02-03") },
        });
        var afterwards = Build.Annual("probed", 2024, AnnualGrade.Competent);
        afterwards.DecidedOn = Build.Date("2025-02-10");
        afterwards.SetAfterInvestigation = true;
        afterwards.Comments = "补定等次: 调查未予处分";

        var set = await hr.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(afterwards);
        var grades = await hr.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = "probed" });

        Assert.True(set.Record.SetAfterInvestigation);
        var annual = Assert.Single(grades.Annual);
        Assert.Equal((AnnualGrade.Competent, true, "补定等次: 调查未予处分", Build.Date("2025-02-10")),
            (annual.Grade, annual.SetAfterInvestigation, annual.Comments, annual.DecidedOn));
    }

    [Fact]
    public async Task AS26_a_grade_set_afterwards_without_a_closed_investigation_is_refused_and_writes_nothing()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("never-probed", "gc", "2023-01-03"));
        var request = Build.Annual("never-probed", 2023, AnnualGrade.Competent);
        request.SetAfterInvestigation = true;
        var position = await server.Store.GetLastPositionAsync();

        var refused = await hr.Refused<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(request);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("AS 第二十六条", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("no investigation covering it has closed", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
        Assert.Empty((await hr.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = "never-probed" })).Annual);
    }

    private static JsonElement Payload(ListHistoryResponse history, string type) =>
        JsonDocument.Parse(history.Entries.Single(e => e.Type == type).PayloadJson).RootElement;
}
