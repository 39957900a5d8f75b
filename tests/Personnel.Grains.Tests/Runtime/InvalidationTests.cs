using Personnel.Grains.Runtime;

namespace Personnel.Grains.Tests.Runtime;

public sealed class InvalidationTests
{
    [Fact]
    public async Task An_invalidated_activation_reloads_its_state_before_the_next_call_answers()
    {
        await using var fixture = new RuntimeFixture();
        var grain = fixture.Counter("e1");
        await grain.AddAsync(5, default);
        fixture.Store.WriteExternally("e1", CounterState.Empty with { Value = 42 });
        Assert.Equal(5, await grain.GetAsync(default));

        var marked = fixture.Runtime.Invalidate("Counter", "e1");

        Assert.True(marked);
        Assert.Equal(42, await grain.GetAsync(default));
        Assert.Equal(2, fixture.Probe.ActivationsOf("e1"));
        Assert.Equal([("e1", DeactivationReason.Invalidated)], fixture.Probe.Deactivations);
    }

    [Fact]
    public async Task Invalidation_during_a_turn_lets_that_turn_finish_and_reloads_before_the_next()
    {
        await using var fixture = new RuntimeFixture();
        var grain = fixture.Counter("e1");
        await grain.AddAsync(5, default);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = grain.HoldAsync(entered, release.Task, default);
        await entered.Task.WaitAsync(TestTimeout.Hang);

        fixture.Store.WriteExternally("e1", CounterState.Empty with { Value = 42 });
        fixture.Runtime.Invalidate<ICounterGrain>("e1");
        var next = grain.GetAsync(default);
        release.SetResult();

        Assert.Equal(5, await held.WaitAsync(TestTimeout.Hang));
        Assert.Equal(42, await next.WaitAsync(TestTimeout.Hang));
        Assert.Equal(0, fixture.Probe.CallsOnDeactivated);
    }

    [Fact]
    public async Task Invalidating_a_grain_without_an_activation_changes_nothing()
    {
        await using var fixture = new RuntimeFixture();

        Assert.False(fixture.Runtime.Invalidate("Counter", "absent"));
        Assert.Equal(0, fixture.Runtime.ActiveActivationCount);
    }

    [Fact]
    public async Task Invalidating_an_unregistered_grain_type_is_refused_by_name()
    {
        await using var fixture = new RuntimeFixture();

        var error = Assert.Throws<ArgumentException>(() => fixture.Runtime.Invalidate("Payroll", "e1"));

        Assert.Contains("'Payroll' is not registered", error.Message);
    }
}
