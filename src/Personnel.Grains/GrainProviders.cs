namespace Personnel.Grains;

/// <summary>The names of the Orleans providers the grains use.</summary>
public static class GrainProviders
{
    /// <summary>The log-consistency provider of the journaled grains: CustomStorage, whose storage is the event store.</summary>
    public const string EventStore = "EventStore";

    /// <summary>The grain storage of state that is a plain snapshot (<see cref="IPersistentState{TState}"/>): Orleans' AdoNet
    /// provider on the configured database.</summary>
    public const string State = "personnel";
}
