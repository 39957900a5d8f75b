using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Personnel.Storage.Internal;
using Personnel.Storage.Postgres;

namespace Personnel.Storage.Orleans;

/// <summary>
/// The tables and queries Orleans' AdoNet providers need (their packages ship no SQL): numbered scripts per dialect
/// in Sql/Orleans/&lt;dialect&gt;/, applied once each and recorded by number, name and checksum in
/// <c>orleans_schema_version</c>. Several processes may start at once on one database: the first applies, the
/// others wait and find nothing to do. A recorded script whose text has changed since is refused, never re-run.
/// </summary>
public static partial class OrleansSchema
{
    /// <summary>The ADO.NET invariant for PostgreSQL (Npgsql).</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>The ADO.NET invariant for SQLite. Orleans maps this name to Microsoft.Data.Sqlite's factory; the
    /// name <c>Microsoft.Data.Sqlite</c> itself is refused at silo start.</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    private const string VersionTable = "orleans_schema_version";

    /// <summary>Applies the scripts the database lacks and returns what Orleans' provider options need.</summary>
    /// <param name="kind">Which database.</param>
    /// <param name="connectionString">For <see cref="OrleansDatabaseKind.Sqlite"/> the path of the event store's
    /// file (created when missing); for <see cref="OrleansDatabaseKind.Postgres"/> an Npgsql connection string.</param>
    /// <param name="options">The schema, clock and logging. Defaults to <see cref="OrleansSchemaOptions"/>'s.</param>
    /// <param name="cancellationToken">Cancels the wait for another process's apply, or the apply.</param>
    /// <exception cref="InvalidOperationException">A recorded script differs from this build's, or the database
    /// holds scripts this build does not know: nothing is applied.</exception>
    public static Task<OrleansDatabase> EnsureAsync(
        OrleansDatabaseKind kind, string connectionString, OrleansSchemaOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        options ??= new OrleansSchemaOptions();
        return kind switch
        {
            OrleansDatabaseKind.Sqlite => EnsureSqliteAsync(connectionString, options, cancellationToken),
            OrleansDatabaseKind.Postgres => EnsurePostgresAsync(connectionString, options, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Orleans' tables live in SQLite or PostgreSQL."),
        };
    }

    /// <summary>Gets what Orleans' provider options need for the tables in the SQLite file at <paramref name="path"/>
    /// (the event store's): the file by full path, and a 30-second wait for the write lock, which the event store's
    /// writer holds for a batch at a time.</summary>
    public static OrleansDatabase ForSqlite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        };
        return new OrleansDatabase(SqliteInvariant, builder.ToString());
    }

    /// <summary>Gets what Orleans' provider options need for the tables in <paramref name="schema"/> of the
    /// PostgreSQL database at <paramref name="connectionString"/>: the providers' queries name tables without a
    /// schema, so the search path is that schema.</summary>
    public static OrleansDatabase ForPostgres(string connectionString, string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = CheckedSchema(schema) };
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "personnel-orleans";
        }

        return new OrleansDatabase(PostgresInvariant, builder.ConnectionString);
    }

    private static string CheckedSchema(string schema) =>
        PostgresEventStore.SchemaName().IsMatch(schema)
            ? schema
            : throw new ArgumentException($"Schema name '{schema}' must be lower-case letters, digits and underscores, starting with a letter or underscore, at most 50 characters.", nameof(schema));

    /// <summary>The scripts of <paramref name="dialect"/> not yet applied, after checking that every recorded one is
    /// this build's script with the same number, name and checksum.</summary>
    private static IReadOnlyList<MigrationScript> Pending(string dialect, IReadOnlyList<(int Version, string Name, string Checksum)> recorded, string where)
    {
        var scripts = MigrationScripts.Load("Orleans." + dialect);
        if (recorded.Select(r => r.Version).Where((version, i) => version != i + 1).Any())
        {
            throw new InvalidOperationException(
                $"{where} records Orleans schema scripts {string.Join(", ", recorded.Select(r => r.Version))}, not 1, 2, 3… without gaps: "
                + $"{VersionTable} was edited by hand; restore it before starting.");
        }

        foreach (var (version, name, checksum) in recorded)
        {
            if (version > scripts.Count)
            {
                throw new InvalidOperationException(
                    $"{where} records Orleans schema script {version} ({name}), which this build does not have (it knows 1–{scripts.Count}): "
                    + "refusing to run an older build on a newer schema.");
            }

            var script = scripts[version - 1];
            if (script.Name != name || script.Checksum != checksum)
            {
                throw new InvalidOperationException(
                    $"Orleans schema script {version} was applied to {where} as '{name}' with checksum {checksum}, but this build's is "
                    + $"'{script.Name}' with checksum {script.Checksum}: a released script is never edited; put the change in a new numbered script.");
            }
        }

        return scripts.Skip(recorded.Count).ToList();
    }

    private static ILogger Logger(OrleansSchemaOptions options) =>
        options.LoggerFactory?.CreateLogger(typeof(OrleansSchema)) ?? NullLogger.Instance;
}
