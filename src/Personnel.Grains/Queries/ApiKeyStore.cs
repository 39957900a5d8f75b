using System.Text.Json;
using Personnel.Domain.Common;
using Personnel.Storage;

namespace Personnel.Grains.Queries;

/// <summary><see cref="IApiKeyStore"/> over the event store: the <c>keys</c> stream and the <c>api-key</c> documents.</summary>
internal sealed class ApiKeyStore(IEventStore store) : IApiKeyStore
{
    /// <summary>The stream holding every key event.</summary>
    internal const string StreamId = "keys";

    private const string DocumentKind = "api-key";

    public async Task<ApiKeyLog> ReadAsync(CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(StreamId, 1, cancellationToken).ConfigureAwait(false);
        var byId = new Dictionary<string, ApiKeyRecord>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case EventTypes.ApiKey.ApiKeyCreated:
                    var key = JsonSerializer.Deserialize<ApiKeyRecord>(e.Payload)!;
                    byId[key.KeyId] = key;
                    break;
                case EventTypes.ApiKey.ApiKeyRevoked:
                    using (var payload = JsonDocument.Parse(e.Payload))
                    {
                        var id = payload.RootElement.GetProperty("keyId").GetString()!;
                        byId[id] = byId[id] with { Revoked = true };
                    }

                    break;
            }
        }

        return new ApiKeyLog(events.Count == 0 ? 0 : events[^1].Version, [.. byId.Values]);
    }

    public async Task<ApiKeyWrite> WriteAsync(ApiKeyChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var document = JsonSerializer.Serialize(change.Key);
        var recorded = change.Revocation
            ? new NewEvent(EventTypes.ApiKey.ApiKeyRevoked, JsonSerializer.Serialize(new { keyId = change.Key.KeyId }), change.On)
            : new NewEvent(EventTypes.ApiKey.ApiKeyCreated, document, change.On);
        var outcome = await store.AppendAsync(new Commit(change.RequestId, change.Fingerprint, change.RecordedBy,
            [new StreamAppend(StreamId, change.ExpectedVersion, [recorded])],
            [new PutDocument(DocumentKind, change.Key.KeyId, document)],
            document), cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            Appended => new ApiKeyWritten(),
            Duplicate duplicate => new ApiKeyReplayed(JsonSerializer.Deserialize<ApiKeyRecord>(duplicate.Result)!),
            RequestIdReused reused => new ApiKeyRequestIdReused(reused.RequestId),
            WrongExpectedVersion conflict => new ApiKeyConflict(conflict.Expected, conflict.Actual),
            _ => throw new InvalidOperationException($"The store refused a key write for an unexpected reason: {outcome.GetType().Name}."),
        };
    }

    public IDisposable Subscribe(Action onChanged)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        return store.Changes.Subscribe(change =>
        {
            if (change.StreamId == StreamId)
            {
                onChanged();
            }
        });
    }
}
