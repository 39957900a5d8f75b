using Personnel.Storage;
using Personnel.Storage.Postgres;
using Personnel.Storage.Sqlite;

namespace Personnel.Server.Hosting;

/// <summary>Opens the configured event store (SQLite under ./data by default, or PostgreSQL).</summary>
internal static class StorageFactory
{
    public const string DefaultSqlitePath = "data/personnel.db";

    /// <summary>Gets whether <paramref name="options"/> name PostgreSQL (else SQLite).</summary>
    public static bool IsPostgres(StorageOptions options) =>
        options.Provider.Trim().ToLowerInvariant() is "postgres" or "postgresql";

    public static async Task<IEventStore> OpenAsync(
        StorageOptions options, string contentRoot, TimeProvider timeProvider, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        switch (options.Provider.Trim().ToLowerInvariant())
        {
            case "sqlite":
                var path = string.IsNullOrWhiteSpace(options.ConnectionString) ? DefaultSqlitePath : options.ConnectionString;
                var fullPath = Path.GetFullPath(path, contentRoot);
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
    public const string Key = "personnel-clock";

    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Gets today's date in Asia/Shanghai.</summary>
    public DateOnly Today => DateOnly.FromDateTime(timeProvider.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>Gets the current instant.</summary>
    public DateTimeOffset Now => timeProvider.GetUtcNow();
}
