namespace Personnel.Grains.Runtime;

public sealed partial class GrainRuntime
{
    private int _activeActivations;
    private long _activations;
    private long _failedActivations;
    private long _deactivations;
    private long _completedCalls;
    private long _viewReads;

    /// <summary>A snapshot of the runtime's counters.</summary>
    public GrainRuntimeStatistics GetStatistics() => new(
        ActiveActivationCount,
        Interlocked.Read(ref _activations),
        Interlocked.Read(ref _failedActivations),
        Interlocked.Read(ref _deactivations),
        Interlocked.Read(ref _completedCalls),
        Interlocked.Read(ref _viewReads));

    internal void CountActivation()
    {
        Interlocked.Increment(ref _activeActivations);
        Interlocked.Increment(ref _activations);
    }

    internal void CountFailedActivation() => Interlocked.Increment(ref _failedActivations);

    internal void CountDeactivation()
    {
        Interlocked.Decrement(ref _activeActivations);
        Interlocked.Increment(ref _deactivations);
    }

    internal void CountCompletedCall() => Interlocked.Increment(ref _completedCalls);

    private void CountViewRead() => Interlocked.Increment(ref _viewReads);
}
