using Personnel.Domain.Employees;
using Personnel.Domain.Posts;
using Personnel.Grains.Queries;

namespace Personnel.Grains.Tests.Queries;

public class EmployeeDirectoryTests : QueryHost
{
    [Fact]
    public async Task Search_PutsTheExactIdFirst_ThenIdPrefixesAndNamesInIdOrder()
    {
        await PutEmployeesAsync(Row("e-10", "Wang Fang"), Row("e-1", "Li Lei"), Row("a-7", "Fang Ming"), Row("b-2", "Zhao Yun"));

        var found = await Query<IEmployeeDirectory>().SearchAsync("e-1", 10, CancellationToken.None);
        var byName = await Query<IEmployeeDirectory>().SearchAsync("fang", 10, CancellationToken.None);

        Assert.Equal(["e-1", "e-10"], found.Matches.Select(m => m.EmployeeId));
        Assert.Equal(["a-7", "e-10"], byName.Matches.Select(m => m.EmployeeId));
        Assert.False(found.Truncated);
    }

    [Fact]
    public async Task Search_PastTheLimit_IsTruncated()
    {
        await PutEmployeesAsync(Row("e-1", "Li"), Row("e-2", "Li"), Row("e-3", "Li"));

        var found = await Query<IEmployeeDirectory>().SearchAsync("li", 2, CancellationToken.None);

        Assert.Equal(["e-1", "e-2"], found.Matches.Select(m => m.EmployeeId));
        Assert.True(found.Truncated);
    }

    [Fact]
    public async Task Headcount_CountsOnlyThePeopleInService()
    {
        await PutEmployeesAsync(
            Row("e-1", "A", status: "Appointed"), Row("e-2", "B", status: "InProbation"), Row("e-3", "C", status: "AwaitingRenewal"),
            Row("e-4", "D", status: "Resigned"), Row("e-5", "E", status: "TransferredOut"), Row("e-6", "F", department: "finance"));

        Assert.Equal(3, await Query<IEmployeeDirectory>().HeadcountAsync("planning", CancellationToken.None));
    }

    [Fact]
    public async Task AListing_ReadsTheNameFromTheRow_AndLeavesANameThisVersionDoesNotKnowUnset()
    {
        await PutEmployeesAsync(Row("e-1", "Li Lei", post: "DepartmentHead"), Row("e-2", "Wang", status: "SomeFutureState", post: "SomeFuturePost"));

        var known = await Query<IEmployeeDirectory>().GetAsync("e-1", CancellationToken.None);
        var unknown = await Query<IEmployeeDirectory>().GetAsync("e-2", CancellationToken.None);

        Assert.Equal(new EmployeeListing("e-1", "Li Lei", "planning", Post.DepartmentHead, 6, 3, ContractState.Appointed), known);
        Assert.Equal((null, null), (unknown!.Post, unknown.State));
        Assert.Null(await Query<IEmployeeDirectory>().GetAsync("e-3", CancellationToken.None));
    }
}
