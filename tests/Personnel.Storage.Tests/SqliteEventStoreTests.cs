using Microsoft.Data.Sqlite;
using Personnel.Storage.Sqlite;

namespace Personnel.Storage.Tests;

/// <summary>The storage suite on SQLite: a fresh file per test.</summary>
public sealed class SqliteEventStoreTests : EventStoreContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "personnel-sqlite-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "store.db");

    [Fact]
    public async Task The_pinned_native_SQLite_runs_and_the_file_is_in_WAL_mode()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version(); ";
        var version = (string)(await command.ExecuteScalarAsync())!;
        command.CommandText = "PRAGMA journal_mode;";
        var mode = (string)(await command.ExecuteScalarAsync())!;
        command.CommandText = "SELECT version, name FROM schema_version";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var (schema, name) = (reader.GetInt32(0), reader.GetString(1));

        Assert.StartsWith("3.", version);
        Assert.True(Version.Parse(version) >= new Version(3, 40), $"SQLite {version} is older than 3.40");
        Assert.Equal("wal", mode);
        Assert.Equal((1, "events_and_read_models"), (schema, name));
    }

    protected override Task CreateDatabaseAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    protected override async Task<IEventStore> OpenStoreAsync(EventStoreOptions options) =>
        await SqliteEventStore.OpenAsync(DatabasePath, options);

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
