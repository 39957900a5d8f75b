using Personnel.Domain.Common;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;

namespace Personnel.Grains.Tests.Integration;

/// <summary>Two silos on one store: one activation answers through both, refusals cross with their rule and facts, and a
/// post level fetched by the other silo is used for at most the view's bound.</summary>
public abstract partial class GrainSuite
{
    [Fact]
    public async Task A_write_through_one_silo_is_read_through_the_other_from_the_one_activation()
    {
        var two = await StartNode(Store, silos: 2);
        await EnsureDepartmentAsync(Planning);
        await two.Factory(0).GetGrain<IEmployeeGrain>("wang").Appoint(Appointment("wang", Planning), Context("2024-01-02"));
        await two.Factory(1).GetGrain<IEmployeeGrain>("wang").RecordQuarterlyGrade(
            new RecordQuarterlyGrade(new Quarter(2024, 1), QuarterlyGrade.FairlyGood), Context("2024-03-31"));

        var seen = await Task.WhenAll(two.Factory(0).GetGrain<IEmployeeGrain>("wang").GetSnapshotAsync(), two.Factory(1).GetGrain<IEmployeeGrain>("wang").GetSnapshotAsync());

        Assert.Equal((3L, 3L), (seen[0].Version, seen[1].Version));
        Assert.Equal(seen[0], seen[1]);
        // Results holding domain events (the grade list) cross as well.
        var grades = await Task.WhenAll(two.Factory(0).GetGrain<IEmployeeGrain>("wang").ListGradesAsync(), two.Factory(1).GetGrain<IEmployeeGrain>("wang").ListGradesAsync());
        Assert.Equal([QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood], grades.Select(g => Assert.Single(g.Quarterly).Grade));
        Assert.Equal(3, (await Store.ReadStreamAsync("employee:wang")).Count);
    }

    [Fact]
    public async Task A_rule_refusal_reaches_a_caller_on_either_silo_with_its_rule_article_facts_and_kind()
    {
        var two = await StartNode(Store, silos: 2);
        await EnsureDepartmentAsync(Planning);
        await two.Factory(0).GetGrain<IEmployeeGrain>("ma").Appoint(Appointment("ma", Planning), Context("2024-01-02"));

        // A grade for a quarter not ended yet on its recording day: one of the two callers is on the other silo.
        var refusals = new List<RuleRefusedException>();
        foreach (var silo in new[] { 0, 1 })
        {
            var refused = await Refused(() => two.Factory(silo).GetGrain<IEmployeeGrain>("ma").RecordQuarterlyGrade(
                new RecordQuarterlyGrade(new Quarter(2024, 2), QuarterlyGrade.Average), Context("2024-04-02")));
            refusals.Add(Assert.IsType<RuleRefusedException>(refused));
        }

        Assert.Equal(
            (refusals[0].Code, refusals[0].Article, refusals[0].Facts, refusals[0].Kind, refusals[0].Message),
            (refusals[1].Code, refusals[1].Article, refusals[1].Facts, refusals[1].Kind, refusals[1].Message));
        Assert.False(string.IsNullOrEmpty(refusals[0].Article));
        Assert.Contains(refusals[0].Facts, refusals[0].Message, StringComparison.Ordinal);
        Assert.Equal(refusals[0].Message, refusals[0].ToViolation().Message);
        Assert.Equal(2, (await Store.ReadStreamAsync("employee:ma")).Count);
    }

    [Fact]
    public async Task A_post_level_fetched_by_the_other_silo_answers_there_until_the_bound_then_the_write_shows()
    {
        var two = await StartNode(Store, silos: 2);
        await EnsureDepartmentAsync(Planning);
        await two.Factory(0).GetGrain<IEmployeeGrain>("qian").Appoint(Appointment("qian", Planning), Context("2024-01-02"));
        var readers = new[] { two.Reader(0), two.Reader(1) };
        // Each silo reads once: the silo that holds the activation has its own entry; the other fetches one.
        foreach (var reader in readers)
        {
            Assert.Equal(Post.DeputySectionChief, (await reader.AnswerAsync("qian", D("2024-06-02"), CancellationToken.None)).PostLevel.Post);
        }

        await two.Factory(0).GetGrain<IEmployeeGrain>("qian").ChangePost(
            new ChangePost(new PostLevel(Post.SectionChief, L6S5), "appointed section chief"), Context("2024-06-01"));

        // Where the grain lives the write is read at once. Find it: the silo whose view now shows version 3.
        var owner = readers.Select((r, i) => (i, two.Views(i).TryGet("qian", out var v) ? v.Version : 0)).Single(x => x.Item2 == 3).i;
        var other = 1 - owner;
        var fetches = readers[other].Fetches;
        var stale = await readers[other].AnswerAsync("qian", D("2024-06-02"), CancellationToken.None);
        Assert.Equal(Post.DeputySectionChief, stale.PostLevel.Post);
        Assert.Equal(fetches, readers[other].Fetches);

        two.ViewClock.Advance(TimeSpan.FromSeconds(1.5));
        var fresh = await readers[other].AnswerAsync("qian", D("2024-06-02"), CancellationToken.None);
        Assert.Equal(Post.SectionChief, fresh.PostLevel.Post);
        Assert.Equal(fetches + 1, readers[other].Fetches);
        Assert.Equal(Post.SectionChief, (await readers[owner].AnswerAsync("qian", D("2024-06-02"), CancellationToken.None)).PostLevel.Post);
    }
}
