using Personnel.Domain.Departments;
using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Grains.Tests.Integration;

/// <summary>The leadership outbox is kept going by an Orleans reminder: an order that waits for a head is delivered by a
/// later tick, with no write and no explicit delivery, and the reminder goes once the outbox is empty.</summary>
public abstract partial class GrainSuite
{
    [Fact]
    public async Task AM17_an_order_waiting_for_a_head_is_discharged_by_a_reminder_tick_after_the_head_is_appointed()
    {
        var node = await GrainNode.StartAsync(Store, outboxPeriod: TimeSpan.FromMilliseconds(200));
        await using var _ = node;
        var planning = node.GetGrain<IDepartmentGrain>("planning");
        await planning.Create(new CreateDepartment("Planning Bureau", DepartmentKind.ZoneDepartment), Context("2022-01-03"));
        await planning.RecordAssessment(new RecordDepartmentAssessment(2022, DepartmentTier.Tier3, null), Context("2023-01-10"));
        await planning.RecordAssessment(new RecordDepartmentAssessment(2023, DepartmentTier.Tier4, null), Context("2024-01-10"));
        Assert.Single(await Store.ReadModels.ListDocumentsAsync(StreamIds.LeadershipOutbox, null, 10));

        await node.GetGrain<IEmployeeGrain>("successor").Appoint(Appointment("successor", Planning, Post.DepartmentHead, L4S5), Context("2024-03-01"));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        DepartmentYear year;
        do
        {
            await Task.Yield();
            year = (await planning.GetSnapshotAsync()).Years.Single(y => y.Year == 2023);
        }
        while (year.LeadershipAdjustmentDischargedBy is null && DateTime.UtcNow < deadline);

        Assert.Equal("successor", year.LeadershipAdjustmentDischargedBy);
        Assert.Empty(await Store.ReadModels.ListDocumentsAsync(StreamIds.LeadershipOutbox, null, 10));
    }
}
