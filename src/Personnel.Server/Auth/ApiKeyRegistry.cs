using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Personnel.Api.V1;
using Personnel.Grains.Queries;
using Personnel.Server.Services;
using Personnel.Server.Hosting;

namespace Personnel.Server.Auth;

/// <summary>A key as the server keeps it: never the secret, only its SHA-256.</summary>
public sealed record StoredKey(string KeyId, string Name, Role Role, string DepartmentId, byte[] Hash, bool Revoked, string CreatedAt);

/// <summary>
/// API keys, kept by the <see cref="IApiKeyStore"/> (a stream of key events and a document per key). Authentication answers
/// from memory, reloaded when the store reports the keys moved (on this node or, on PostgreSQL, another).
/// </summary>
public sealed partial class ApiKeyRegistry(IApiKeyStore store, ShanghaiClock clock, ILogger<ApiKeyRegistry> logger) : IDisposable
{
    /// <summary>The environment variable whose value becomes an admin key on a new database.</summary>
    public const string AdminKeyVariable = "PERSONNEL_ADMIN_KEY";

    /// <summary>The id of the key bootstrapped from <see cref="AdminKeyVariable"/>.</summary>
    public const string BootstrapKeyId = "admin";

    private const int MaxConflictRetries = 5;

    /// <summary>The least time between two reloads forced by an unknown token, so a flood of bad tokens reads the keys
    /// stream at most ten times a second.</summary>
    private static readonly TimeSpan MissReloadInterval = TimeSpan.FromMilliseconds(100);

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _swap = new();
    private volatile KeySnapshot _snapshot = KeySnapshot.Empty;

    /// <summary>Counts the changes to the keys stream this node has heard of; a snapshot read after it heard of the
    /// latest is current. Starts above the empty snapshot's, so the first use loads.</summary>
    private long _changes = 1;
    private long _lastMissReload;
    private IDisposable? _subscription;

