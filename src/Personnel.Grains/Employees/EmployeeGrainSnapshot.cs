namespace Personnel.Grains.Employees;

/// <summary>
/// The employee grain's snapshot, kept in Orleans' grain storage (<see cref="GrainProviders.State"/>, the AdoNet provider
/// on the configured database): the confirmed state at a stream version, so that an activation reads only the events
/// after it. It is a cache of the event store, never the record: a snapshot that is missing, of another format or
/// policy, or ahead of the stream is ignored and the stream replayed whole.
/// </summary>
[GenerateSerializer]
public sealed class EmployeeGrainSnapshot
{
    /// <summary>Gets or sets the stream version the snapshot was taken at (0: none taken yet).</summary>
    [Id(0)]
    public long Version { get; set; }

    /// <summary>Gets or sets what the snapshot was written by: the aggregate's and the grain's formats and the grading
    /// policy's fingerprint (<see cref="EmployeeGrain.SnapshotFormat"/>).</summary>
    [Id(1)]
    public string Format { get; set; } = string.Empty;

    /// <summary>Gets or sets the person's name (a grain-level event).</summary>
    [Id(2)]
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the due dates announced by then, as <c>kind|yyyy-MM-dd</c>.</summary>
    [Id(3)]
    public List<string> DueDatesAnnounced { get; set; } = [];

    /// <summary>Gets or sets the aggregate's memento (<c>Employee.ToSnapshotJson</c>).</summary>
    [Id(4)]
    public string Aggregate { get; set; } = string.Empty;
}
