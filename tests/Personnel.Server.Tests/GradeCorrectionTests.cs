using Grpc.Core;
using Personnel.Api.V1;

namespace Personnel.Server.Tests;

/// <summary>
/// A quarterly grade recorded wrongly is corrected (更正) through GradingService.CorrectQuarterlyGrade: audited beside the
/// first record, the Good quota held for the corrected grade (AS 第八条), pay recomputed, a refusal writing nothing.
/// </summary>
public sealed class GradeCorrectionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AS8_a_good_corrected_away_frees_the_quota_for_the_good_another_was_wrongly_denied()
    {
        await server.DepartmentAsync("corr");
        var hr = server.As(await server.KeyAsync(Role.Hr, "corr"));
        for (var i = 0; i < 5; i++)
        {
            await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment($"corr-{i}", "corr", "2024-01-02", Post.Staff));
        }

        // floor(40 % × 5) = 2 Goods: corr-1's Good should have been corr-2's.
        await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("corr-0", 2024, 2, QuarterlyGrade.Good));
        await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("corr-1", 2024, 2, QuarterlyGrade.Good));
        await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("corr-2", 2024, 2, QuarterlyGrade.FairlyGood));

        var position = await server.Store.GetLastPositionAsync();
        var full = await hr.Refused<CorrectQuarterlyGradeRequest, CorrectQuarterlyGradeResponse>(Correction("corr-2", QuarterlyGrade.Good));
        Assert.Equal(StatusCode.FailedPrecondition, full.StatusCode);
        Assert.Contains("AS 第八条", full.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());

        var freed = Correction("corr-1", QuarterlyGrade.FairlyGood);
        var first = await hr.Call<CorrectQuarterlyGradeRequest, CorrectQuarterlyGradeResponse>(freed);
        var retried = await hr.Call<CorrectQuarterlyGradeRequest, CorrectQuarterlyGradeResponse>(freed);
        var taken = await hr.Call<CorrectQuarterlyGradeRequest, CorrectQuarterlyGradeResponse>(Correction("corr-2", QuarterlyGrade.Good));

        Assert.Equal((QuarterlyGrade.Good, QuarterlyGrade.FairlyGood, 1), (first.PreviousGrade, first.Record.Grade, first.GoodQuota.Granted));
        Assert.Equal(first, retried);
        Assert.Equal((QuarterlyGrade.FairlyGood, QuarterlyGrade.Good, 100, 2), (taken.PreviousGrade, taken.Record.Grade, taken.Record.PayPercent, taken.GoodQuota.Granted));
        var quotas = await hr.Call<GetQuotasRequest, GetQuotasResponse>(new GetQuotasRequest { DepartmentId = "corr", Year = 2024 });
        Assert.Equal(2, quotas.Good.Single(q => q.Quarter == 2).Granted);
        var grades = await hr.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = "corr-2" });
        Assert.Equal(QuarterlyGrade.Good, grades.Quarterly.Single(g => g.Quarter == 2).Grade);
        var history = await hr.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = "corr-2" });
        Assert.Equal(
            ["quarterly-grade-recorded", "quarterly-grade-corrected"],
            history.Entries.Select(e => e.Type).Where(t => t.StartsWith("quarterly-grade", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_correction_without_reason_or_by_another_departments_hr_is_refused_and_writes_nothing()
    {
        await server.DepartmentAsync("corr-b");
        var hr = server.As(await server.KeyAsync(Role.Hr, "corr-b"));
        var otherHr = server.As(await server.KeyAsync(Role.Hr, "bay"));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("corr-b-1", "corr-b", "2024-01-02", Post.Staff));
        await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("corr-b-1", 2024, 3, QuarterlyGrade.Average));
        var position = await server.Store.GetLastPositionAsync();

        var noReason = Correction("corr-b-1", QuarterlyGrade.FairlyGood, quarter: 3);
        noReason.Reason = "";
        var refusedNoReason = await hr.Refused<CorrectQuarterlyGradeRequest, CorrectQuarterlyGradeResponse>(noReason);
        var refusedOther = await otherHr.Refused<CorrectQuarterlyGradeRequest, CorrectQuarterlyGradeResponse>(Correction("corr-b-1", QuarterlyGrade.FairlyGood, quarter: 3));
        var refusedUngraded = await hr.Refused<CorrectQuarterlyGradeRequest, CorrectQuarterlyGradeResponse>(Correction("corr-b-1", QuarterlyGrade.FairlyGood, quarter: 1));

        Assert.Equal(StatusCode.InvalidArgument, refusedNoReason.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, refusedOther.StatusCode);
        Assert.Equal(StatusCode.NotFound, refusedUngraded.StatusCode);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
    }

    private static CorrectQuarterlyGradeRequest Correction(string employee, QuarterlyGrade grade, int quarter = 2) => new()
    {
        RequestId = Build.RequestId(), EmployeeId = employee, Year = 2024, Quarter = quarter, Grade = grade,
        Reason = "the department's scoring sheet was transcribed under the wrong names", DecidedOn = Build.Date("2024-10-08"),
    };
}
