using Personnel.Storage;
using Personnel.Storage.Postgres;
using Personnel.Storage.Orleans;
using Personnel.Storage.Sqlite;

namespace Personnel.Server.Hosting;

/// <summary>Opens the configured event store (SQLite under ./data by default, or PostgreSQL).</summary>
internal static class StorageFactory
{
    public const string DefaultSqlitePath = "data/personnel.db";

    /// <summary>Gets whether <paramref name="options"/> name PostgreSQL (else SQLite).</summary>
    public static bool IsPostgres(StorageOptions options) =>
        options.Provider.Trim().ToLowerInvariant() is "postgres" or "postgresql";

    /// <summary>The full path of the SQLite file <paramref name="options"/> name (default <see cref="DefaultSqlitePath"/>).</summary>
    public static string SqlitePath(StorageOptions options, string contentRoot) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(options.ConnectionString) ? DefaultSqlitePath : options.ConnectionString, contentRoot);

    /// <summary>Where Orleans' own tables are: in the event store's file or schema.</summary>
    public static OrleansDatabase OrleansDatabase(StorageOptions options, string contentRoot) => IsPostgres(options)
        ? OrleansSchema.ForPostgres(options.ConnectionString ?? string.Empty, options.Schema)
        : OrleansSchema.ForSqlite(SqlitePath(options, contentRoot));

    /// <summary>Applies Orleans' tables (once; safe when several processes start together) beside the event store.</summary>
    public static Task EnsureOrleansTablesAsync(
        StorageOptions options, string contentRoot, TimeProvider timeProvider, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        IsPostgres(options)
            ? OrleansSchema.EnsureAsync(OrleansDatabaseKind.Postgres, options.ConnectionString!,
                new OrleansSchemaOptions { Schema = options.Schema, TimeProvider = timeProvider, LoggerFactory = loggerFactory }, cancellationToken)
            : OrleansSchema.EnsureAsync(OrleansDatabaseKind.Sqlite, SqlitePath(options, contentRoot),
                new OrleansSchemaOptions { TimeProvider = timeProvider, LoggerFactory = loggerFactory }, cancellationToken);

    public static async Task<IEventStore> OpenAsync(
        StorageOptions options, string contentRoot, TimeProvider timeProvider, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        switch (options.Provider.Trim().ToLowerInvariant())
        {
            case "sqlite":
                var fullPath = SqlitePath(options, contentRoot);
                Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
                return await SqliteEventStore.OpenAsync(fullPath,
                    new EventStoreOptions { TimeProvider = timeProvider, LoggerFactory = loggerFactory }, cancellationToken).ConfigureAwait(false);
            case "postgres" or "postgresql":
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new InvalidOperationException(
                        "Storage:Provider is postgres but Storage:ConnectionString is empty; pass e.g. "
                        + "--Storage:ConnectionString \"Host=127.0.0.1;Port=5432;Database=personnel;Username=personnel\".");
                }

                return await PostgresEventStore.OpenAsync(options.ConnectionString,
                    new PostgresEventStoreOptions { TimeProvider = timeProvider, LoggerFactory = loggerFactory, Schema = options.Schema },
                    cancellationToken).ConfigureAwait(false);
            default:
                throw new InvalidOperationException(
                    $"Storage:Provider '{options.Provider}' is not supported; use 'sqlite' (default) or 'postgres'.");
        }
    }
}

/// <summary>Holds the store opened after the container was built, so services can take <see cref="IEventStore"/>.
/// The container disposes it (it is a factory-made singleton) when the host stops.</summary>
internal sealed class StoreHolder
{
    private IEventStore? _store;

    public IEventStore Store => _store ?? throw new InvalidOperationException("The event store is not open yet.");

    /// <summary>Gets whether the store is open (its migrations applied): the health service says SERVING from then on.</summary>
    public bool IsOpen => _store is not null;

    public static void Attach(WebApplication app, IEventStore store) => app.Services.GetRequiredService<StoreHolder>()._store = store;
}

/// <summary>Today's civil date where the rules apply: Asia/Shanghai (UTC+8 all year, no daylight saving since 1991).</summary>
public sealed class ShanghaiClock([FromKeyedServices(ShanghaiClock.Key)] TimeProvider timeProvider)
{
    /// <summary>The service key of the clock the rules read (today, the store's timestamps). Orleans keeps the unkeyed
    /// <see cref="TimeProvider"/> (the real one): a test that moves the rules' clock by years must not expire Orleans'
    /// messages or stop its timers.</summary>
    public const string Key = Grains.PersonnelSilo.ClockKey;

    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Gets today's date in Asia/Shanghai.</summary>
    public DateOnly Today => DateOnly.FromDateTime(timeProvider.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>Gets the current instant.</summary>
    public DateTimeOffset Now => timeProvider.GetUtcNow();
}
