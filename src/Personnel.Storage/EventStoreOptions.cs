using Microsoft.Extensions.Logging;

namespace Personnel.Storage;

/// <summary>Options common to both stores.</summary>
public class EventStoreOptions
{
    /// <summary>Gets the node id that tags this instance's writes in the change feed. Defaults to a new GUID.</summary>
    public string NodeId { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>Gets the clock that stamps <c>recorded_at</c>. Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the logger factory. Defaults to none.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Gets the most commits grouped into one transaction. Defaults to 2,000.</summary>
    public int MaxBatchSize { get; init; } = 2000;
}

/// <summary>Options of <see cref="Postgres.PostgresEventStore"/>.</summary>
public sealed class PostgresEventStoreOptions : EventStoreOptions
{
    /// <summary>Gets the schema the store lives in (created when missing). Defaults to <c>personnel</c>.</summary>
    public string Schema { get; init; } = "personnel";
}
