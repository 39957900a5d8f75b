using Personnel.Grains.Runtime;

namespace Personnel.Grains.Tests.Runtime;

public sealed class IdleCollectionTests
{
    // The timer sweeps every minute; the explicit-sweep tests keep it out of the way with a long period.
    private static readonly GrainRuntimeOptions _options = RuntimeFixture.SweptByTests;

    private static readonly GrainRuntimeOptions _timerOptions = _options with { CollectionPeriod = TimeSpan.FromMinutes(1) };

    [Fact]
    public async Task An_activation_idle_for_the_timeout_is_deactivated_and_the_next_call_finds_its_state()
    {
        await using var fixture = new RuntimeFixture(_options);
        await fixture.Counter("e1").AddAsync(5, default);

        fixture.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.Equal(0, await fixture.Runtime.CollectIdleAsync());
        Assert.Equal(1, fixture.Runtime.ActiveActivationCount);

        fixture.Clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(1, await fixture.Runtime.CollectIdleAsync());
        Assert.Equal(0, fixture.Runtime.ActiveActivationCount);
        Assert.Equal([("e1", DeactivationReason.IdleTimeout)], fixture.Probe.Deactivations);

        var value = await fixture.Counter("e1").AddAsync(1, default);

        Assert.Equal(6, value);
        Assert.Equal(2, fixture.Probe.ActivationsOf("e1"));
        Assert.Equal(0, fixture.Probe.CallsOnDeactivated);
    }

    [Fact]
    public async Task A_call_resets_the_idle_age()
    {
        await using var fixture = new RuntimeFixture(_options);
        await fixture.Counter("busy").AddAsync(1, default);
        await fixture.Counter("quiet").AddAsync(1, default);

        fixture.Clock.Advance(TimeSpan.FromMinutes(9));
        await fixture.Counter("busy").AddAsync(1, default);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var collected = await fixture.Runtime.CollectIdleAsync();

        Assert.Equal(1, collected);
        Assert.Equal([("quiet", DeactivationReason.IdleTimeout)], fixture.Probe.Deactivations);
        Assert.Equal(1, fixture.Runtime.ActiveActivationCount);
    }

    [Fact]
    public async Task The_collector_timer_deactivates_idle_activations_as_the_clock_moves()
    {
        await using var fixture = new RuntimeFixture(_timerOptions);
        await fixture.Counter("e1").AddAsync(1, default);

        fixture.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(fixture.Probe.FirstDeactivation.Task.IsCompleted);
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await fixture.Probe.FirstDeactivation.Task.WaitAsync(TestTimeout.Hang);

        Assert.Equal([("e1", DeactivationReason.IdleTimeout)], fixture.Probe.Deactivations);
    }

    [Fact]
    public async Task A_call_arriving_during_deactivation_waits_and_gets_a_fresh_activation()
    {
        await using var fixture = new RuntimeFixture(_options);
        await fixture.Counter("e1").AddAsync(5, default);
        var releaseDeactivation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Probe.DeactivationGate = releaseDeactivation.Task;
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));

        var collecting = fixture.Runtime.CollectIdleAsync();
        await fixture.Probe.DeactivationStarted.Task.WaitAsync(TestTimeout.Hang);
        var call = fixture.Counter("e1").AddAsync(1, default);
        await Task.Yield();
        Assert.False(call.IsCompleted);
        fixture.Probe.DeactivationGate = null;
        releaseDeactivation.SetResult();

        Assert.Equal(1, await collecting.WaitAsync(TestTimeout.Hang));
        Assert.Equal(6, await call.WaitAsync(TestTimeout.Hang));
        Assert.Equal(2, fixture.Probe.ActivationsOf("e1"));
        Assert.Equal(0, fixture.Probe.CallsOnDeactivated);
        Assert.Equal(1, fixture.Probe.MaxLivePerKey);
    }

    [Fact]
    public async Task An_activation_busy_with_a_call_is_not_collected_even_when_its_last_call_ended_long_ago()
    {
        await using var fixture = new RuntimeFixture(_options);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await fixture.Counter("e1").AddAsync(1, default);
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        var held = fixture.Counter("e1").HoldAsync(entered, release.Task, default);
        await entered.Task.WaitAsync(TestTimeout.Hang);

        var collecting = fixture.Runtime.CollectIdleAsync();
        release.SetResult();
        await held.WaitAsync(TestTimeout.Hang);

        Assert.Equal(0, await collecting.WaitAsync(TestTimeout.Hang));
        Assert.Equal(1, fixture.Runtime.ActiveActivationCount);
    }

    [Fact]
    public void Options_refuse_a_non_positive_idle_timeout()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new GrainRuntime(new GrainRuntimeOptions { IdleTimeout = TimeSpan.Zero }, new FakeTimeProvider()));

        Assert.Contains("IdleTimeout must be positive", error.Message);
    }
}
