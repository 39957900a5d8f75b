using Npgsql;
using Personnel.Domain.Common;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;
using Personnel.Storage;
using Personnel.Storage.Orleans;
using Personnel.Storage.Postgres;
using Personnel.Storage.Sqlite;

namespace Personnel.Grains.Tests.Integration;

/// <summary>The grain suite on SQLite: a fresh file per test.</summary>
public sealed class SqliteGrainTests : GrainSuite
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "personnel-grains-" + Guid.NewGuid().ToString("N"));

    protected override Task CreateDatabaseAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    protected override async Task<IEventStore> OpenStoreAsync(EventStoreOptions options) =>
        await SqliteEventStore.OpenAsync(Path.Combine(_directory, "store.db"), options);

    protected override Task<OrleansDatabase> EnsureOrleansTablesAsync() =>
        OrleansSchema.EnsureAsync(OrleansDatabaseKind.Sqlite, Path.Combine(_directory, "store.db"));

    protected override Task DropDatabaseAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The grain suite on PostgreSQL: a fresh schema per test, on the server tests/setup/20-postgres.sh starts.</summary>
public sealed class PostgresGrainTests : GrainSuite
{
    private readonly string _schema = "g_" + Guid.NewGuid().ToString("N")[..20];

    internal static string ConnectionString =>
        Environment.GetEnvironmentVariable("PERSONNEL_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "PERSONNEL_TEST_PG is not set, so the PostgreSQL half of the grain suite cannot run. "
                + "Run ./test.sh (it starts a throwaway PostgreSQL), or `source tests/setup/20-postgres.sh` "
                + "from a shell that defines apt_install and on_exit, then run dotnet test again.");

    protected override Task CreateDatabaseAsync()
    {
        _ = ConnectionString;
        return Task.CompletedTask;
    }

    protected override async Task<IEventStore> OpenStoreAsync(EventStoreOptions options) =>
        await PostgresEventStore.OpenAsync(ConnectionString, new PostgresEventStoreOptions { Schema = _schema, NodeId = options.NodeId });

    protected override Task<OrleansDatabase> EnsureOrleansTablesAsync() =>
        OrleansSchema.EnsureAsync(OrleansDatabaseKind.Postgres, ConnectionString, new OrleansSchemaOptions { Schema = _schema });

    protected override async Task DropDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