    /// <summary>Loads the keys and, on a database with none, makes <paramref name="adminToken"/> an admin key.</summary>
    public async Task InitializeAsync(string? adminToken, CancellationToken cancellationToken)
    {
        _subscription = store.Subscribe(MarkChanged);
        var snapshot = await ReloadAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot.Version == 0 && !string.IsNullOrEmpty(adminToken))
        {
            var key = new StoredKey(BootstrapKeyId, "bootstrap admin (" + AdminKeyVariable + ")", Role.Admin, "",
                Hash(adminToken), Revoked: false, clock.Now.ToString("O"));
            await AppendAsync("bootstrap-admin-key", "bootstrap", "system", _ => false, _ => key, cancellationToken)
                .ConfigureAwait(false);
            LogBootstrapped(logger, AdminKeyVariable);
        }
        else if (snapshot.Version > 0 && !string.IsNullOrEmpty(adminToken))
        {
            await AdoptAdminKeyAsync(snapshot, adminToken, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <see cref="AdminKeyVariable"/> given for a database that already has keys: the value is adopted as an admin key when
    /// no live admin key exists (every admin key revoked, or none was ever made), so an operator locked out can get back in;
    /// otherwise it is not used, and the log says so and what to do instead. Never silently ignored.
    /// </summary>
    private async Task AdoptAdminKeyAsync(KeySnapshot snapshot, string adminToken, CancellationToken cancellationToken)
    {
        var existing = Find(snapshot, Hash(adminToken));
        if (existing is { Revoked: false, Role: Role.Admin })
        {
            LogAdminKeyAlreadyKnown(logger, AdminKeyVariable, existing.KeyId);
            return;
        }

        if (HasLiveAdmin(snapshot))
        {
            LogAdminKeyNotUsed(logger, AdminKeyVariable);
            return;
        }

        var keyId = snapshot.ById.ContainsKey(BootstrapKeyId) ? BootstrapKeyId + "-" + clock.Now.ToString("yyyyMMddHHmmss") : BootstrapKeyId;
        var key = new StoredKey(keyId, "adopted admin (" + AdminKeyVariable + ")", Role.Admin, "", Hash(adminToken), Revoked: false, clock.Now.ToString("O"));
        try
        {
            await AppendAsync("adopt-admin-key-" + Guid.NewGuid().ToString("N"), "adopt", "system",
                current => HasLiveAdmin(current) ? throw new AdminKeyAppeared() : false, _ => key, cancellationToken)
                .ConfigureAwait(false);
            LogAdminKeyAdopted(logger, AdminKeyVariable, keyId);
        }
        catch (AdminKeyAppeared)
        {
            LogAdminKeyNotUsed(logger, AdminKeyVariable);
        }
    }

    private static bool HasLiveAdmin(KeySnapshot snapshot) => snapshot.ById.Values.Any(k => k is { Revoked: false, Role: Role.Admin });

    /// <summary>Another node made an admin key while this one was adopting the variable's.</summary>
    private sealed class AdminKeyAppeared : Exception;

    /// <summary>Finds the live key a bearer token belongs to, or null.</summary>
    public ValueTask<StoredKey?> AuthenticateAsync(string token, CancellationToken cancellationToken) =>
        TryAuthenticateKnown(token, out var known) ? ValueTask.FromResult<StoredKey?>(known) : AuthenticateSlowAsync(token, cancellationToken);

    /// <summary>
    /// The fast path of <see cref="AuthenticateAsync"/>: the live key of a token the current snapshot already matched, with
    /// no hashing and no waiting; false when the token must be looked up (unknown to the snapshot, or the keys changed).
    /// The cache lives in the snapshot, so a change to the keys (a revocation) is seen exactly when the snapshot is
    /// replaced; only matched tokens are kept, at most one per key.
    /// </summary>
    public bool TryAuthenticateKnown(ReadOnlySpan<char> token, [NotNullWhen(true)] out StoredKey? key)
    {
        var current = _snapshot;
        key = null;
        return current.Changes >= Interlocked.Read(ref _changes)
            && current.ByToken.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token, out key);
    }

    private async ValueTask<StoredKey?> AuthenticateSlowAsync(string token, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        var hash = Hash(token);
        var found = Find(snapshot, hash);
        if (found is null && !snapshot.ById.ContainsKey(KeyIdOf(token)) && MayReloadOnMiss())
        {
            // A key created a moment ago (on this node or another) may not have reached the snapshot yet: an acknowledged
            // key works at once, so an unknown key id is looked up again in the store before the call is refused.
            found = Find(await ReloadAsync(cancellationToken).ConfigureAwait(false), hash);
        }

        if (found is not { Revoked: false })
        {
            return null;
        }

        snapshot = _snapshot;
        if (snapshot.ById.TryGetValue(found.KeyId, out var same) && ReferenceEquals(same, found))
        {
            snapshot.ByToken.TryAdd(token, found);
        }

        return found;
    }

    /// <summary>Lists every key, revoked ones included, in id order.</summary>
    public async Task<IReadOnlyList<StoredKey>> ListAsync(CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        return [.. snapshot.ById.Values.OrderBy(k => k.KeyId, StringComparer.Ordinal)];
    }

    /// <summary>Creates a key; the token is returned once (null when the request id was used before: the secret is not kept).</summary>
    public async Task<(StoredKey Key, string? Token)> CreateAsync(
        string requestId, string fingerprint, string recordedBy, string name, Role role, string departmentId, CancellationToken cancellationToken)
    {
        var keyId = "k" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var token = keyId + "." + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new StoredKey(keyId, name, role, departmentId, Hash(token), Revoked: false, clock.Now.ToString("O"));
        var (stored, fresh) = await AppendAsync(requestId, fingerprint, recordedBy, _ => false, _ => key, cancellationToken)
            .ConfigureAwait(false);
        return (stored, fresh ? token : null);
    }

    /// <summary>Revokes a key; NOT_FOUND when there is none with that id.</summary>
    public async Task<StoredKey> RevokeAsync(string requestId, string fingerprint, string recordedBy, string keyId, CancellationToken cancellationToken)
    {
        var (stored, _) = await AppendAsync(requestId, fingerprint, recordedBy,
            snapshot =>
            {
                if (!snapshot.ById.ContainsKey(keyId))
                {
                    throw Services.Refusals.NotFound("API_KEY_NOT_FOUND", $"There is no API key {Services.Refusals.Quote(keyId)}; the list of keys (personnel keys list) shows their ids.");
                }

                return true;
            },
            snapshot => snapshot.ById[keyId] with { Revoked = true },
            cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription?.Dispose();
        _writeLock.Dispose();
    }

    /// <summary>The dictionary finds a candidate by the digest; the fixed-time comparison is the check.</summary>
    private static StoredKey? Find(KeySnapshot snapshot, byte[] hash) =>
        snapshot.ByHash.TryGetValue(Convert.ToHexString(hash), out var key) && CryptographicOperations.FixedTimeEquals(hash, key.Hash)
            ? key
            : null;

    /// <summary>The key id part of a token (<c>key_id.secret</c>).</summary>
    private static string KeyIdOf(string token) => token.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? token[..dot] : token;

    private bool MayReloadOnMiss()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastMissReload);
        return now - last >= MissReloadInterval.TotalMilliseconds && Interlocked.CompareExchange(ref _lastMissReload, now, last) == last;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decides on the current keys and records the change: <paramref name="decide"/> says whether it revokes (else it
    /// creates) and may refuse; <paramref name="result"/> is the key as it stands after. Decided again when another writer
    /// moved the keys first.</summary>
    private async Task<(StoredKey Key, bool Fresh)> AppendAsync(
        string requestId, string fingerprint, string recordedBy,
        Func<KeySnapshot, bool> decide, Func<KeySnapshot, StoredKey> result, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var snapshot = await ReloadAsync(cancellationToken).ConfigureAwait(false);
                var revocation = decide(snapshot);
                var key = result(snapshot);
                var written = await store.WriteAsync(
                    new ApiKeyChange(requestId, fingerprint, recordedBy, snapshot.Version, ToRecord(key), revocation, clock.Today), cancellationToken)
                    .ConfigureAwait(false);
                switch (written)
                {
                    case ApiKeyWritten:
                        MarkChanged();
                        return (key, true);
                    case ApiKeyReplayed replayed:
                        return (ToKey(replayed.Key), false);
                    case ApiKeyConflict when attempt < MaxConflictRetries:
                        continue;
                    case ApiKeyConflict conflict:
                        throw Refusals.Refuse(StatusCode.Aborted, "CONCURRENT_UPDATE",
                            $"Stream 'keys' moved on (expected version {conflict.Expected}, found {conflict.Actual}) while the request "
                            + "was decided; retry it with the same request_id.");
                    case ApiKeyRequestIdReused reused:
                        throw Refusals.RequestIdReused(reused.RequestId);
                    default:
                        throw Refusals.Refuse(StatusCode.Internal, "STORE_REFUSED", "The store refused the write for an unexpected reason.");
                }
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void MarkChanged() => Interlocked.Increment(ref _changes);

    /// <summary>The snapshot, read again when a change was heard of after it was read. A flag cleared at the start of a
    /// reload would let other callers use the old snapshot until that reload ends: an acknowledged revocation would not
    /// yet hold.</summary>
    private ValueTask<KeySnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        return snapshot.Changes >= Interlocked.Read(ref _changes) ? ValueTask.FromResult(snapshot) : new(ReloadAsync(cancellationToken));
    }

    private async Task<KeySnapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        // Taken before reading: a change heard of during the read leaves this snapshot behind the count, so it is read again.
        var changes = Interlocked.Read(ref _changes);
        var log = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
        var byId = log.Keys.ToDictionary(k => k.KeyId, ToKey, StringComparer.Ordinal);
        var snapshot = new KeySnapshot(log.Version, changes, byId,
            byId.Values.ToDictionary(k => Convert.ToHexString(k.Hash), StringComparer.Ordinal));

        // Reloads run concurrently: one that read the stream earlier must not replace a newer snapshot when it finishes
        // later (a created key would vanish, a revoked one come back).
        lock (_swap)
        {
            if (snapshot.Version >= _snapshot.Version && snapshot.Changes >= _snapshot.Changes)
            {
                _snapshot = snapshot;
            }

            return _snapshot;
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "New database: the key in {Variable} is now an admin key (id 'admin')")]
    private static partial void LogBootstrapped(ILogger logger, string variable);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "{Variable} is set, but this database already has a live admin key, so the value is NOT used as a key. "
        + "To add an admin key, run 'personnel keys create --name NAME --role admin' with an existing admin key; to stop this warning, unset {Variable}.")]
    private static partial void LogAdminKeyNotUsed(ILogger logger, string variable);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "This database had no live admin key: the key in {Variable} is now an admin key (id '{KeyId}')")]
    private static partial void LogAdminKeyAdopted(ILogger logger, string variable, string keyId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "The key in {Variable} is already the admin key '{KeyId}' of this database")]
    private static partial void LogAdminKeyAlreadyKnown(ILogger logger, string variable, string keyId);

    private sealed record KeySnapshot(long Version, long Changes, IReadOnlyDictionary<string, StoredKey> ById, IReadOnlyDictionary<string, StoredKey> ByHash)
    {
        /// <summary>Tokens already matched to a live key of this snapshot (filled as callers authenticate).</summary>
        public ConcurrentDictionary<string, StoredKey> ByToken { get; } = new(StringComparer.Ordinal);

        public static KeySnapshot Empty { get; } = new(0, 0, new Dictionary<string, StoredKey>(), new Dictionary<string, StoredKey>());
    }

    private static ApiKeyRecord ToRecord(StoredKey key) =>
        new(key.KeyId, key.Name, key.Role.ToString(), key.DepartmentId, Convert.ToHexString(key.Hash), key.Revoked, key.CreatedAt);

    private static StoredKey ToKey(ApiKeyRecord key) =>
        new(key.KeyId, key.Name, Enum.Parse<Role>(key.Role), key.DepartmentId, Convert.FromHexString(key.Sha256), key.Revoked, key.CreatedAt);
}
