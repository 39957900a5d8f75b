using Personnel.Domain.Departments;
using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Grains.Tests.Integration;

/// <summary>The leadership outbox is kept going by an Orleans reminder: a delivery whose outcome was lost is tried again
/// by a later tick, with no write and no explicit delivery, recorded once, and the reminder goes once the outbox is empty.</summary>
public abstract partial class GrainSuite
{
    [Fact]
    public async Task AM17_a_delivery_whose_outcome_was_lost_is_retried_by_the_reminder_and_the_head_is_ordered_once()
    {
        var probe = new ProbeStore(Store, "employee:head");
        var node = await StartNode(probe, outboxPeriod: TimeSpan.FromMilliseconds(200));
        var planning = node.GetGrain<IDepartmentGrain>("planning");
        await planning.Create(new CreateDepartment("Planning Bureau", DepartmentKind.ZoneDepartment), Context("2022-01-03"));
        await node.GetGrain<IEmployeeGrain>("head").Appoint(Appointment("head", Planning, Post.DepartmentHead, L4S5), Context("2022-01-03"));
        await planning.RecordAssessment(new RecordDepartmentAssessment(2022, DepartmentTier.Tier3, null), Context("2023-01-10"));

        // The order's first delivery commits on the head but its answer is lost: only a later reminder tick can finish it.
        probe.LoseNextOutcome();
        await planning.RecordAssessment(new RecordDepartmentAssessment(2023, DepartmentTier.Tier4, null), Context("2024-01-10"));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        DepartmentYear year;
        do
        {
            await Task.Yield();
            year = (await planning.GetSnapshotAsync()).Years.Single(y => y.Year == 2023);
        }
        while (year.LeadershipAdjustmentDeliveredTo is null && DateTime.UtcNow < deadline);

        Assert.Equal("head", year.LeadershipAdjustmentDeliveredTo);
        Assert.Single(await Store.ReadStreamAsync("employee:head"), e => e.Type == "leadership-adjustment-ordered");
        Assert.Empty(await Store.ReadModels.ListDocumentsAsync(StreamIds.LeadershipOutbox, null, 10));
    }
}
