using Personnel.Domain.Common;
using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;
using QuarterlyGrade = Personnel.Domain.Grading.QuarterlyGrade;

namespace Personnel.Grains.Tests.Integration;

public abstract partial class GrainSuite
{
    /// <summary>The caller's scope (department HR; heads and deputies graded by party-affairs, AS 第二条) is checked by
    /// the grain against the person it holds, before anything is written; the server reads no view row for it.</summary>
    [Fact]
    public async Task A_caller_scope_is_checked_against_the_employee_and_a_refusal_writes_nothing()
    {
        await Run("chen", "2024-01-02", Appointment("chen", Planning));
        await Run("deputy", "2024-01-02", Appointment("deputy", Planning, Post.DeputyHead, L4S5));
        var position = await Store.GetLastPositionAsync();
        var grade = new RecordQuarterlyGrade(new Quarter(2024, 1), QuarterlyGrade.Average);
        Task<EmployeeCommandResult> As(string employee, EmployeeScope? scope) =>
            Employee(employee).ExecuteAsync(grade, Context("2024-04-03") with { Scope = scope }, CancellationToken.None);

        var otherHr = Assert.IsType<OutOfScopeException>(await Refused(() => As("chen", new EmployeeScope("finance", LeadersExcluded: true))));
        var leader = Assert.IsType<OutOfScopeException>(await Refused(() => As("deputy", new EmployeeScope("planning", LeadersExcluded: true))));
        var leaderOtherHr = Assert.IsType<OutOfScopeException>(await Refused(() => As("deputy", new EmployeeScope("finance", LeadersExcluded: true))));
        var unknown = Assert.IsType<RuleRefusedException>(await Refused(() => As("nobody", new EmployeeScope("finance", LeadersExcluded: true)))).ToViolation();
        Assert.Equal(position, await Store.GetLastPositionAsync());

        Assert.Equal(("chen", "planning", false), (otherHr.EmployeeId, otherHr.DepartmentId, otherHr.IsLeader));
        Assert.Equal(("deputy", "DeputyHead", true), (leader.EmployeeId, leader.Post, leader.IsLeader));
        Assert.False(leaderOtherHr.IsLeader); // the department is checked first
        Assert.Equal(ViolationKind.NotFound, unknown.Kind); // not appointed: in every scope, the command says NOT_FOUND

        var ownHr = await As("chen", new EmployeeScope("planning", LeadersExcluded: true));
        var party = await As("deputy", new EmployeeScope(null, LeadersExcluded: false));
        Assert.Contains(ownHr.Events, e => e.Type == "quarterly-grade-recorded");
        Assert.Contains(party.Events, e => e.Type == "quarterly-grade-recorded");
        Assert.Equal(position + ownHr.Events.Count + party.Events.Count, await Store.GetLastPositionAsync());
    }
}
