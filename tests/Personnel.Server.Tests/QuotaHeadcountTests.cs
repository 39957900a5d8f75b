using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Server.Tests;

/// <summary>
/// N of the Good quota (AS 第八条; RULES §4: the people of the department who may receive a grade that quarter) counts
/// people appointed in an earlier year and recorded nothing since, and leaves out those who may not be graded.
/// </summary>
public sealed class QuotaHeadcountTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AS8_people_appointed_two_years_earlier_count_in_N_and_the_third_good_of_five_is_refused()
    {
        await server.DepartmentAsync("veterans");
        var hr = server.As(await server.KeyAsync(Role.Hr, "veterans"));
        var staff = Enumerable.Range(1, 6).Select(i => $"vet-{i}").ToList();
        foreach (var id in staff)
        {
            await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment(id, "veterans", "2022-01-04"));
        }

        // vet-6 has been under investigation since 2022 (AS 第二十六条): not gradable in 2024Q1, so N = 5 and the cap floor(0.4 × 5) = 2.
        await hr.Call<RecordInvestigationRequest, RecordInvestigationResponse>(new RecordInvestigationRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "vet-6", OpenedOn = Build.Date("2022-06-01"), Reason = "audit finding",
        });

        var first = await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("vet-1", 2024, 1, QuarterlyGrade.Good));
        var second = await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("vet-2", 2024, 1, QuarterlyGrade.Good));
        var position = await server.Store.GetLastPositionAsync();
        var third = await hr.Refused<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("vet-3", 2024, 1, QuarterlyGrade.Good));

        Assert.Equal((1, 2, 5), (first.GoodQuota.Granted, first.GoodQuota.Cap, first.GoodQuota.Eligible));
        Assert.Equal((2, 2, 5), (second.GoodQuota.Granted, second.GoodQuota.Cap, second.GoodQuota.Eligible));
        Assert.Equal(StatusCode.FailedPrecondition, third.StatusCode);
        Assert.Contains("AS 第八条", third.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("cap 2 of 5 eligible reached, 2 already granted", third.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
        var quotas = await hr.Call<GetQuotasRequest, GetQuotasResponse>(new GetQuotasRequest { DepartmentId = "veterans", Year = 2024 });
        Assert.Equal((2, 2, 5), quotas.Good.Where(q => q.Quarter == 1).Select(q => (q.Granted, q.Cap, q.Eligible)).Single());
        // A FairlyGood for vet-3 is no Good: it is recorded, and N stays 5.
        var fairly = await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("vet-3", 2024, 1, QuarterlyGrade.FairlyGood));
        Assert.Equal(QuarterlyGrade.FairlyGood, fairly.Record.Grade);
        quotas = await hr.Call<GetQuotasRequest, GetQuotasResponse>(new GetQuotasRequest { DepartmentId = "veterans", Year = 2024 });
        Assert.Equal(5, quotas.Good.Single(q => q.Quarter == 1).Eligible);
    }
}
