namespace Personnel.Grains.Tests.Runtime;

public sealed class CancellationTests
{
    [Fact]
    public async Task A_call_with_an_already_cancelled_token_is_cancelled_without_activating_the_grain()
    {
        await using var fixture = new RuntimeFixture();

        var call = fixture.Counter("e1").AddAsync(1, new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(call.IsCanceled);
        Assert.Equal(0, fixture.Probe.ActivationsOf("e1"));
        Assert.Equal(0, fixture.Store.Read("e1").Value);
    }

    [Fact]
    public async Task Cancelling_a_queued_call_removes_it_without_running_it()
    {
        await using var fixture = new RuntimeFixture();
        var grain = fixture.Counter("e1");
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = grain.HoldAsync(entered, release.Task, default);
        await entered.Task.WaitAsync(TestTimeout.Hang);
        using var cancellation = new CancellationTokenSource();

        var queued = grain.RecordAsync(caller: 1, sequence: 1, cancellation.Token);
        var after = grain.RecordAsync(caller: 2, sequence: 2, default);
        await cancellation.CancelAsync();

        // Cancelled while the turn ahead of it still holds the grain: it must not wait for that turn.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(TestTimeout.Hang));
        Assert.False(held.IsCompleted);
        release.SetResult();
        await held.WaitAsync(TestTimeout.Hang);
        Assert.Equal(1, await after.WaitAsync(TestTimeout.Hang));
        Assert.Equal([(2, 2)], fixture.Store.Read("e1").Log);
    }

    [Fact]
    public async Task Cancelling_during_the_turn_reaches_the_grain_and_the_activation_stays()
    {
        await using var fixture = new RuntimeFixture();
        var grain = fixture.Counter("e1");
        await grain.AddAsync(3, default);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = new CancellationTokenSource();

        var held = grain.HoldAsync(entered, never.Task, cancellation.Token);
        await entered.Task.WaitAsync(TestTimeout.Hang);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held.WaitAsync(TestTimeout.Hang));
        Assert.True(held.IsCanceled);
        Assert.Equal(4, await grain.AddAsync(1, default));
        Assert.Equal(1, fixture.Probe.ActivationsOf("e1"));
    }

    [Fact]
    public async Task Cancelling_the_call_that_triggers_activation_discards_it_and_the_next_call_activates()
    {
        await using var fixture = new RuntimeFixture();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Probe.ActivationGate = gate.Task;
        using var cancellation = new CancellationTokenSource();

        var first = fixture.Counter("e1").AddAsync(1, cancellation.Token);
        await cancellation.CancelAsync();
        gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.WaitAsync(TestTimeout.Hang));
        Assert.Equal(1, await fixture.Counter("e1").AddAsync(1, default));
        Assert.Equal(1, fixture.Probe.ActivationsOf("e1"));
    }
}
