using Personnel.Grains.Runtime;

namespace Personnel.Grains.Tests.Runtime;

/// <summary>
/// Views an activation publishes (<see cref="Grain.PublishView"/>) are read on the caller's thread without a turn
/// (<see cref="GrainRuntime.TryReadView{TGrainInterface, TView}"/>), and only while they can be trusted: the activation
/// is live, not marked stale, and has not withdrawn its view. Otherwise the caller is told to take a turn.
/// </summary>
public sealed class ViewTests
{
    private static readonly GrainRuntimeOptions _options = RuntimeFixture.SweptByTests;

    [Fact]
    public async Task A_published_view_is_read_without_a_turn_and_shows_each_acknowledged_write()
    {
        await using var fixture = new RuntimeFixture(_options);
        await fixture.Counter("e1").AddAsync(5, default);
        var turns = fixture.Runtime.GetStatistics().CompletedCalls;

        Assert.True(fixture.Runtime.TryReadView<ICounterGrain, CounterView>("e1", out var first));
        await fixture.Counter("e1").AddAsync(2, default);
        Assert.True(fixture.Runtime.TryReadView<ICounterGrain, CounterView>("e1", out var second));

        Assert.Equal(5, first.Value);
        Assert.Equal(7, second.Value);
        var statistics = fixture.Runtime.GetStatistics();
        Assert.Equal(turns + 1, statistics.CompletedCalls);
        Assert.Equal(2, statistics.ViewReads);
    }

    [Fact]
    public async Task A_read_during_a_turn_sees_the_state_before_it_and_never_waits_for_it()
    {
        await using var fixture = new RuntimeFixture(_options);
        var grain = fixture.Counter("e1");
        await grain.AddAsync(5, default);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = grain.HoldAsync(entered, release.Task, default);
        await entered.Task.WaitAsync(TestTimeout.Hang);
        var queued = grain.AddAsync(1, default);

        Assert.True(fixture.Runtime.TryReadView<ICounterGrain, CounterView>("e1", out var during));
        Assert.Equal(5, during.Value);
        Assert.False(queued.IsCompleted);

        release.SetResult();
        Assert.Equal(6, await queued.WaitAsync(TestTimeout.Hang));
        await held.WaitAsync(TestTimeout.Hang);
        Assert.True(fixture.Runtime.TryReadView<ICounterGrain, CounterView>("e1", out var after));
        Assert.Equal(6, after.Value);
    }

    [Fact]
    public async Task No_view_is_read_for_a_grain_with_no_activation_and_trying_does_not_activate_it()
    {
        await using var fixture = new RuntimeFixture(_options);

        Assert.False(fixture.Runtime.TryReadView<ICounterGrain, CounterView>("never", out var view));

        Assert.Null(view);
        Assert.Equal(0, fixture.Runtime.ActiveActivationCount);
        Assert.Equal(0, fixture.Store.Loads);
        Assert.Equal(0, fixture.Runtime.GetStatistics().ViewReads);
    }

    [Fact]
    public async Task A_view_of_another_type_or_grain_interface_is_not_read()
    {
        await using var fixture = new RuntimeFixture(_options);
        await fixture.Counter("e1").AddAsync(5, default);

        Assert.False(fixture.Runtime.TryReadView<ICounterGrain, string>("e1", out _));
        Assert.False(fixture.Runtime.TryReadView<IRelayGrain, CounterView>("e1", out _));
    }

    [Fact]
    public async Task A_stale_activation_gives_no_view_until_a_turn_has_reloaded_it()
    {
        await using var fixture = new RuntimeFixture(_options);
        var grain = fixture.Counter("e1");
        await grain.AddAsync(5, default);
        fixture.Store.WriteExternally("e1", CounterState.Empty with { Value = 42 });

        Assert.True(fixture.Runtime.Invalidate<ICounterGrain>("e1"));
        Assert.False(fixture.Runtime.TryReadView<ICounterGrain, CounterView>("e1", out _));

        Assert.Equal(42, await grain.GetAsync(default));
        Assert.True(fixture.Runtime.TryReadView<ICounterGrain, CounterView>("e1", out var reloaded));
        Assert.Equal(42, reloaded.Value);
    }

    [Fact]
    public async Task A_deactivated_activation_gives_no_view()
    {
        await using var fixture = new RuntimeFixture(_options);
        await fixture.Counter("e1").AddAsync(5, default);

        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await fixture.Runtime.CollectIdleAsync());

        Assert.False(fixture.Runtime.TryReadView<ICounterGrain, CounterView>("e1", out _));
    }

    [Fact]
    public async Task A_withdrawn_view_is_not_read_and_the_next_write_publishes_again()
    {
        await using var fixture = new RuntimeFixture(_options);
        var grain = fixture.Counter("e1");
        await grain.AddAsync(5, default);

        await grain.WithdrawViewAsync(default);
        Assert.False(fixture.Runtime.TryReadView<ICounterGrain, CounterView>("e1", out _));

        await grain.AddAsync(1, default);
        Assert.True(fixture.Runtime.TryReadView<ICounterGrain, CounterView>("e1", out var view));
        Assert.Equal(6, view.Value);
    }

    [Fact]
    public async Task A_view_read_counts_as_activity_for_the_idle_collector()
    {
        await using var fixture = new RuntimeFixture(_options);
        await fixture.Counter("read").AddAsync(1, default);
        await fixture.Counter("quiet").AddAsync(1, default);

        fixture.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.True(fixture.Runtime.TryReadView<ICounterGrain, CounterView>("read", out _));
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, await fixture.Runtime.CollectIdleAsync());
        Assert.Equal([("quiet", DeactivationReason.IdleTimeout)], fixture.Probe.Deactivations);
    }

    [Fact]
    public async Task A_stopped_runtime_gives_no_view()
    {
        var fixture = new RuntimeFixture(_options);
        await fixture.Counter("e1").AddAsync(5, default);

        await fixture.Runtime.StopAsync();

        Assert.False(fixture.Runtime.TryReadView<ICounterGrain, CounterView>("e1", out _));
    }

    [Fact]
    public async Task Readers_on_other_threads_never_see_less_than_the_last_acknowledged_write()
    {
        const int writes = 2000;
        await using var fixture = new RuntimeFixture(_options);
        var grain = fixture.Counter("e1");
        await grain.AddAsync(0, default);
        var acknowledged = 0;
        var violations = 0;
        var reads = 0;
        using var done = new CancellationTokenSource();

        // Dedicated threads: spinning readers on thread-pool threads would starve the writer's continuations.
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            var last = 0;
            while (!done.IsCancellationRequested)
            {
                var floor = Volatile.Read(ref acknowledged);
                if (!fixture.Runtime.TryReadView<ICounterGrain, CounterView>("e1", out var view))
                {
                    continue;
                }

                Interlocked.Increment(ref reads);
                if (view.Value < floor || view.Value < last)
                {
                    Interlocked.Increment(ref violations);
                }

                last = view.Value;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        for (var i = 1; i <= writes; i++)
        {
            var value = await grain.AddAsync(1, default);
            Volatile.Write(ref acknowledged, value);
        }

        await done.CancelAsync();
        await Task.WhenAll(readers).WaitAsync(TestTimeout.Hang);

        Assert.Equal(0, violations);
        Assert.True(reads > writes, $"only {reads} reads ran beside {writes} writes");
        Assert.True(fixture.Runtime.TryReadView<ICounterGrain, CounterView>("e1", out var final));
        Assert.Equal(writes, final.Value);
    }
}
