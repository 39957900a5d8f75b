using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Personnel.Storage.Orleans;

namespace Personnel.Storage.Tests;

/// <summary>A fresh database for one test of the Orleans schema: a SQLite file in its own directory, or a
/// PostgreSQL schema; dropped afterwards.</summary>
public abstract class OrleansTestDatabase : IAsyncDisposable
{
    public abstract OrleansDatabaseKind Kind { get; }

    /// <summary>Gets what <see cref="OrleansSchema.EnsureAsync"/> takes: the file path or the connection string.</summary>
    public abstract string Target { get; }

    public abstract OrleansSchemaOptions Options { get; }

    /// <summary>Gets the names of this dialect's scripts, in order.</summary>
    public abstract IReadOnlyList<string> ScriptNames { get; }

    public Task<OrleansDatabase> EnsureAsync() => OrleansSchema.EnsureAsync(Kind, Target, Options);

    public abstract Task<bool> TableExistsAsync(string table);

    /// <summary>Reads every row of <paramref name="sql"/> on the connection Orleans would use.</summary>
    public async Task<List<object[]>> ReadAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public abstract ValueTask DisposeAsync();

    protected abstract DbConnection Connect();
}

/// <summary>A SQLite file in a directory of its own, named like the server's.</summary>
public sealed class SqliteOrleansTestDatabase : OrleansTestDatabase
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "personnel-orleans-" + Guid.NewGuid().ToString("N"));

    public override OrleansDatabaseKind Kind => OrleansDatabaseKind.Sqlite;

    public override string Target => Path.Combine(_directory, "personnel.db");

    public override OrleansSchemaOptions Options { get; } = new();

    public override IReadOnlyList<string> ScriptNames { get; } = ["query_table", "persistence", "reminders"];

    public override async Task<bool> TableExistsAsync(string table) =>
        (await ReadAsync($"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{table}' COLLATE NOCASE")).Count == 1;

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    protected override DbConnection Connect() => new SqliteConnection(OrleansSchema.ForSqlite(Target).ConnectionString);
}

/// <summary>A PostgreSQL schema of its own on the test server.</summary>
public sealed class PostgresOrleansTestDatabase : OrleansTestDatabase
{
    private readonly string _schema = PostgresTestDatabase.NewSchema();

    public PostgresOrleansTestDatabase() => Options = new OrleansSchemaOptions { Schema = _schema };

    public override OrleansDatabaseKind Kind => OrleansDatabaseKind.Postgres;

    public override string Target => PostgresTestDatabase.ConnectionString;

    public override OrleansSchemaOptions Options { get; }

    public override IReadOnlyList<string> ScriptNames { get; } = ["query_table", "clustering", "persistence", "reminders"];

    public override async Task<bool> TableExistsAsync(string table) =>
        (bool)(await ReadAsync($"SELECT to_regclass('{_schema}.{table}') IS NOT NULL"))[0][0];

    public override async ValueTask DisposeAsync() => await PostgresTestDatabase.DropSchemaAsync(_schema);

    protected override DbConnection Connect() => new NpgsqlConnection(OrleansSchema.ForPostgres(Target, _schema).ConnectionString);
}
