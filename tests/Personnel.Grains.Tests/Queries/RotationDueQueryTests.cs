using Personnel.Grains.Queries;
using Personnel.Storage;
using DomainStrength = Personnel.Domain.Employees.RotationStrength;
using StorageStrength = Personnel.Storage.RotationStrength;

namespace Personnel.Grains.Tests.Queries;

/// <summary>Who is due for rotation (AM 第十二条), answered in the domain's strengths, keyset-paged.</summary>
public class RotationDueQueryTests : QueryHost
{
    private static readonly DateOnly AsOf = new(2024, 6, 1);

    [Fact]
    public async Task AM12_TheDueAreListedEarliestFirst_ByStrength_PageAfterPage()
    {
        await PutEmployeesAsync(Row("head", "Li Lei", post: "DepartmentHead"), Row("chief", "Wang Fang", post: "SectionChief"), Row("deputy", "Zhao", post: "DeputyHead"));
        await TimelineAsync("head", new DateOnly(2024, 7, 1), StorageStrength.Mandatory);
        await TimelineAsync("chief", new DateOnly(2024, 6, 15), StorageStrength.Advisory);
        await TimelineAsync("deputy", new DateOnly(2024, 8, 1), StorageStrength.Mandatory);
        var query = Query<IRotationDueQuery>();

        var first = await query.ListAsync(new RotationDueRequest(AsOf, 365, null, null, null, 2), default);
        var second = await query.ListAsync(new RotationDueRequest(AsOf, 365, null, null, first.Next, 2), default);
        var mandatory = await query.ListAsync(new RotationDueRequest(AsOf, 365, null, DomainStrength.Mandatory, null, 10), default);

        Assert.Equal(["chief", "head"], first.Items.Select(i => i.Employee.EmployeeId));
        Assert.Equal(new RotationDuePosition(new DateOnly(2024, 7, 1), "head"), first.Next);
        Assert.Equal(["deputy"], second.Items.Select(i => i.Employee.EmployeeId));
        Assert.Null(second.Next);
        Assert.Equal(["head", "deputy"], mandatory.Items.Select(i => i.Employee.EmployeeId));
        Assert.Equal(
            new RotationDueItem(first.Items[0].Employee, "planning", new DateOnly(2024, 6, 15), DomainStrength.Advisory, 2, "two terms"),
            first.Items[0]);
        Assert.Equal("Wang Fang", first.Items[0].Employee.Name);
    }

    private async Task TimelineAsync(string employeeId, DateOnly dueOn, StorageStrength strength)
    {
        var period = new RotationDuePeriod(new DateOnly(2021, 1, 1), null, "planning", dueOn, strength, 2, "two terms");
        var outcome = await Store.AppendAsync(new Commit(
            "timeline-" + employeeId, "fingerprint", "test", [], [new ReplaceRotationTimeline(employeeId, [period])], "{}"));
        Assert.IsType<Appended>(outcome);
    }
}
