using Microsoft.Extensions.Logging;

namespace Personnel.Storage.Orleans;

/// <summary>The database Orleans' AdoNet providers share with the event store.</summary>
public enum OrleansDatabaseKind
{
    /// <summary>The event store's SQLite file: grain state and reminders of a single silo.</summary>
    Sqlite,

    /// <summary>The event store's PostgreSQL database: clustering, grain state and reminders of a cluster.</summary>
    Postgres,
}

/// <summary>What the AdoNet provider options of Orleans take (<c>Invariant</c>, <c>ConnectionString</c>) to reach
/// the tables <see cref="OrleansSchema.EnsureAsync"/> created.</summary>
/// <param name="Invariant">The ADO.NET invariant name: <see cref="OrleansSchema.PostgresInvariant"/> or
/// <see cref="OrleansSchema.SqliteInvariant"/>.</param>
/// <param name="ConnectionString">The connection string for Orleans: on PostgreSQL with the schema as search path,
/// on SQLite naming the file.</param>
public sealed record OrleansDatabase(string Invariant, string ConnectionString);

/// <summary>Options of <see cref="OrleansSchema.EnsureAsync"/>.</summary>
public sealed class OrleansSchemaOptions
{
    /// <summary>Gets the PostgreSQL schema Orleans' tables live in (created when missing). Defaults to
    /// <c>personnel</c>, the event store's, so one <c>pg_dump -n</c> backs up both.</summary>
    public string Schema { get; init; } = "personnel";

    /// <summary>Gets the clock that stamps when a script was applied. Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the logger factory. Defaults to none.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
