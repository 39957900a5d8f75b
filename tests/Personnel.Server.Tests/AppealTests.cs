using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Server.Tests;

/// <summary>Appeals of an Incompetent grade (AS 第二十八条).</summary>
public sealed class AppealTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AS28_an_incompetent_year_demotes_and_an_appeal_revising_it_to_competent_reverses_the_demotion()
    {
        var hrToken = await server.KeyAsync(Role.Hr, "roads");
        var hr = server.As(hrToken);
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("zhou", "roads", "2020-01-06"));
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("zhou", 2020, quarter, QuarterlyGrade.FairlyGood));
        }

        var graded = await hr.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(Build.Annual("zhou", 2020, AnnualGrade.Incompetent));
        Assert.Contains(graded.Consequences, c => c.Kind == "Demoted");
        Assert.Equal(7, (await PostLevelAsync(hr, "2021-01-10")).GradeLevel);

        var appealed = await hr.Call<AppealAnnualGradeRequest, AppealAnnualGradeResponse>(new AppealAnnualGradeRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "zhou", Year = 2020, Kind = AppealKind.Appeal, FiledOn = Build.Date("2021-01-05"), Reason = "the evaluation was wrong",
        });
        Assert.True(appealed.Record.UnderAppeal);
        var during = await hr.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = "zhou" });
        Assert.True(Assert.Single(during.Annual).UnderAppeal);

        var resolved = await hr.Call<ResolveAppealRequest, ResolveAppealResponse>(new ResolveAppealRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "zhou", Year = 2020, ResolvedOn = Build.Date("2021-02-01"), ChangedTo = AnnualGrade.Competent, Explanation = "review found the grade wrong",
        });

        Assert.Equal(AnnualGrade.Competent, resolved.Record.Grade);
        Assert.Contains(resolved.Consequences, c => c.Kind == "DemotionReversed");
        Assert.Equal(6, (await PostLevelAsync(hr, "2021-03-01")).GradeLevel);
        var grades = await hr.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = "zhou", FromYear = 2020, ToYear = 2020 });
        Assert.Equal((AnnualGrade.Competent, false), (grades.Annual[^1].Grade, grades.Annual[^1].UnderAppeal));
        Assert.All(grades.Quarterly, q => Assert.Equal(hrToken.Split('.')[0], q.RecordedBy));
    }

    [Fact]
    public async Task AS28_only_an_incompetent_grade_can_be_appealed()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "roads"));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("qian", "roads", "2020-01-06"));
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("qian", 2020, quarter, QuarterlyGrade.FairlyGood));
        }

        await hr.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(Build.Annual("qian", 2020, AnnualGrade.Competent));
        var version = await server.Store.GetStreamVersionAsync("employee:qian");
        var refused = await hr.Refused<AppealAnnualGradeRequest, AppealAnnualGradeResponse>(new AppealAnnualGradeRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "qian", Year = 2020, Kind = AppealKind.Review, FiledOn = Build.Date("2021-01-05"),
        });

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("第二十八条", refused.Status.Detail);
        Assert.Equal(version, await server.Store.GetStreamVersionAsync("employee:qian"));
    }

    private static async Task<PostLevel> PostLevelAsync(Client client, string asOf) =>
        (await client.Call<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "zhou", AsOf = Build.Date(asOf) })).PostLevel;
}
