namespace Personnel.Grains.Runtime;

/// <summary>Why an activation is being deactivated; passed to <see cref="Grain.OnDeactivateAsync"/>.</summary>
public enum DeactivationReason
{
    /// <summary>No call arrived for <see cref="GrainRuntimeOptions.IdleTimeout"/>.</summary>
    IdleTimeout,

    /// <summary>The grain called <see cref="Grain.DeactivateOnIdle"/> during its last turn.</summary>
    ApplicationRequested,

    /// <summary>Its state changed elsewhere (<see cref="GrainRuntime.Invalidate(string, string)"/>); it reloads.</summary>
    Invalidated,

    /// <summary>The runtime is stopping.</summary>
    RuntimeShutdown,
}
