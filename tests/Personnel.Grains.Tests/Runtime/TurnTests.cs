using Personnel.Grains.Runtime;

namespace Personnel.Grains.Tests.Runtime;

public sealed class TurnTests
{
    [Fact]
    public async Task Thousand_concurrent_calls_on_one_grain_run_one_at_a_time_each_once_in_each_callers_order()
    {
        await using var fixture = new RuntimeFixture();
        const int callers = 10;
        const int callsPerCaller = 100;
        using var start = new Barrier(callers);

        // Each caller issues its calls back to back without awaiting, from its own thread, all at once.
        // Dedicated threads: callers blocked on the barrier must not starve the pool the grains run on.
        var callerTasks = Enumerable.Range(0, callers).Select(caller => Task.Factory.StartNew(
            () =>
            {
                var grain = fixture.Counter("busy");
                start.SignalAndWait();
                return Enumerable.Range(0, callsPerCaller).Select(sequence => grain.RecordAsync(caller, sequence, default)).ToArray();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        var calls = (await Task.WhenAll(callerTasks)).SelectMany(c => c).ToArray();
        var positions = await Task.WhenAll(calls).WaitAsync(TestTimeout.Hang);

        Assert.Equal(1, fixture.Probe.MaxInside);
        Assert.Equal(0, fixture.Probe.Interleavings);
        Assert.Equal(Enumerable.Range(1, callers * callsPerCaller), positions.Order());
        var log = fixture.Store.Read("busy").Log;
        Assert.Equal(callers * callsPerCaller, log.Count);
        Assert.Equal(callers * callsPerCaller, log.Distinct().Count());
        for (var caller = 0; caller < callers; caller++)
        {
            var sequences = log.Where(entry => entry.Caller == caller).Select(entry => entry.Sequence);
            Assert.Equal(Enumerable.Range(0, callsPerCaller), sequences);
        }

        Assert.Equal(1, fixture.Probe.ActivationsOf("busy"));
    }

    [Fact]
    public async Task Read_await_write_updates_are_never_lost_under_concurrency()
    {
        await using var fixture = new RuntimeFixture();
        var grain = fixture.Counter("sum");

        var results = await Task.WhenAll(
            Enumerable.Range(1, 500).Select(i => Task.Run(() => grain.AddAsync(i, default)))).WaitAsync(TestTimeout.Hang);

        var total = Enumerable.Range(1, 500).Sum();
        Assert.Equal(total, await grain.GetAsync(default));
        Assert.Equal(total, results.Max());
        Assert.Equal(500, results.Distinct().Count());
        Assert.Equal(0, fixture.Probe.Interleavings);
    }

    [Fact]
    public async Task Different_grains_run_their_turns_in_parallel()
    {
        await using var fixture = new RuntimeFixture();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = fixture.Counter("held").HoldAsync(entered, release.Task, default);
        await entered.Task.WaitAsync(TestTimeout.Hang);

        var other = await fixture.Counter("other").AddAsync(3, default).WaitAsync(TestTimeout.Hang);

        Assert.Equal(3, other);
        Assert.False(held.IsCompleted);
        release.SetResult();
        await held.WaitAsync(TestTimeout.Hang);
    }

    [Fact]
    public async Task A_throwing_call_fails_only_that_call_and_the_activation_stays()
    {
        await using var fixture = new RuntimeFixture();
        var grain = fixture.Counter("c");
        await grain.AddAsync(5, default);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAsync("bad input", deactivate: false, default));

        Assert.Equal("bad input", error.Message);
        Assert.Equal(7, await grain.AddAsync(2, default));
        Assert.Equal(1, fixture.Probe.ActivationsOf("c"));
        Assert.Equal(1, fixture.Runtime.ActiveActivationCount);
    }

    [Fact]
    public async Task DeactivateOnIdle_after_a_failed_call_makes_the_next_call_reload_state()
    {
        await using var fixture = new RuntimeFixture();
        var grain = fixture.Counter("conflicted");
        await grain.AddAsync(5, default);
        fixture.Store.WriteExternally("conflicted", CounterState.Empty with { Value = 100 });

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAsync("version conflict", deactivate: true, default));
        var reloaded = await grain.GetAsync(default);

        Assert.Equal(100, reloaded);
        Assert.Equal(2, fixture.Probe.ActivationsOf("conflicted"));
        Assert.Contains(("conflicted", DeactivationReason.ApplicationRequested), fixture.Probe.Deactivations);
        Assert.Equal(1, fixture.Runtime.ActiveActivationCount);
    }

    [Fact]
    public async Task Calls_to_the_same_key_through_different_references_reach_the_same_activation()
    {
        await using var fixture = new RuntimeFixture();

        await fixture.Counter("k").AddAsync(1, default);
        var value = await fixture.Counter("k").AddAsync(1, default);

        Assert.Equal(2, value);
        Assert.Equal(1, fixture.Probe.ActivationsOf("k"));
        Assert.Equal(new GrainId("Counter", "k"), ((GrainProxy)(object)fixture.Counter("k")).GrainId);
    }
}
