using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Grains.Tests.Integration;

public abstract partial class GrainSuite
{
    [Fact]
    public async Task AM17_a_leadership_adjustment_reaches_the_head_once_through_the_outbox_even_when_delivery_repeats()
    {
        await Run("planning", "2022-01-03", new CreateDepartment("Planning Bureau", DepartmentKind.ZoneDepartment));
        await Run("head", "2022-01-03", Appointment("head", Planning, Post.DepartmentHead, L4S5));
        await Run("deputy", "2022-01-03", Appointment("deputy", Planning, Post.DeputyHead, L4S5));
        var first = await Run("planning", "2023-01-10", new RecordDepartmentAssessment(2022, DepartmentTier.Tier3, null));
        var second = await Run("planning", "2024-01-10", new RecordDepartmentAssessment(2023, DepartmentTier.Tier4, null));

        Assert.Equal([YellowCardGround.Tier], first.YellowCardGrounds);
        Assert.Null(first.LeadershipAdjustment);
        Assert.Equal(LeadershipAdjustmentGround.ConsecutiveYellowCards, second.LeadershipAdjustment);
        var ordered = second.Events.Single(e => e.Type == "leadership-adjustment-ordered");

        await Cluster.DeliverOutboxAsync();
        await Cluster.DeliverOutboxAsync();
        var redelivered = await Employee("head").ExecuteAsync(
            new OrderLeadershipAdjustment(Planning, 2023),
            new CommandContext($"leadership-adjustment:planning:{ordered.Version}", "outbox", D("2024-01-10")),
            CancellationToken.None);

        var stream = await Store.ReadStreamAsync("employee:head");
        Assert.Single(stream, e => e.Type == "leadership-adjustment-ordered");
        Assert.True(redelivered.Replayed);
        Assert.Empty(await Store.ReadModels.ListDocumentsAsync(StreamIds.LeadershipOutbox, null, 10));
        var view = await Store.ReadModels.GetEmployeeAsync("head");
        Assert.Equal((D("2024-01-10"), RotationStrength.Mandatory), (view!.RotationDueOn!.Value, view.RotationStrength!.Value));
        var tenure = await Employee("head").GetTenureAsync(D("2024-01-10"), CancellationToken.None);
        Assert.Equal(Domain.Employees.RotationStrength.Mandatory, tenure.Rotation!.Strength);
        Assert.DoesNotContain(await Store.ReadStreamAsync("employee:deputy"), e => e.Type == "leadership-adjustment-ordered");
    }

    [Fact]
    public async Task AM17_a_rescission_follows_the_order_to_the_head_it_reached_once_and_a_head_appointed_after_an_order_discharges_it()
    {
        await Run("planning", "2022-01-03", new CreateDepartment("Planning Bureau", DepartmentKind.ZoneDepartment));
        await Run("head", "2022-01-03", Appointment("head", Planning, Post.DepartmentHead, L4S5));
        await Run("planning", "2023-01-10", new RecordDepartmentAssessment(2022, DepartmentTier.Tier3, null));
        var second = await Run("planning", "2024-01-10", new RecordDepartmentAssessment(2023, DepartmentTier.Tier4, null));
        var order = second.Events.Single(e => e.Type == "leadership-adjustment-ordered").Version;
        await Cluster.DeliverOutboxAsync();
        var delivered = await Department("planning").GetSnapshotAsync(CancellationToken.None);
        Assert.Equal("head", delivered.Years.Single(y => y.Year == 2023).LeadershipAdjustmentDeliveredTo);

        var corrected = await Run("planning", "2024-02-10", new CorrectDepartmentAssessment(2023, DepartmentTier.Tier2, null, "recount"));
        Assert.Contains(corrected.Events, e => e.Type == "leadership-adjustment-rescinded");
        await Cluster.DeliverOutboxAsync();
        await Cluster.DeliverOutboxAsync();
        var again = await Employee("head").ExecuteAsync(
            new RescindLeadershipAdjustment(Planning, 2023),
            new CommandContext($"leadership-adjustment-rescinded:planning:{order}", "outbox", D("2024-02-10")),
            CancellationToken.None);

        Assert.True(again.Replayed);
        Assert.Single(await Store.ReadStreamAsync("employee:head"), e => e.Type == "leadership-adjustment-rescinded");
        Assert.Empty(await Store.ReadModels.ListDocumentsAsync(StreamIds.LeadershipOutbox, null, 10));
        var view = await Store.ReadModels.GetEmployeeAsync("head");
        Assert.Equal((D("2028-01-02"), RotationStrength.Advisory), (view!.RotationDueOn!.Value, view.RotationStrength!.Value));

        // The head rotates out; the next year's order waits for a head, and the head appointed after it discharges it.
        await Run("finance", "2024-12-20", new CreateDepartment("Finance Bureau", DepartmentKind.ZoneDepartment));
        await Run("head", "2025-01-02", new RotateEmployee(new DepartmentId("finance"), new PostLevel(Post.DepartmentHead, L4S5)));
        await Run("planning", "2025-01-10", new RecordDepartmentAssessment(2024, DepartmentTier.Tier1, new CityRank(4, 5)));
        await Cluster.DeliverOutboxAsync();
        Assert.Single(await Store.ReadModels.ListDocumentsAsync(StreamIds.LeadershipOutbox, null, 10));
        await Run("successor", "2025-03-01", Appointment("successor", Planning, Post.DepartmentHead, L4S5));
        await Cluster.DeliverOutboxAsync();
        var discharged = (await Department("planning").GetSnapshotAsync(CancellationToken.None)).Years.Single(y => y.Year == 2024);
        Assert.Equal(("successor", (DateOnly?)D("2025-03-01")), (discharged.LeadershipAdjustmentDischargedBy, discharged.LeadershipAdjustmentSettledOn));
        Assert.DoesNotContain(await Store.ReadStreamAsync("employee:successor"), e => e.Type.StartsWith("leadership-adjustment", StringComparison.Ordinal));
        Assert.Empty(await Store.ReadModels.ListDocumentsAsync(StreamIds.LeadershipOutbox, null, 10));
    }

    [Fact]
    public async Task A_department_is_created_once_and_assessed_in_year_order()
    {
        var created = await Run("planning", "2024-01-02", new CreateDepartment("Planning Bureau", DepartmentKind.ZoneDepartment));
        var again = await Refused(() => Run("planning", "2024-01-03", new CreateDepartment("Other", DepartmentKind.ZoneDepartment)));
        var unknown = await Refused(() => Department("finance").GetSnapshotAsync(CancellationToken.None));

        Assert.Equal(("Planning Bureau", 1L), (created.Snapshot.Name, created.Snapshot.Version));
        Assert.Equal(ViolationKind.AlreadyExists, Assert.IsType<RuleRefusedException>(again).ToViolation().Kind);
        Assert.Equal(ViolationKind.NotFound, Assert.IsType<RuleRefusedException>(unknown).ToViolation().Kind);
        Assert.Equal(1, await Store.GetStreamVersionAsync("department:planning"));
    }
}
