namespace Personnel.Grains.Queries;

/// <summary>
/// Where the API keys are recorded: a stream of key events (created, revoked) and a read-model document per key, written
/// together with the request id. The server's key registry decides; this store only reads and writes.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Every key as its events leave it, and the version of the keys' stream (0 when no key was ever made).</summary>
    Task<ApiKeyLog> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Records a key's creation or revocation if the keys' stream is still at the version the decision was made on.</summary>
    Task<ApiKeyWrite> WriteAsync(ApiKeyChange change, CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="onChanged"/> whenever the keys' stream moves, on this node or another. The handler runs on
    /// the feed's thread: keep it short, never block. Dispose the result to stop.</summary>
    IDisposable Subscribe(Action onChanged);
}

/// <summary>A key as recorded: never the secret, only its SHA-256 in hex.</summary>
/// <param name="Role">The role's name in the API ("Admin", "Hr" …).</param>
/// <param name="CreatedAt">When it was made, ISO 8601 with offset.</param>
public sealed record ApiKeyRecord(string KeyId, string Name, string Role, string DepartmentId, string Sha256, bool Revoked, string CreatedAt);

/// <summary>The keys and the version of the keys' stream they were read at.</summary>
public sealed record ApiKeyLog(long Version, IReadOnlyList<ApiKeyRecord> Keys);

/// <summary>A decided change to one key: <paramref name="Key"/> as it stands after it.</summary>
/// <param name="ExpectedVersion">The version of the keys' stream the decision was made on.</param>
/// <param name="Revocation">True to record the revocation of <paramref name="Key"/>; false to record its creation.</param>
/// <param name="On">The civil date the change takes effect.</param>
public sealed record ApiKeyChange(
    string RequestId, string Fingerprint, string RecordedBy, long ExpectedVersion, ApiKeyRecord Key, bool Revocation, DateOnly On);

/// <summary>What became of an <see cref="ApiKeyChange"/>.</summary>
public abstract record ApiKeyWrite;

/// <summary>The change is durable.</summary>
public sealed record ApiKeyWritten : ApiKeyWrite;

/// <summary>The request id was used before for the same change: nothing new was recorded; <paramref name="Key"/> is the first answer.</summary>
public sealed record ApiKeyReplayed(ApiKeyRecord Key) : ApiKeyWrite;

/// <summary>The request id was used before for a different request: nothing was recorded.</summary>
public sealed record ApiKeyRequestIdReused(string RequestId) : ApiKeyWrite;

/// <summary>The keys' stream moved on after the decision was made: nothing was recorded; decide again.</summary>
public sealed record ApiKeyConflict(long Expected, long Actual) : ApiKeyWrite;
