using Microsoft.Extensions.Logging;
using Personnel.Domain.Profiles;

namespace Personnel.Grains;

/// <summary>How <see cref="PersonnelCluster.StartAsync(PersonnelClusterOptions, CancellationToken)"/> opens a node.
/// Exactly one of <see cref="SqlitePath"/> and <see cref="PostgresConnectionString"/> is set.</summary>
public sealed record PersonnelClusterOptions
{
    /// <summary>Gets the SQLite file of an embedded, single-node store.</summary>
    public string? SqlitePath { get; init; }

    /// <summary>Gets the PostgreSQL connection string of a store shared by several nodes.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Gets the PostgreSQL schema. Defaults to <c>personnel</c>.</summary>
    public string PostgresSchema { get; init; } = "personnel";

    /// <summary>Gets the policy profile's name (<see cref="PolicyProfiles.Load"/>). Defaults to weihai-2020.</summary>
    public string ProfileName { get; init; } = PolicyProfile.DefaultName;

    /// <summary>Gets this node's id in the change feed. Defaults to a new GUID.</summary>
    public string? NodeId { get; init; }

    /// <summary>Gets how long an activation may stay idle before it is deactivated. Defaults to 10 minutes.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets how often idle activations are collected. Defaults to 1 minute.</summary>
    public TimeSpan CollectionPeriod { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets how often the leadership-adjustment outbox is swept besides the prompt after each department
    /// write. Defaults to 5 seconds.</summary>
    public TimeSpan OutboxPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets how many times a command is tried against streams other writers move. Defaults to 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Gets the clock. Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the logger factory. Defaults to none.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
