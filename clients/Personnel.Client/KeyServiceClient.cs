using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Client;

/// <summary>The typed client of <c>personnel.v1.KeyService</c>: one method per RPC. Refusals throw <see cref="PersonnelException"/>.</summary>
public sealed class KeyServiceClient
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service =
        KeysReflection.Descriptor.Services.Single(s => s.Name == "KeyService");

    private static readonly Method<CreateApiKeyRequest, CreateApiKeyResponse> CreateApiKeyMethod = CallRunner.Method<CreateApiKeyRequest, CreateApiKeyResponse>(Service, "CreateApiKey");
    private static readonly Method<RevokeApiKeyRequest, RevokeApiKeyResponse> RevokeApiKeyMethod = CallRunner.Method<RevokeApiKeyRequest, RevokeApiKeyResponse>(Service, "RevokeApiKey");
    private static readonly Method<ListApiKeysRequest, ListApiKeysResponse> ListApiKeysMethod = CallRunner.Method<ListApiKeysRequest, ListApiKeysResponse>(Service, "ListApiKeys");
    private static readonly Method<GetCallerKeyRequest, GetCallerKeyResponse> GetCallerKeyMethod = CallRunner.Method<GetCallerKeyRequest, GetCallerKeyResponse>(Service, "GetCallerKey");

    private readonly CallRunner _runner;

    /// <summary>Creates the client over <paramref name="invoker"/> (e.g. a channel's), with <paramref name="options"/>' key, deadline and retries.</summary>
    public KeyServiceClient(CallInvoker invoker, PersonnelClientOptions options)
        : this(new CallRunner(invoker, options))
    {
    }

    internal KeyServiceClient(CallRunner runner)
    {
        _runner = runner;
    }

    /// <summary>Calls <c>CreateApiKey</c>. Creates a key. The secret is returned once and stored only as a hash. A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<CreateApiKeyResponse> CreateApiKeyAsync(CreateApiKeyRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(CreateApiKeyMethod, request, cancellationToken);

    /// <summary>Calls <c>RevokeApiKey</c>. A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RevokeApiKeyResponse> RevokeApiKeyAsync(RevokeApiKeyRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RevokeApiKeyMethod, request, cancellationToken);

    /// <summary>Calls <c>ListApiKeys</c>.</summary>
    public Task<ListApiKeysResponse> ListApiKeysAsync(ListApiKeysRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(ListApiKeysMethod, request, cancellationToken);

    /// <summary>Calls <c>GetCallerKey</c>: the calling key's id, role and department (never its secret).</summary>
    public Task<GetCallerKeyResponse> GetCallerKeyAsync(GetCallerKeyRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(GetCallerKeyMethod, request, cancellationToken);
}
