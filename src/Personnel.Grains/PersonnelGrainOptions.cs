namespace Personnel.Grains;

/// <summary>How the personnel grains run in a silo (configuration section <c>Grains</c>).</summary>
public sealed class PersonnelGrainOptions
{
    /// <summary>Gets how many times a command is tried when other writers move its streams before it gives up (ABORTED).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Gets how often a department's outbox reminder retries a waiting leadership-adjustment delivery.</summary>
    public TimeSpan OutboxPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets how long a post level fetched from another silo answers reads here before it is fetched again: the
    /// bound on how stale a read through one node can be after a write through another.</summary>
    public TimeSpan ViewMaxAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The default of <see cref="SnapshotEvery"/>.</summary>
    public const int DefaultSnapshotEvery = 64;

    /// <summary>Gets how many events an employee's stream grows by between two snapshots of its grain (an activation reads
    /// the snapshot and the events after it); 0 turns snapshots off, and every activation replays the whole stream.</summary>
    public int SnapshotEvery { get; set; } = DefaultSnapshotEvery;
}
