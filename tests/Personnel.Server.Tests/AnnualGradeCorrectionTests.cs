using Grpc.Core;
using Personnel.Api.V1;

namespace Personnel.Server.Tests;

/// <summary>
/// An annual grade recorded wrongly is corrected (更正) through GradingService.CorrectAnnualGrade, outside review and appeal
/// (AS 第二十八条): audited beside the first record, the consequences recomputed (post level, tenure, contract), the Excellent
/// quota held for the corrected grade (AS 第十二条), a refusal writing nothing.
/// </summary>
public sealed class AnnualGradeCorrectionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Reason = "another person's review sheet was keyed in";

    [Fact]
    public async Task AS21_an_Incompetent_year_corrected_to_Competent_restores_the_grade_and_counts_the_year()
    {
        await server.DepartmentAsync("acorr");
        var hrToken = await server.KeyAsync(Role.Hr, "acorr");
        var hr = server.As(hrToken);
        var otherHr = server.As(await server.KeyAsync(Role.Hr, "bay"));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("acorr-1", "acorr", "2020-01-06"));
        await GradeYearAsync(hr, "acorr-1", 2020, AnnualGrade.Competent);
        await GradeYearAsync(hr, "acorr-1", 2021, AnnualGrade.Incompetent);
        Assert.Equal(7, (await PostLevelAsync(hr, "acorr-1", "2022-01-05")).GradeLevel);

        var position = await server.Store.GetLastPositionAsync();
        var noReason = Correction("acorr-1", 2021, AnnualGrade.Competent, "2022-01-10");
        noReason.Reason = " ";
        var refusedNoReason = await hr.Refused<CorrectAnnualGradeRequest, CorrectAnnualGradeResponse>(noReason);
        var refusedOther = await otherHr.Refused<CorrectAnnualGradeRequest, CorrectAnnualGradeResponse>(Correction("acorr-1", 2021, AnnualGrade.Competent, "2022-01-10"));
        var refusedEarlier = await hr.Refused<CorrectAnnualGradeRequest, CorrectAnnualGradeResponse>(Correction("acorr-1", 2020, AnnualGrade.Excellent, "2022-01-10"));
        Assert.Equal(position, await server.Store.GetLastPositionAsync());

        var request = Correction("acorr-1", 2021, AnnualGrade.Competent, "2022-01-10");
        var corrected = await hr.Call<CorrectAnnualGradeRequest, CorrectAnnualGradeResponse>(request);
        var retried = await hr.Call<CorrectAnnualGradeRequest, CorrectAnnualGradeResponse>(request);

        Assert.Equal(StatusCode.InvalidArgument, refusedNoReason.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, refusedOther.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, refusedEarlier.StatusCode);
        Assert.Contains("AS 第九条, 第二十八条", refusedEarlier.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(corrected, retried);
        Assert.Equal((AnnualGrade.Incompetent, AnnualGrade.Competent, true), (corrected.PreviousGrade, corrected.Record.Grade, corrected.Record.YearCounted));
        Assert.Equal(["DemotionReversed"], corrected.Consequences.Select(c => c.Kind));
        Assert.Equal(["YearNotCounted"], corrected.Withdrawn.Select(c => c.Kind));
        Assert.Equal(6, (await PostLevelAsync(hr, "acorr-1", "2022-01-11")).GradeLevel);
        var tenure = await hr.Call<GetTenureRequest, GetTenureResponse>(new GetTenureRequest { EmployeeId = "acorr-1", AsOf = Build.Date("2022-01-11") });
        // 2020 was not held whole from 6 January; 2021 counts again (AS 第二十一条 no longer applies).
        Assert.Equal((1, Build.Date("2020-01-06")), (tenure.CountedYears, tenure.GradeSince));
        Assert.Empty(tenure.CareerUncountedYears);
        var grades = await hr.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = "acorr-1", FromYear = 2021, ToYear = 2021 });
        var year = Assert.Single(grades.Annual);
        Assert.Equal((AnnualGrade.Competent, true, hrToken.Split('.')[0]), (year.Grade, year.YearCounted, year.RecordedBy));
        var history = await hr.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = "acorr-1" });
        Assert.Equal(
            ["annual-grade-recorded", "annual-grade-recorded", "annual-grade-corrected"],
            history.Entries.Select(e => e.Type).Where(t => t.StartsWith("annual-grade", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AS21_3_the_second_Incompetent_year_corrected_reinstates_the_contract()
    {
        await server.DepartmentAsync("acorr-t");
        var hr = server.As(await server.KeyAsync(Role.Hr, "acorr-t"));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("acorr-t1", "acorr-t", "2020-01-06"));
        await GradeYearAsync(hr, "acorr-t1", 2020, AnnualGrade.Incompetent);
        await GradeYearAsync(hr, "acorr-t1", 2021, AnnualGrade.Incompetent);
        var terminated = await hr.Call<GetEmployeeRequest, GetEmployeeResponse>(new GetEmployeeRequest { EmployeeId = "acorr-t1" });

        var corrected = await hr.Call<CorrectAnnualGradeRequest, CorrectAnnualGradeResponse>(Correction("acorr-t1", 2021, AnnualGrade.BasicallyCompetent, "2022-01-10"));

        var employee = await hr.Call<GetEmployeeRequest, GetEmployeeResponse>(new GetEmployeeRequest { EmployeeId = "acorr-t1" });
        var tenure = await hr.Call<GetTenureRequest, GetTenureResponse>(new GetTenureRequest { EmployeeId = "acorr-t1", AsOf = Build.Date("2022-02-01") });
        Assert.Equal(ContractState.Terminated, terminated.Employee.State);
        Assert.Equal(ContractState.Appointed, employee.Employee.State);
        Assert.Equal(["DemotionReversed", "Reinstated", "Admonished", "PromotionFrozen"], corrected.Consequences.Select(c => c.Kind));
        Assert.Empty(corrected.Withdrawn);
        Assert.Equal((7, Build.Date("2023-01-10")), (tenure.PostLevel.GradeLevel, tenure.PromotionFrozenUntil));
    }

    [Fact]
    public async Task AS12_an_Excellent_corrected_away_frees_the_quota_for_the_Excellent_another_was_wrongly_denied()
    {
        await server.DepartmentAsync("xcorr");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        foreach (var id in new[] { "x-a", "x-b", "x-c", "x-d" })
        {
            await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment(id, "xcorr", "2024-01-02"));
        }

        await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(new RecordDepartmentAssessmentRequest
        {
            RequestId = Build.RequestId(), DepartmentId = "xcorr", Year = 2024, Tier = DepartmentTier._1, DecidedOn = Build.Date("2024-12-02"),
        });

        // Tier 1, 4 people: one Excellent (AS 第十二条). It went to x-a; it should have gone to x-b.
        await party.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("x-a", 2024, 1, QuarterlyGrade.Good));
        await party.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("x-b", 2024, 2, QuarterlyGrade.Good));
        await party.Call<StartExcellentNoticeRequest, StartExcellentNoticeResponse>(Notice("x-a", "2024-12-02"));
        await party.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(Build.Annual("x-a", 2024, AnnualGrade.Excellent));
        await party.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(Build.Annual("x-b", 2024, AnnualGrade.Competent));
        await party.Call<StartExcellentNoticeRequest, StartExcellentNoticeResponse>(Notice("x-b", "2025-01-06"));

        var position = await server.Store.GetLastPositionAsync();
        var full = await party.Refused<CorrectAnnualGradeRequest, CorrectAnnualGradeResponse>(Correction("x-b", 2024, AnnualGrade.Excellent, "2025-01-13"));
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
        var freed = await party.Call<CorrectAnnualGradeRequest, CorrectAnnualGradeResponse>(Correction("x-a", 2024, AnnualGrade.Competent, "2025-01-13"));
        var taken = await party.Call<CorrectAnnualGradeRequest, CorrectAnnualGradeResponse>(Correction("x-b", 2024, AnnualGrade.Excellent, "2025-01-13"));

        Assert.Equal(StatusCode.FailedPrecondition, full.StatusCode);
        Assert.Contains("AS 第十二条", full.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((AnnualGrade.Excellent, 0, 1), (freed.PreviousGrade, freed.ExcellentQuota.Granted, freed.ExcellentQuota.Cap));
        Assert.Equal(["Commendation"], freed.Withdrawn.Select(c => c.Kind));
        Assert.Equal((AnnualGrade.Competent, AnnualGrade.Excellent, 1), (taken.PreviousGrade, taken.Record.Grade, taken.ExcellentQuota.Granted));
        Assert.Equal(["Commendation"], taken.Consequences.Select(c => c.Kind));
        var quotas = await party.Call<GetQuotasRequest, GetQuotasResponse>(new GetQuotasRequest { DepartmentId = "xcorr", Year = 2024 });
        Assert.Equal(1, quotas.Excellent.Granted);
    }

    /// <summary>Four FairlyGood quarters (on each quarter's last day), then the year's grade (18 December).</summary>
    private static async Task GradeYearAsync(Client client, string employee, int year, AnnualGrade grade)
    {
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            await client.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly(employee, year, quarter, QuarterlyGrade.FairlyGood));
        }

        await client.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(Build.Annual(employee, year, grade));
    }

    private static async Task<PostLevel> PostLevelAsync(Client client, string employee, string asOf) =>
        (await client.Call<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = employee, AsOf = Build.Date(asOf) })).PostLevel;

    private static StartExcellentNoticeRequest Notice(string employee, string on) => new()
    {
        RequestId = Build.RequestId(), EmployeeId = employee, Year = 2024, StartedOn = Build.Date(on),
    };

    private static CorrectAnnualGradeRequest Correction(string employee, int year, AnnualGrade grade, string on) => new()
    {
        RequestId = Build.RequestId(), EmployeeId = employee, Year = year, Grade = grade, Reason = Reason, DecidedOn = Build.Date(on),
    };
}
