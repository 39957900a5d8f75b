namespace Personnel.Grains.Runtime;

/// <summary>A snapshot of a runtime's counters, for benchmarks and health reporting.</summary>
/// <param name="ActiveActivations">Activations alive now.</param>
/// <param name="Activations">Activations that completed <see cref="Grain.OnActivateAsync"/> since start.</param>
/// <param name="FailedActivations">Activations whose <see cref="Grain.OnActivateAsync"/> threw.</param>
/// <param name="Deactivations">Activations deactivated since start, for any reason.</param>
/// <param name="CompletedCalls">Grain calls that ran a turn to the end (succeeded or threw).</param>
/// <param name="ViewReads">Reads answered from a view an activation published, without a turn.</param>
public sealed record GrainRuntimeStatistics(
    int ActiveActivations,
    long Activations,
    long FailedActivations,
    long Deactivations,
    long CompletedCalls,
    long ViewReads = 0);
