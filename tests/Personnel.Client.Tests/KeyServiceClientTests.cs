using Personnel.Api.V1;
using Grpc.Core;
using Personnel.Tests.Shared;

namespace Personnel.Client.Tests;

/// <summary>The client against the real server over the network.</summary>
public sealed class KeyServiceClientTests : IAsyncLifetime
{
    private LiveServer _server = null!;

    public async Task InitializeAsync() => _server = await LiveServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private PersonnelClient Client(string? key) => new(new PersonnelClientOptions { Address = _server.Address, ApiKey = key, RetryBackoff = TimeSpan.Zero });

    [Fact]
    public async Task AdminKey_CreatesAKeyWhoseTokenThenAuthenticates_AndRevokingItLocksItOut()
    {
        using var admin = Client(LiveServer.AdminKey);

        var created = await admin.Keys.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "reader for tests", Role = Role.Reader });
        using var reader = Client(created.Token);
        var listedByAdmin = await admin.Keys.ListApiKeysAsync(new ListApiKeysRequest());
        await reader.Rotation.ListRotationDueAsync(new ListRotationDueRequest());
        await admin.Keys.RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = created.Key.KeyId });
        var afterRevoke = await Assert.ThrowsAsync<PersonnelException>(() => reader.Rotation.ListRotationDueAsync(new ListRotationDueRequest()));

        Assert.Equal(Role.Reader, created.Key.Role);
        Assert.False(string.IsNullOrEmpty(created.Token));
        Assert.Contains(listedByAdmin.Keys, k => k.KeyId == created.Key.KeyId && k.Name == "reader for tests");
        Assert.Equal(StatusCode.Unauthenticated, afterRevoke.StatusCode);
    }

    [Fact]
    public async Task CreateWithTheSameRequestIdTwice_ReturnsTheSameKeyOnce()
    {
        using var admin = Client(LiveServer.AdminKey);
        var request = new CreateApiKeyRequest { Name = "clerk", Role = Role.Hr, DepartmentId = "d-roads" };

        var first = await admin.Keys.CreateApiKeyAsync(request);
        var again = await admin.Keys.CreateApiKeyAsync(request.Clone());
        var keys = await admin.Keys.ListApiKeysAsync(new ListApiKeysRequest());

        Assert.Equal(first.Key.KeyId, again.Key.KeyId);
        Assert.Single(keys.Keys, k => k.Name == "clerk");
    }

    [Fact]
    public async Task UnknownKey_IsRefusedAsUnauthenticated()
    {
        using var stranger = Client("not-a-key");

        var ex = await Assert.ThrowsAsync<PersonnelException>(() => stranger.Keys.ListApiKeysAsync(new ListApiKeysRequest()));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("/personnel.v1.KeyService/ListApiKeys", ex.Method);
    }

    [Fact]
    public async Task ReaderKey_CannotCreateKeys()
    {
        using var admin = Client(LiveServer.AdminKey);
        var reader = await admin.Keys.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "r", Role = Role.Reader });
        using var asReader = Client(reader.Token);

        var ex = await Assert.ThrowsAsync<PersonnelException>(() => asReader.Keys.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "x", Role = Role.Admin }));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }
}
