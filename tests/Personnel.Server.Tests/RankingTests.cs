using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Server.Tests;

/// <summary>The same server running the ranking-based yangshahu-2020 profile (RULES §9).</summary>
public sealed class YangshahuServerFixture : ServerFixture
{
    protected override string? Profile => "yangshahu-2020";
}

/// <summary>Ranking places under yangshahu-2020 (洋沙湖 三(五)19), through real gRPC: last place → post adjustment; bottom
/// three → warning and re-education; last place two years running → removal, the contract ends.</summary>
public sealed class RankingTests(YangshahuServerFixture server) : IClassFixture<YangshahuServerFixture>
{
    [Fact]
    public async Task YSH19_last_place_brings_post_adjustment_and_warning_and_last_place_two_years_running_ends_the_contract()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "lake"));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("rk-last", "lake", "2022-01-03"));

        var request = Place("rk-last", 2023, 10, 10, "2023-12-20");
        var first = await hr.Call<RecordRankingPlaceRequest, RecordRankingPlaceResponse>(request);
        Assert.Equal(["PostAdjustmentDue 洋沙湖 三(五)19", "RankingWarning 洋沙湖 三(五)19"], first.Consequences.Select(c => $"{c.Kind} {c.Article}"));
        Assert.Equal(ContractState.Appointed, first.Employee.State);

        // A retry answers the first result and records nothing; the same id for other content is refused.
        var position = await server.Store.GetLastPositionAsync();
        Assert.Equal(first, await hr.Call<RecordRankingPlaceRequest, RecordRankingPlaceResponse>(request));
        var reused = request.Clone();
        reused.Place = 9;
        var refused = await hr.Refused<RecordRankingPlaceRequest, RecordRankingPlaceResponse>(reused);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());

        var second = await hr.Call<RecordRankingPlaceRequest, RecordRankingPlaceResponse>(Place("rk-last", 2024, 12, 12, "2024-12-20"));
        Assert.Contains(second.Consequences, c => c.Kind == "RemovedForRanking" && c.Article == "洋沙湖 三(五)19");
        Assert.Equal(ContractState.Terminated, second.Employee.State);
        var read = await hr.Call<GetEmployeeRequest, GetEmployeeResponse>(new GetEmployeeRequest { EmployeeId = "rk-last" });
        Assert.Equal(ContractState.Terminated, read.Employee.State);
        var history = await hr.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = "rk-last" });
        Assert.Equal(2, history.Entries.Count(e => e.Type == "ranking-place-recorded"));
        Assert.Single(history.Entries, e => e.Type == "removed-for-ranking");

        // Downstream systems following the feed see the removal.
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var watch = server.As(await server.KeyAsync(Role.Reader))
            .Watch(new WatchEventsRequest { Types_ = { "removed-for-ranking" }, DepartmentId = "lake" }, cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal(("employee:rk-last", Build.Date("2024-12-20")), (watch.ResponseStream.Current.StreamId, watch.ResponseStream.Current.OccurredOn));
    }

    [Fact]
    public async Task YSH19_the_bottom_three_are_warned_a_middle_place_brings_nothing_and_a_tie_for_last_counts_as_last()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "lake"));
        foreach (var id in new[] { "rk-mid", "rk-third", "rk-tie" })
        {
            await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment(id, "lake", "2022-01-03"));
        }

        var middle = await hr.Call<RecordRankingPlaceRequest, RecordRankingPlaceResponse>(Place("rk-mid", 2023, 5, 10, "2023-12-20"));
        var third = await hr.Call<RecordRankingPlaceRequest, RecordRankingPlaceResponse>(Place("rk-third", 2023, 8, 10, "2023-12-20"));
        var tied = Place("rk-tie", 2023, 9, 10, "2023-12-20");
        tied.PlaceFromBottom = 1;
        var tie = await hr.Call<RecordRankingPlaceRequest, RecordRankingPlaceResponse>(tied);

        Assert.Empty(middle.Consequences);
        Assert.Equal(["RankingWarning"], third.Consequences.Select(c => c.Kind));
        Assert.Equal(["PostAdjustmentDue", "RankingWarning"], tie.Consequences.Select(c => c.Kind));
    }

    [Fact]
    public async Task AS9_a_ranking_place_before_1_December_is_refused_naming_the_article_and_writes_nothing()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "lake"));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("rk-early", "lake", "2022-01-03"));
        var position = await server.Store.GetLastPositionAsync();

        var refused = await hr.Refused<RecordRankingPlaceRequest, RecordRankingPlaceResponse>(Place("rk-early", 2023, 10, 10, "2023-11-30"));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("AS 第九条", refused.Status.Detail);
        Assert.Contains("2023-12-01", refused.Status.Detail);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
    }

    [Fact]
    public async Task AS2_the_ranking_place_of_a_deputy_head_is_recorded_by_party_affairs_only()
    {
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        var hr = server.As(await server.KeyAsync(Role.Hr, "lake"));
        var deputy = Build.Appointment("rk-deputy", "lake", "2022-01-03", Post.DeputyHead, level: 5);
        deputy.AdministrativeRank = AdministrativeRank.DeputyDivision;
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(deputy);
        var position = await server.Store.GetLastPositionAsync();

        var byHr = await hr.Refused<RecordRankingPlaceRequest, RecordRankingPlaceResponse>(Place("rk-deputy", 2023, 1, 4, "2023-12-20"));
        Assert.Equal(StatusCode.PermissionDenied, byHr.StatusCode);
        Assert.Contains("AS 第二条", byHr.Status.Detail);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
        var byParty = await party.Call<RecordRankingPlaceRequest, RecordRankingPlaceResponse>(Place("rk-deputy", 2023, 1, 4, "2023-12-20"));
        Assert.Empty(byParty.Consequences);
    }

    private static RecordRankingPlaceRequest Place(string employeeId, int year, int place, int groupSize, string on) => new()
    {
        RequestId = Build.RequestId(), EmployeeId = employeeId, Year = year, Place = place, GroupSize = groupSize, DecidedOn = Build.Date(on),
    };
}
