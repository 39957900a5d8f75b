using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Server.Tests;

/// <summary>Correcting a department's assessment (AM 第十七条) through real gRPC: the yellow card and the leadership adjustment
/// are judged again, and the answer says what now follows and what was withdrawn or rescinded.</summary>
public sealed class DepartmentCorrectionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AM17_correcting_the_second_yellow_year_withdraws_the_card_and_rescinds_the_adjustment_and_a_new_correction_orders_it_again()
    {
        await server.DepartmentAsync("corr");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Assess("corr", 2023, DepartmentTier._3));
        var assessed = await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Assess("corr", 2024, DepartmentTier._4));
        Assert.Equal((true, true), (assessed.YellowCard, assessed.LeadershipAdjustment));

        var request = Correct("corr", 2024, DepartmentTier._2, "the township score was entered for the wrong department");
        var corrected = await party.Call<CorrectDepartmentAssessmentRequest, CorrectDepartmentAssessmentResponse>(request);

        Assert.Equal((false, false, true, true), (corrected.YellowCard, corrected.LeadershipAdjustment, corrected.YellowCardWithdrawn, corrected.LeadershipAdjustmentRescinded));
        Assert.Equal(["YellowCardWithdrawn AM 第十七条", "LeadershipAdjustmentRescinded AM 第十七条"], corrected.Consequences.Select(c => $"{c.Kind} {c.Article}"));
        Assert.Equal((DepartmentTier._2, false, false), (corrected.Assessment.Tier, corrected.Assessment.YellowCard, corrected.Assessment.LeadershipAdjustment));
        var read = await party.Call<GetDepartmentRequest, GetDepartmentResponse>(new GetDepartmentRequest { DepartmentId = "corr" });
        Assert.Equal(corrected.Assessment, read.Department.Assessments.Single(a => a.Year == 2024));
        Assert.True(read.Department.Assessments.Single(a => a.Year == 2023).YellowCard);

        // A retry answers the first result; the same id with other content is refused; nothing is recorded.
        var position = await server.Store.GetLastPositionAsync();
        Assert.Equal(corrected, await party.Call<CorrectDepartmentAssessmentRequest, CorrectDepartmentAssessmentResponse>(request));
        var reused = request.Clone();
        reused.Tier = DepartmentTier._1;
        Assert.Equal(StatusCode.InvalidArgument, (await party.Refused<CorrectDepartmentAssessmentRequest, CorrectDepartmentAssessmentResponse>(reused)).StatusCode);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());

        // Corrected back to tier 3: the second consecutive yellow year orders the adjustment again.
        var again = await party.Call<CorrectDepartmentAssessmentRequest, CorrectDepartmentAssessmentResponse>(
            Correct("corr", 2024, DepartmentTier._3, "the recount confirmed tier 3"));
        Assert.Equal((true, true, false, false), (again.YellowCard, again.LeadershipAdjustment, again.YellowCardWithdrawn, again.LeadershipAdjustmentRescinded));
        Assert.Equal(["YellowCard", "LeadershipAdjustment"], again.Consequences.Select(c => c.Kind));
    }

    [Fact]
    public async Task AM17_a_city_rank_4th_added_by_correction_keeps_the_card_on_new_grounds_and_the_adjustment_reaches_the_head()
    {
        await server.DepartmentAsync("corr-city");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        var head = Build.Appointment("corr-boss", "corr-city", "2022-01-03", Post.DepartmentHead, level: 4);
        head.AdministrativeRank = AdministrativeRank.DivisionHead;
        head.AdministrativeRankSince = Build.Date("2010-01-01");
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(head);
        await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Assess("corr-city", 2024, DepartmentTier._3));

        var request = Correct("corr-city", 2024, DepartmentTier._3, "the city ranking arrived");
        request.CityRank = 4;
        request.CityGroupSize = 6;
        var corrected = await party.Call<CorrectDepartmentAssessmentRequest, CorrectDepartmentAssessmentResponse>(request);

        Assert.Equal((true, true, true, false), (corrected.YellowCard, corrected.LeadershipAdjustment, corrected.YellowCardWithdrawn, corrected.LeadershipAdjustmentRescinded));
        Assert.Equal((4, 6), (corrected.Assessment.CityRank, corrected.Assessment.CityGroupSize));

        // The adjustment the correction ordered reaches the head through the department's outbox, after the call.
        var query = new ListRotationDueRequest { AsOf = Build.Date("2025-03-01"), DepartmentId = "corr-city", Strength = RotationStrength.Mandatory };
        ListRotationDueResponse due = new();
        for (var attempt = 0; attempt < 100 && due.Entries.Count == 0; attempt++)
        {
            await Task.Delay(100);
            due = await party.Call<ListRotationDueRequest, ListRotationDueResponse>(query);
        }

        Assert.Equal("corr-boss", Assert.Single(due.Entries).EmployeeId);
    }

    [Fact]
    public async Task AM17_only_the_latest_assessed_year_may_be_corrected_and_a_refusal_writes_nothing()
    {
        await server.DepartmentAsync("corr-old");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Assess("corr-old", 2023, DepartmentTier._3));
        await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Assess("corr-old", 2024, DepartmentTier._1));
        var position = await server.Store.GetLastPositionAsync();
        var version = await server.Store.GetStreamVersionAsync("department:corr-old");

        var older = await party.Refused<CorrectDepartmentAssessmentRequest, CorrectDepartmentAssessmentResponse>(
            Correct("corr-old", 2023, DepartmentTier._2, "late appeal"));
        var unchanged = await party.Refused<CorrectDepartmentAssessmentRequest, CorrectDepartmentAssessmentResponse>(
            Correct("corr-old", 2024, DepartmentTier._1, "no change"));

        Assert.Equal((StatusCode.FailedPrecondition, StatusCode.FailedPrecondition), (older.StatusCode, unchanged.StatusCode));
        Assert.Contains("AM 第十七条", older.Status.Detail);
        Assert.Contains("later assessment (2024)", older.Status.Detail);
        Assert.Contains("changes nothing", unchanged.Status.Detail);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
        Assert.Equal(version, await server.Store.GetStreamVersionAsync("department:corr-old"));
    }

    private static RecordDepartmentAssessmentRequest Assess(string departmentId, int year, DepartmentTier tier) => new()
    {
        RequestId = Build.RequestId(), DepartmentId = departmentId, Year = year, Tier = tier, DecidedOn = Build.Date($"{year + 1}-01-20"),
    };

    private static CorrectDepartmentAssessmentRequest Correct(string departmentId, int year, DepartmentTier tier, string reason) => new()
    {
        RequestId = Build.RequestId(), DepartmentId = departmentId, Year = year, Tier = tier, Reason = reason, DecidedOn = Build.Date($"{year + 1}-02-10"),
    };
}
