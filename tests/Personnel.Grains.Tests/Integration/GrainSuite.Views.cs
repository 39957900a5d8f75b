using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;

namespace Personnel.Grains.Tests.Integration;

/// <summary>The post levels an employee activation publishes for reads without a grain call (<see cref="PostLevelView"/>).</summary>
public abstract partial class GrainSuite
{
    private static readonly PostLevel SectionChiefL6 = new(Post.SectionChief, L6S5);

    [Fact]
    public async Task The_post_level_view_answers_as_a_turn_does_and_shows_a_change_of_post_once_it_is_acknowledged()
    {
        await Run("li", "2024-01-02", Appointment("li", Planning));
        Assert.True(Cluster.Views().TryGet("li", out var appointed));

        await Run("li", "2024-06-01", new ChangePost(SectionChiefL6, "appointed section chief"));
        Assert.True(Cluster.Views().TryGet("li", out var changed));

        Assert.Equal(Post.DeputySectionChief, appointed.Answer(D("2024-06-01")).PostLevel.Post);
        Assert.Equal(SectionChiefL6, changed.Answer(D("2024-06-01")).PostLevel);
        foreach (var day in new[] { "2024-01-02", "2024-05-31", "2024-06-01", "2030-01-01" })
        {
            Assert.Equal(await Employee("li").GetPostLevelAsync(D(day), CancellationToken.None), changed.Answer(D(day)));
        }

        var before = await Refused(() => Employee("li").GetPostLevelAsync(D("2024-01-01"), CancellationToken.None));
        var viewBefore = Assert.Throws<Domain.Common.RuleViolationException>(() => changed.Answer(D("2024-01-01")));
        Assert.Equal(before.Message, viewBefore.Message);
        Assert.Equal(Domain.Common.ViolationKind.NotFound, viewBefore.Kind);
    }

    [Fact]
    public async Task An_employee_never_appointed_is_not_found_through_the_view_as_through_a_turn()
    {
        var turn = await Refused(() => Employee("nobody").GetPostLevelAsync(D("2024-01-02"), CancellationToken.None));
        Assert.True(Cluster.Views().TryGet("nobody", out var view));

        var read = Assert.Throws<Domain.Common.RuleViolationException>(() => view.Answer(D("2024-01-02")));

        Assert.Equal(turn.Message, read.Message);
        Assert.Equal(Domain.Common.ViolationKind.NotFound, read.Kind);
    }

    [Fact]
    public async Task A_write_whose_outcome_was_lost_withdraws_the_view_until_a_turn_reloads_what_storage_holds()
    {
        var probe = new ProbeStore(Store, "employee:zhou");
        var node = await StartNode(probe);
        var zhou = node.GetGrain<IEmployeeGrain>("zhou");
        await EnsureDepartmentAsync(Planning);
        await zhou.ExecuteAsync(Appointment("zhou", Planning), Context("2024-01-02"), CancellationToken.None);
        Assert.True(node.Views().TryGet("zhou", out _));

        probe.LoseNextOutcome();
        await Assert.ThrowsAsync<IOException>(() =>
            zhou.ExecuteAsync(new ChangePost(SectionChiefL6, "appointed section chief"), Context("2024-06-01"), CancellationToken.None));

        Assert.False(node.Views().TryGet("zhou", out _));
        var reloaded = await zhou.GetPostLevelAsync(D("2024-06-02"), CancellationToken.None);
        Assert.Equal(SectionChiefL6, reloaded.PostLevel);
        Assert.True(node.Views().TryGet("zhou", out var view));
        Assert.Equal(reloaded, view.Answer(D("2024-06-02")));
    }
}
