using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;
using Personnel.Storage.Internal;

namespace Personnel.Storage.Postgres;

/// <summary>
/// The production store on PostgreSQL, correct when several nodes share one database: every batch
/// locks the store_state row first, so writers on all nodes are serialised and each batch decides its
/// commits from what it read under that lock; group commit (many callers' commits in one transaction,
/// one WAL flush) gives the throughput. <see cref="Changes"/> reports this store's own appends; the nodes of a cluster
/// agree through Orleans (one activation per grain), not through the database.
/// </summary>
public sealed partial class PostgresEventStore : EventStoreBase
{
    /// <summary>The transaction-scoped advisory lock that serialises schema changes to one schema (@schema) across
    /// processes: this store's migrations and Orleans' tables (<see cref="Orleans.OrleansSchema"/>) take the same.</summary>
    internal const string MigrationLock = "SELECT pg_advisory_xact_lock(hashtext('personnel-migrate-' || @schema))";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private NpgsqlConnection? _writer;

    private PostgresEventStore(string connectionString, PostgresEventStoreOptions options)
        : base(options)
    {
        if (!SchemaName().IsMatch(options.Schema))
        {
            throw new ArgumentException($"Schema name '{options.Schema}' must be lower-case letters, digits and underscores, starting with a letter or underscore, at most 50 characters.", nameof(options));
        }

        _schema = options.Schema;
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = _schema };
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "personnel-" + options.NodeId;
        }

        if (builder.MaxAutoPrepare == 0)
        {
            // The batch statements are the same few texts every time: preparing them saves a parse and
            // plan per statement per batch.
            builder.MaxAutoPrepare = 64;
        }

        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <inheritdoc/>
    public override IStreamChangeFeed Changes => LocalChanges;

    /// <summary>Opens the store in <see cref="PostgresEventStoreOptions.Schema"/> of the database at
    /// <paramref name="connectionString"/>, migrating the schema (serialised across nodes by an advisory
    /// lock).</summary>
    public static async Task<PostgresEventStore> OpenAsync(string connectionString, PostgresEventStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var store = new PostgresEventStore(connectionString, options ?? new PostgresEventStoreOptions());
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            store.StartCommitter();
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private protected override async ValueTask DisposeCoreAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    private protected override async Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    private protected override object DateValue(DateOnly value) => value;

    private protected override DateOnly ReadDate(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

    private protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc));

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Two nodes starting at once: the second waits here, then finds the schema current.
                await ExecuteAsync(connection, MigrationLock, cancellationToken, ("schema", _schema)).ConfigureAwait(false);
                await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {_schema}", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)", cancellationToken).ConfigureAwait(false);
                await using var current = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection);
                var version = (int)(await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                var scripts = MigrationScripts.Load("Postgres");
                if (version > scripts.Count)
                {
                    throw new InvalidOperationException($"Schema '{_schema}' is at version {version}, newer than this build knows ({scripts.Count}): refusing to run an older build on it.");
                }

                foreach (var script in scripts.Where(s => s.Version > version))
                {
                    await ExecuteAsync(connection, script.Sql, cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(
                        connection,
                        "INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @t)",
                        cancellationToken,
                        ("v", script.Version),
                        ("n", script.Name),
                        ("t", TimeProvider.GetUtcNow().UtcDateTime)).ConfigureAwait(false);
                    StorageLog.MigrationApplied(Logger, script.Version, script.Name, "PostgreSQL");
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,49}$")]
    internal static partial Regex SchemaName();
}
