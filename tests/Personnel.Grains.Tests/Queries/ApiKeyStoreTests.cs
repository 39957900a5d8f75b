using Personnel.Grains.Queries;

namespace Personnel.Grains.Tests.Queries;

/// <summary>The key store writes what databases already hold: the same stream, event names and JSON as before it moved here.</summary>
public class ApiKeyStoreTests : QueryHost
{
    private static readonly DateOnly Today = new(2024, 5, 6);

    private static ApiKeyRecord Key(bool revoked = false) => new("k1", "clerk", "Hr", "planning", "AB12", revoked, "2024-05-06T09:00:00+08:00");

    [Fact]
    public async Task ACreationAndARevocation_AreStoredAsBefore_AndReadBack()
    {
        var keys = Query<IApiKeyStore>();

        Assert.IsType<ApiKeyWritten>(await keys.WriteAsync(new ApiKeyChange("r1", "f1", "admin", 0, Key(), Revocation: false, Today), default));
        Assert.IsType<ApiKeyWritten>(await keys.WriteAsync(new ApiKeyChange("r2", "f2", "admin", 1, Key(revoked: true), Revocation: true, Today), default));

        var events = await Store.ReadStreamAsync("keys");
        Assert.Equal(["ApiKeyCreated", "ApiKeyRevoked"], events.Select(e => e.Type));
        Assert.Equal(
            """{"KeyId":"k1","Name":"clerk","Role":"Hr","DepartmentId":"planning","Sha256":"AB12","Revoked":false,"CreatedAt":"2024-05-06T09:00:00\u002B08:00"}""",
            events[0].Payload);
        Assert.Equal("""{"keyId":"k1"}""", events[1].Payload);
        Assert.Equal(new ApiKeyLog(2, [Key(revoked: true)]), await keys.ReadAsync(default), new LogComparer());
    }

    [Fact]
    public async Task ARetryReplaysTheFirstAnswer_AReusedIdIsRefused_AStaleVersionConflicts()
    {
        var keys = Query<IApiKeyStore>();
        await keys.WriteAsync(new ApiKeyChange("r1", "f1", "admin", 0, Key(), Revocation: false, Today), default);

        var retry = await keys.WriteAsync(new ApiKeyChange("r1", "f1", "admin", 1, Key() with { Name = "other" }, Revocation: false, Today), default);
        var reused = await keys.WriteAsync(new ApiKeyChange("r1", "f9", "admin", 1, Key(), Revocation: true, Today), default);
        var stale = await keys.WriteAsync(new ApiKeyChange("r3", "f3", "admin", 0, Key(revoked: true), Revocation: true, Today), default);

        Assert.Equal(new ApiKeyReplayed(Key()), retry);
        Assert.Equal(new ApiKeyRequestIdReused("r1"), reused);
        Assert.Equal(new ApiKeyConflict(0, 1), stale);
        Assert.Equal(1, (await keys.ReadAsync(default)).Version);
    }

    [Fact]
    public async Task Subscribers_HearOfTheKeysMoving()
    {
        var keys = Query<IApiKeyStore>();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = keys.Subscribe(() => heard.TrySetResult());

        await keys.WriteAsync(new ApiKeyChange("r1", "f1", "admin", 0, Key(), Revocation: false, Today), default);

        await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class LogComparer : IEqualityComparer<ApiKeyLog>
    {
        public bool Equals(ApiKeyLog? x, ApiKeyLog? y) => x!.Version == y!.Version && x.Keys.SequenceEqual(y.Keys);

        public int GetHashCode(ApiKeyLog obj) => obj.Version.GetHashCode();
    }
}
