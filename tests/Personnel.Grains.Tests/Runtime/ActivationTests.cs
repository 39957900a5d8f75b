using Personnel.Grains.Runtime;

namespace Personnel.Grains.Tests.Runtime;

public sealed class ActivationTests
{
    [Fact]
    public async Task Concurrent_first_calls_race_to_a_single_activation_per_key()
    {
        await using var fixture = new RuntimeFixture();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Probe.ActivationGate = gate.Task;
        var keys = Enumerable.Range(0, 20).Select(i => $"k{i}").ToArray();

        var calls = keys.SelectMany(key => Enumerable.Range(0, 25).Select(_ => Task.Run(() => fixture.Counter(key).AddAsync(1, default))))
            .ToArray();
        gate.SetResult();
        await Task.WhenAll(calls).WaitAsync(TestTimeout.Hang);

        Assert.All(keys, key => Assert.Equal(1, fixture.Probe.ActivationsOf(key)));
        Assert.All(keys, key => Assert.Equal(25, fixture.Store.Read(key).Value));
        Assert.Equal(1, fixture.Probe.MaxLivePerKey);
        Assert.Equal(keys.Length, fixture.Runtime.ActiveActivationCount);
        Assert.Equal(keys.Length, fixture.Runtime.GetStatistics().Activations);
    }

    [Fact]
    public async Task A_failed_activation_fails_the_call_with_its_error_and_the_next_call_retries()
    {
        await using var fixture = new RuntimeFixture();
        fixture.Store.WriteExternally("flaky", CounterState.Empty with { Value = 7 });
        fixture.Store.FailNextLoads(1);
        var grain = fixture.Counter("flaky");

        var error = await Assert.ThrowsAsync<IOException>(() => grain.GetAsync(default));
        Assert.Same(fixture.Store.LoadFailure, error);
        Assert.Equal(0, fixture.Runtime.ActiveActivationCount);

        var value = await grain.GetAsync(default);

        Assert.Equal(7, value);
        Assert.Equal(1, fixture.Probe.ActivationsOf("flaky"));
        Assert.Equal(new GrainRuntimeStatistics(1, 1, 1, 0, 1), fixture.Runtime.GetStatistics());
    }

    [Fact]
    public async Task Each_queued_call_behind_a_failing_activation_retries_it_in_turn()
    {
        await using var fixture = new RuntimeFixture();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Probe.ActivationGate = gate.Task;
        fixture.Store.FailNextLoads(2);
        var grain = fixture.Counter("flaky");

        var calls = Enumerable.Range(0, 4).Select(_ => grain.AddAsync(1, default)).ToArray();
        gate.SetResult();
        await Task.WhenAll(calls.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(TestTimeout.Hang);

        Assert.IsType<IOException>(calls[0].Exception!.InnerException);
        Assert.IsType<IOException>(calls[1].Exception!.InnerException);
        Assert.Equal(1, await calls[2]);
        Assert.Equal(2, await calls[3]);
        Assert.Equal(1, fixture.Probe.ActivationsOf("flaky"));
        Assert.Equal(2, fixture.Runtime.GetStatistics().FailedActivations);
    }

    [Fact]
    public async Task State_saved_by_one_activation_is_loaded_by_the_next()
    {
        await using var fixture = new RuntimeFixture();
        await fixture.Counter("e1").AddAsync(4, default);
        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Counter("e1").FailAsync("reload", deactivate: true, default));

        var value = await fixture.Counter("e1").AddAsync(1, default);

        Assert.Equal(5, value);
        Assert.Equal(2, fixture.Probe.ActivationsOf("e1"));
    }
}
