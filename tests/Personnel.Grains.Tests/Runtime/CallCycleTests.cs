using Personnel.Grains.Runtime;

namespace Personnel.Grains.Tests.Runtime;

public sealed class CallCycleTests
{
    [Fact]
    public async Task A_grain_may_await_another_grain_within_its_turn()
    {
        await using var fixture = new RuntimeFixture();

        var visited = await fixture.Relay("employee").RelayAsync(["department"], 0, default).WaitAsync(TestTimeout.Hang);

        Assert.Equal("employee→department", visited);
    }

    [Fact]
    public async Task A_call_back_into_a_waiting_grain_fails_with_the_cycle_instead_of_deadlocking()
    {
        await using var fixture = new RuntimeFixture();

        var error = await Assert.ThrowsAsync<GrainCallCycleException>(
            () => fixture.Relay("employee").RelayAsync(["department", "employee"], 0, default).WaitAsync(TestTimeout.Hang));

        Assert.Equal(
            [new GrainId("Relay", "employee"), new GrainId("Relay", "department"), new GrainId("Relay", "employee")],
            error.Chain);
        Assert.Contains("Relay/employee → Relay/department → Relay/employee.RelayAsync", error.Message);
    }

    [Fact]
    public async Task A_grain_calling_itself_fails_with_the_cycle()
    {
        await using var fixture = new RuntimeFixture();

        var error = await Assert.ThrowsAsync<GrainCallCycleException>(
            () => fixture.Relay("a").RelayAsync(["a"], 0, default).WaitAsync(TestTimeout.Hang));

        Assert.Equal([new GrainId("Relay", "a"), new GrainId("Relay", "a")], error.Chain);
    }

    [Fact]
    public async Task After_a_refused_cycle_every_grain_on_it_still_answers()
    {
        await using var fixture = new RuntimeFixture();
        await Assert.ThrowsAsync<GrainCallCycleException>(
            () => fixture.Relay("a").RelayAsync(["b", "c", "a"], 0, default).WaitAsync(TestTimeout.Hang));

        var visited = await fixture.Relay("c").RelayAsync(["b", "a"], 0, default).WaitAsync(TestTimeout.Hang);

        Assert.Equal("c→b→a", visited);
    }

    [Fact]
    public async Task Separate_callers_reaching_the_same_grain_are_not_a_cycle()
    {
        await using var fixture = new RuntimeFixture();

        var visits = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(i => fixture.Relay($"employee{i}").RelayAsync(["department"], 0, default)))
            .WaitAsync(TestTimeout.Hang);

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"employee{i}→department"), visits);
    }
}
