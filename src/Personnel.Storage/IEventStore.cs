namespace Personnel.Storage;

/// <summary>
/// Event streams with optimistic concurrency, idempotent requests and read models updated in the same
/// transaction. Implemented over SQLite (<see cref="Sqlite.SqliteEventStore"/>) and PostgreSQL
/// (<see cref="Postgres.PostgresEventStore"/>) with the same semantics.
/// </summary>
public interface IEventStore : IAsyncDisposable
{
    /// <summary>Gets this store instance's node id (tags its writes in the change feed).</summary>
    string NodeId { get; }

    /// <summary>Gets the read-model queries.</summary>
    IReadModelQueries ReadModels { get; }

    /// <summary>Gets the feed of the streams this store instance appended to.</summary>
    IStreamChangeFeed Changes { get; }

    /// <summary>Records a commit in one transaction; returns <see cref="Appended"/> once it is durable,
    /// or the reason nothing was recorded. Throws <see cref="ArgumentException"/> for a malformed commit
    /// and <see cref="StorageException"/> when the database could not be reached; in the latter case
    /// the commit may or may not be durable, and retrying it with the same request id is safe.</summary>
    Task<AppendOutcome> AppendAsync(Commit commit, CancellationToken cancellationToken = default);

    /// <summary>Reads a stream's events with version ≥ <paramref name="fromVersion"/>, in order.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken cancellationToken = default);

    /// <summary>Reads at most <paramref name="maxCount"/> of a stream's events with version ≥ <paramref name="fromVersion"/>,
    /// in order: a page, whose cost does not grow with the stream. A store that cannot bound its read reads the rest and
    /// keeps the page.</summary>
    async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long fromVersion, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var events = await ReadStreamAsync(streamId, fromVersion, cancellationToken).ConfigureAwait(false);
        return events.Count <= maxCount ? events : [.. events.Take(maxCount)];
    }

    /// <summary>Reads a stream's events of the given <paramref name="types"/>, in version order: what a question about a few
    /// kinds of event needs, without the rest of a long stream. A store that cannot filter reads all and keeps those.</summary>
    async Task<IReadOnlyList<RecordedEvent>> ReadStreamOfTypesAsync(string streamId, IReadOnlyCollection<string> types, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(types);
        var events = await ReadStreamAsync(streamId, 1, cancellationToken).ConfigureAwait(false);
        return [.. events.Where(e => types.Contains(e.Type))];
    }

    /// <summary>Gets a stream's current version (0 when it has no events).</summary>
    Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Reads up to <paramref name="maxCount"/> events with position &gt; <paramref name="afterPosition"/>,
    /// in position order (for rebuilds and feeds).</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Gets the position of the last recorded event (0 when none).</summary>
    Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets a recorded request (its fingerprint and first result), or null when the id is new.
    /// Lets a caller answer a retry before validating it again (a retried creation must return the
    /// first answer, not "already exists").</summary>
    Task<RecordedRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken = default);
}

/// <summary>A request id as recorded by its first commit.</summary>
public sealed record RecordedRequest(string RequestId, string Fingerprint, string Result);

/// <summary>Indexed questions over the read models.</summary>
public interface IReadModelQueries
{
    /// <summary>Gets an employee's row, or null when the employee is unknown.</summary>
    Task<EmployeeView?> GetEmployeeAsync(string employeeId, CancellationToken cancellationToken = default);

    /// <summary>Lists employee rows in employee-id order after <paramref name="afterEmployeeId"/>.</summary>
    Task<IReadOnlyList<EmployeeView>> ListEmployeesAsync(string? departmentId, string? afterEmployeeId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Who is due for rotation; keyset-paged.</summary>
    Task<RotationDuePage> QueryRotationDueAsync(RotationDueQuery query, CancellationToken cancellationToken = default);

    /// <summary>Gets a department-quarter's Good quota counters, or null when none were recorded.</summary>
    Task<QuarterQuota?> GetQuarterQuotaAsync(string departmentId, int year, int quarter, CancellationToken cancellationToken = default);

    /// <summary>Gets a department-year's Excellent quota counters, or null when none were recorded.</summary>
    Task<YearQuota?> GetYearQuotaAsync(string departmentId, int year, CancellationToken cancellationToken = default);

    /// <summary>Gets a generic read-model document, or null.</summary>
    Task<string?> GetDocumentAsync(string kind, string key, CancellationToken cancellationToken = default);

    /// <summary>Counts the documents of a kind (an index range scan of the read-model key).</summary>
    Task<int> CountDocumentsAsync(string kind, CancellationToken cancellationToken = default);

    /// <summary>Lists documents of a kind in key order after <paramref name="afterKey"/>; keyset-paged.</summary>
    Task<IReadOnlyList<ReadModelDocument>> ListDocumentsAsync(string kind, string? afterKey, int limit, CancellationToken cancellationToken = default);
}

/// <summary>A generic read-model document.</summary>
public sealed record ReadModelDocument(string Kind, string Key, string Json);

/// <summary>Tells cached activations that a stream changed, so they reload before they answer.</summary>
public interface IStreamChangeFeed
{
    /// <summary>Calls <paramref name="onChange"/> for every append from now on (once per stream and commit
    /// batch, with the stream's latest version). The handler runs on the feed's thread: keep it short and
    /// never block. Dispose the result to unsubscribe.</summary>
    IDisposable Subscribe(Action<StreamChange> onChange);
}

/// <summary>A stream reached <paramref name="Version"/> through this store instance.</summary>
public sealed record StreamChange(string StreamId, long Version, long Position);

/// <summary>The database failed or could not be reached; the commit's fate may be unknown.</summary>
public sealed class StorageException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="StorageException"/> class.</summary>
    public StorageException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
