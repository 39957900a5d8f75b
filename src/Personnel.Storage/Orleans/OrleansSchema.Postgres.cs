using Npgsql;
using Personnel.Storage.Internal;
using Personnel.Storage.Postgres;

namespace Personnel.Storage.Orleans;

public static partial class OrleansSchema
{
    private static async Task<OrleansDatabase> EnsurePostgresAsync(string connectionString, OrleansSchemaOptions options, CancellationToken cancellationToken)
    {
        var database = ForPostgres(connectionString, options.Schema);
        var connection = new NpgsqlConnection(database.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // The event store's migration takes the same lock: processes starting at once apply one at a time,
                // and CREATE SCHEMA IF NOT EXISTS never races another (it can fail on a concurrent create).
                await PostgresEventStore.ExecuteAsync(connection, PostgresEventStore.MigrationLock, cancellationToken, ("schema", options.Schema)).ConfigureAwait(false);
                await PostgresEventStore.ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {options.Schema}", cancellationToken).ConfigureAwait(false);
                await PostgresEventStore.ExecuteAsync(
                    connection,
                    $"CREATE TABLE IF NOT EXISTS {VersionTable} (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL)",
                    cancellationToken).ConfigureAwait(false);

                var recorded = new List<(int, string, string)>();
                await using (var read = new NpgsqlCommand($"SELECT version, name, checksum FROM {VersionTable} ORDER BY version", connection))
                {
                    var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            recorded.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
                        }
                    }
                }

                foreach (var script in Pending("Postgres", recorded, $"PostgreSQL schema '{options.Schema}'"))
                {
                    await PostgresEventStore.ExecuteAsync(connection, script.Sql, cancellationToken).ConfigureAwait(false);
                    await PostgresEventStore.ExecuteAsync(
                        connection,
                        $"INSERT INTO {VersionTable} (version, name, checksum, applied_at) VALUES (@v, @n, @c, @t)",
                        cancellationToken,
                        ("v", script.Version),
                        ("n", script.Name),
                        ("c", script.Checksum),
                        ("t", options.TimeProvider.GetUtcNow().UtcDateTime)).ConfigureAwait(false);
                    StorageLog.OrleansScriptApplied(Logger(options), script.Version, script.Name, "PostgreSQL");
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return database;
    }
}
