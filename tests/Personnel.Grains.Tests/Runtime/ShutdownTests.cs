using Personnel.Grains.Runtime;

namespace Personnel.Grains.Tests.Runtime;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_refuses_new_calls_finishes_running_and_queued_ones_and_deactivates_all()
    {
        var fixture = new RuntimeFixture();
        var grain = fixture.Counter("e1");
        await fixture.Counter("idle").AddAsync(1, default);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = grain.HoldAsync(entered, release.Task, default);
        await entered.Task.WaitAsync(TestTimeout.Hang);
        var queued = Enumerable.Range(0, 50).Select(i => grain.RecordAsync(0, i, default)).ToArray();

        var stopping = fixture.Runtime.StopAsync();
        var refused = await Assert.ThrowsAsync<GrainRuntimeStoppedException>(() => fixture.Counter("e2").AddAsync(1, default));
        Assert.False(stopping.IsCompleted);
        release.SetResult();
        await stopping.WaitAsync(TestTimeout.Hang);

        Assert.Equal(new GrainId("Counter", "e2"), refused.Grain);
        Assert.True(held.IsCompletedSuccessfully);
        Assert.All(queued, call => Assert.True(call.IsCompletedSuccessfully));
        Assert.Equal(Enumerable.Range(0, 50), fixture.Store.Read("e1").Log.Select(entry => entry.Sequence));
        Assert.Equal(0, fixture.Runtime.ActiveActivationCount);
        Assert.Equal(
            [("e1", DeactivationReason.RuntimeShutdown), ("idle", DeactivationReason.RuntimeShutdown)],
            fixture.Probe.Deactivations.Order());
        Assert.Equal(0, fixture.Probe.ActivationsOf("e2"));
    }

    [Fact]
    public async Task Grain_to_grain_calls_made_while_draining_still_run()
    {
        var fixture = new RuntimeFixture();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = fixture.Counter("blocker").HoldAsync(entered, release.Task, default);
        await entered.Task.WaitAsync(TestTimeout.Hang);

        // The relay call is accepted before the stop; it reaches grains that have no activation yet.
        var relay = fixture.Relay("employee").RelayAsync(["department", "zone"], 0, default);
        var stopping = fixture.Runtime.StopAsync();
        release.SetResult();
        await stopping.WaitAsync(TestTimeout.Hang);

        Assert.Equal("employee→department→zone", await relay);
        await held;
        Assert.Equal(0, fixture.Runtime.ActiveActivationCount);
        Assert.Equal(fixture.Runtime.GetStatistics().Activations, fixture.Runtime.GetStatistics().Deactivations);
    }
}
