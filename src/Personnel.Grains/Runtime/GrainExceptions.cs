namespace Personnel.Grains.Runtime;

/// <summary>
/// A grain call would re-enter an activation already waiting further up the same call chain
/// (A → B → A). Turns never interleave, so the call could never run: it is refused instead of
/// deadlocking.
/// </summary>
public sealed class GrainCallCycleException : InvalidOperationException
{
    public GrainCallCycleException(IReadOnlyList<GrainId> chain, string methodName)
        : base(
            $"Grain call cycle refused: {string.Join(" → ", chain)}.{methodName} would re-enter {chain[^1]}, "
            + "which is waiting for this call to finish its turn (a deadlock). A grain must not call, "
            + "directly or through others, a grain that is calling it (a department never calls its employees).")
    {
        Chain = chain;
    }

    /// <summary>The grains in call order, the re-entered one last.</summary>
    public IReadOnlyList<GrainId> Chain { get; }
}

/// <summary>A call from outside any grain arrived after the runtime began to stop.</summary>
public sealed class GrainRuntimeStoppedException : InvalidOperationException
{
    public GrainRuntimeStoppedException(GrainId grain, string methodName)
        : base($"The grain runtime is stopping and accepts no new calls: {grain}.{methodName} was refused.")
    {
        Grain = grain;
    }

    /// <summary>The grain the refused call was for.</summary>
    public GrainId Grain { get; }
}
