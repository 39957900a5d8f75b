using System.Globalization;
using Microsoft.Data.Sqlite;
using Personnel.Storage.Internal;

namespace Personnel.Storage.Orleans;

public static partial class OrleansSchema
{
    private static async Task<OrleansDatabase> EnsureSqliteAsync(string path, OrleansSchemaOptions options, CancellationToken cancellationToken)
    {
        var database = ForSqlite(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(database.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Another process applying (or the event store writing) holds the write lock: wait for it, as the
            // event store does. WAL is the event store's mode too; setting it here matters when this runs first.
            await ExecuteAsync(connection, null, "PRAGMA busy_timeout=30000;", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);

            // BEGIN IMMEDIATE: the write lock is taken before the version table is read, so two processes cannot
            // both find a script missing and both apply it.
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    $"CREATE TABLE IF NOT EXISTS {VersionTable} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL);",
                    cancellationToken).ConfigureAwait(false);

                var recorded = new List<(int, string, string)>();
                var read = connection.CreateCommand();
                await using (read.ConfigureAwait(false))
                {
                    read.Transaction = transaction;
                    read.CommandText = $"SELECT version, name, checksum FROM {VersionTable} ORDER BY version";
                    var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            recorded.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
                        }
                    }
                }

                foreach (var script in Pending("Sqlite", recorded, $"SQLite file '{Path.GetFullPath(path)}'"))
                {
                    await ExecuteAsync(connection, transaction, script.Sql, cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(
                        connection,
                        transaction,
                        $"INSERT INTO {VersionTable} (version, name, checksum, applied_at) VALUES (@v, @n, @c, @t)",
                        cancellationToken,
                        ("@v", script.Version),
                        ("@n", script.Name),
                        ("@c", script.Checksum),
                        ("@t", options.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture))).ConfigureAwait(false);
                    StorageLog.OrleansScriptApplied(Logger(options), script.Version, script.Name, "SQLite");
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return database;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
