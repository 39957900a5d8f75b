using Personnel.Domain.Common;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Grains.Tests.Integration;

public abstract partial class GrainSuite
{
    [Fact]
    public async Task AS8_a_commit_rewrites_no_gradability_document_its_activation_already_wrote_and_a_new_activation_writes_them_again()
    {
        var probe = new ProbeStore(Store, "employee:lean");
        var node = await StartNode(probe);
        var lean = node.GetGrain<IEmployeeGrain>("lean");
        await EnsureDepartmentAsync(Planning);
        await lean.ExecuteAsync(Appointment("lean", Planning), Context("2024-01-02"), CancellationToken.None);
        await lean.ExecuteAsync(new RecordQualifications(AdministrativeRank.DeputySection, D("2015-07-01"), Education.Bachelor), Context("2024-01-02"), CancellationToken.None);
        await node.DeactivateAsync(lean);
        var again = node.GetGrain<IEmployeeGrain>("lean");
        await again.ExecuteAsync(new RecordQualifications(AdministrativeRank.DeputySection, D("2015-08-01"), Education.Bachelor), Context("2024-01-02"), CancellationToken.None);

        var puts = probe.Commits.Select(c => c.ReadModelWrites.OfType<PutDocument>().Count()).ToList();
        Assert.True(puts[0] > 0, "the appointment writes the person's gradability documents");
        Assert.Equal([puts[0], 0, puts[0]], puts);
        Assert.Equal(1, await Department("planning").GetQuarterEligibleAsync(2024, 1, CancellationToken.None));
    }

    [Fact]
    public async Task A_new_request_costs_no_request_lookup_and_a_repeat_still_gets_its_first_answer()
    {
        var probe = new ProbeStore(Store, "employee:once");
        var once = (await StartNode(probe)).GetGrain<IEmployeeGrain>("once");
        await EnsureDepartmentAsync(Planning);
        await once.ExecuteAsync(Appointment("once", Planning), Context("2024-01-02"), CancellationToken.None);
        var first = await once.ExecuteAsync(new RecordQuarterlyGrade(new Quarter(2024, 1), QuarterlyGrade.Average), Context("2024-03-31", "grade-q1"), CancellationToken.None);
        var lookupsBeforeRepeat = probe.RequestLookups;
        var repeat = await once.ExecuteAsync(new RecordQuarterlyGrade(new Quarter(2024, 1), QuarterlyGrade.Average), Context("2024-03-31", "grade-q1"), CancellationToken.None);

        Assert.Equal(0, lookupsBeforeRepeat);
        Assert.True(repeat.Replayed);
        Assert.Equal(first.Snapshot, repeat.Snapshot);
        Assert.Equal(first.Snapshot.Version, (await Store.ReadStreamAsync("employee:once")).Count);
    }
}
