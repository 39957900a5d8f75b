using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using Personnel.Domain.Profiles;
using Personnel.Grains.Abstractions;

namespace Personnel.Grains.Tests.Integration;

public abstract partial class GrainSuite
{
    /// <summary>Snapshots every four events, so the careers below take several.</summary>
    private const int SnapshotEvery = 4;

    [Fact]
    public async Task An_activation_starts_from_its_snapshot_reads_only_the_events_after_it_and_answers_as_a_whole_replay_would()
    {
        var (probe, node) = await SnapCareerAsync();
        await CareerAsync(node, "twin");
        var grain = node.GetGrain<IEmployeeGrain>("snap");
        var before = await grain.GetSnapshotAsync(CancellationToken.None);
        var gradesBefore = await grain.ListGradesAsync(CancellationToken.None);
        var tenureBefore = await grain.GetTenureAsync(D("2023-01-05"), CancellationToken.None);
        var pastBefore = await grain.GetTenureAsync(D("2021-06-30"), CancellationToken.None);

        await node.DeactivateAsync(grain);
        probe.ClearReads();
        var after = await grain.GetSnapshotAsync(CancellationToken.None);

        // One read, from the last snapshot's version (proving the stream reaches it) to the end.
        var from = Assert.Single(probe.StreamReads);
        Assert.InRange(before.Version - from, 0, SnapshotEvery - 1);
        Assert.True(from > SnapshotEvery, $"read from version {from}: no snapshot was used");
        Assert.Equal(before, after);
        Assert.Equal(AsJson(gradesBefore), AsJson(await grain.ListGradesAsync(CancellationToken.None)));

        // A question about a past date replays the past: the whole stream is read once, then kept by the activation.
        Assert.Equal(AsJson(pastBefore), AsJson(await grain.GetTenureAsync(D("2021-06-30"), CancellationToken.None)));
        Assert.Equal(AsJson(tenureBefore), AsJson(await grain.GetTenureAsync(D("2023-01-05"), CancellationToken.None)));
        Assert.Equal([from, 1L], probe.StreamReads);

        // A promotion to a new post judges AM 第五条 on the whole past: an activation from the snapshot decides it as the
        // twin does, whose activation never left memory.
        await node.DeactivateAsync(grain);
        var promote = new PromoteEmployee(new PostLevel(Post.SectionChief, L4S5));
        Assert.Equal(
            await OutcomeAsync(node, "twin", promote),
            (await OutcomeAsync(node, "snap", promote)).Replace("snap", "twin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_snapshot_is_a_cache_turned_off_or_beyond_a_restored_stream_it_is_not_used_and_the_stream_is_replayed()
    {
        var (probe, node) = await SnapCareerAsync();
        var grain = node.GetGrain<IEmployeeGrain>("snap");
        var whole = await grain.GetSnapshotAsync(CancellationToken.None);
        await node.DeactivateAsync(grain);
        probe.ClearReads();
        await grain.GetSnapshotAsync(CancellationToken.None);
        var from = Assert.Single(probe.StreamReads);
        Assert.True(from > 1, "no snapshot was written");
        await node.DeactivateAsync(grain);

        // Snapshots off (another cluster of the same service, on the same database): the whole stream, the same state.
        var off = await StartNode(probe, snapshotEvery: 0);
        probe.ClearReads();
        Assert.Equal(whole, await off.GetGrain<IEmployeeGrain>("snap").GetSnapshotAsync(CancellationToken.None));
        Assert.Equal([1L], probe.StreamReads);
        await off.DeactivateAsync(off.GetGrain<IEmployeeGrain>("snap"));

        // A store restored from a backup older than the snapshot: the snapshot's version is not in the stream, so the
        // activation replays what the stream holds instead of trusting a state the store no longer has.
        probe.HideFrom(from);
        probe.ClearReads();
        var restored = await grain.GetSnapshotAsync(CancellationToken.None);
        Assert.Equal([from, 1L], probe.StreamReads);
        Assert.Equal(from - 1, restored.Version);
    }

    [Fact]
    public async Task A_snapshot_taken_under_another_grading_policy_is_not_used_and_is_replaced_at_once()
    {
        var (probe, node) = await SnapCareerAsync();
        var whole = await node.GetGrain<IEmployeeGrain>("snap").GetSnapshotAsync(CancellationToken.None);
        await node.DeactivateAsync(node.GetGrain<IEmployeeGrain>("snap"));

        // The zone changes its profile: replay under the new policy may differ, so the old snapshot is refused, the stream
        // replayed whole, and a snapshot under the new policy written by that activation.
        var profile = PolicyProfiles.Default with { Grading = PolicyProfiles.Default.Grading with { GoodQuotaRatio = 0.5m } };
        var changed = await StartNode(probe, snapshotEvery: SnapshotEvery, profile: profile);
        var grain = changed.GetGrain<IEmployeeGrain>("snap");
        probe.ClearReads();
        Assert.Equal(whole, await grain.GetSnapshotAsync(CancellationToken.None));
        var refused = probe.StreamReads.ToList();
        Assert.Equal(2, refused.Count);
        Assert.Equal(1L, refused[1]);

        await changed.DeactivateAsync(grain);
        probe.ClearReads();
        Assert.Equal(whole, await grain.GetSnapshotAsync(CancellationToken.None));
        Assert.Equal([whole.Version], probe.StreamReads);
    }

    /// <summary>A cluster taking a snapshot every <see cref="SnapshotEvery"/> events, on a store that watches the stream of
    /// "snap", whose career it has recorded.</summary>
    private async Task<(ProbeStore Probe, GrainNode Node)> SnapCareerAsync()
    {
        var probe = new ProbeStore(Store, "employee:snap");
        var node = await StartNode(probe, snapshotEvery: SnapshotEvery);
        await EnsureDepartmentAsync(Planning);
        await CareerAsync(node, "snap");
        return (probe, node);
    }

    /// <summary>Two years of grades ending in a demotion (AS 第二十条), and a third graded Competent: about twenty events.</summary>
    private async Task CareerAsync(GrainNode node, string id)
    {
        var grain = node.GetGrain<IEmployeeGrain>(id);
        await grain.ExecuteAsync(Appointment(id, Planning), Context("2020-01-06"), CancellationToken.None);
        foreach (var year in new[] { 2020, 2021, 2022 })
        {
            foreach (var quarter in Quarter.OfYear(year))
            {
                var quarterly = year == 2022 ? QuarterlyGrade.FairlyGood : QuarterlyGrade.Average;
                await grain.ExecuteAsync(new RecordQuarterlyGrade(quarter, quarterly), Context(quarter.LastDay.ToString("yyyy-MM-dd")), CancellationToken.None);
            }

            var grade = year == 2022 ? AnnualGrade.Competent : AnnualGrade.BasicallyCompetent;
            await grain.ExecuteAsync(new RecordAnnualGrade(year, grade, AnnualAssessment.None), Context($"{year}-12-18"), CancellationToken.None);
        }
    }

    /// <summary>An answer in the events' JSON form, to compare whole answers field by field.</summary>
    private static string AsJson<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, EventJson.Options);

    /// <summary>What a command ends in: its events and the post level, or the refusal's type and message.</summary>
    private async Task<string> OutcomeAsync(GrainNode node, string id, EmployeeCommand command)
    {
        try
        {
            var result = await node.GetGrain<IEmployeeGrain>(id).ExecuteAsync(command, Context("2023-01-10"), CancellationToken.None);
            return $"{string.Join(",", result.Events.Select(e => e.Type))} {result.Snapshot.PostLevel}";
        }
        catch (Exception exception) when (exception is not InvalidOperationException)
        {
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }
}
