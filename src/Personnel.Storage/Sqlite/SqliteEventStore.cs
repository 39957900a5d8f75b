using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Personnel.Storage.Internal;

namespace Personnel.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. One writer connection, used only by the group
/// committer, so writes are serialised in-process and never wait on SQLite's lock; readers use pooled
/// connections and never block the writer. <c>synchronous=FULL</c>: a commit is on disk before
/// <see cref="IEventStore.AppendAsync"/> returns. Other processes must not write the file: the change
/// feed is in-process only.
/// </summary>
public sealed partial class SqliteEventStore : EventStoreBase
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private readonly string _readConnectionString;
    private readonly SqliteConnection _writer;

    private SqliteEventStore(string path, EventStoreOptions options)
        : base(options)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        };
        _readConnectionString = builder.ToString();
        builder.Pooling = false;
        _writer = new SqliteConnection(builder.ToString());
    }

    /// <inheritdoc/>
    public override IStreamChangeFeed Changes => LocalChanges;

    /// <summary>Opens (creating when missing) the store in the SQLite file at <paramref name="path"/> and
    /// migrates its schema to the latest version.</summary>
    public static async Task<SqliteEventStore> OpenAsync(string path, EventStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var store = new SqliteEventStore(path, options ?? new EventStoreOptions());
        try
        {
            await store._writer.OpenAsync(cancellationToken).ConfigureAwait(false);
            store.Execute("PRAGMA journal_mode=WAL;");
            store.Execute("PRAGMA synchronous=FULL;");
            store.Execute("PRAGMA busy_timeout=10000;");
            store.Migrate();
            store.StartCommitter();
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private protected override ValueTask DisposeCoreAsync()
    {
        _writer.Dispose();
        return ValueTask.CompletedTask;
    }

    private protected override async Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private protected override object DateValue(DateOnly value) => FormatDate(value);

    private protected override DateOnly ReadDate(DbDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), DateFormat, CultureInfo.InvariantCulture);

    private protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string FormatDate(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static object FormatDate(DateOnly? value) => value is { } d ? FormatDate(d) : DBNull.Value;

    private static string FormatTimestamp(DateTimeOffset value) => value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    private void Execute(string sql, SqliteTransaction? transaction = null)
    {
        using var command = _writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Migrate()
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");
        using var transaction = _writer.BeginTransaction();
        using var current = _writer.CreateCommand();
        current.Transaction = transaction;
        current.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
        var version = Convert.ToInt32(current.ExecuteScalar(), CultureInfo.InvariantCulture);
        var scripts = MigrationScripts.Load("Sqlite");
        if (version > scripts.Count)
        {
            throw new InvalidOperationException($"The database is at schema version {version}, newer than this build knows ({scripts.Count}): refusing to run an older build on it.");
        }

        foreach (var script in scripts.Where(s => s.Version > version))
        {
            Execute(script.Sql, transaction);
            using var record = _writer.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @t)";
            record.Parameters.AddWithValue("@v", script.Version);
            record.Parameters.AddWithValue("@n", script.Name);
            record.Parameters.AddWithValue("@t", FormatTimestamp(TimeProvider.GetUtcNow()));
            record.ExecuteNonQuery();
            StorageLog.MigrationApplied(Logger, script.Version, script.Name, "SQLite");
        }

        transaction.Commit();
    }
}
