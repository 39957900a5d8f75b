using Personnel.Api.V1;
using Grpc.Core;
using Personnel.Server.Auth;

namespace Personnel.Server.Services;

/// <summary>personnel.v1.KeyService: API keys (admin only, by the permission matrix).</summary>
public sealed class KeyService(ApiKeyRegistry keys) : Personnel.Api.V1.KeyService.KeyServiceBase
{
    public override async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        var requestId = Refusals.RequireRequestId(request.RequestId);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            throw Refusals.Invalid("name is missing or longer than 200 characters: name the key after who holds it, e.g. 'HR of D01'.");
        }

        if (request.Role is not (Role.Hr or Role.PartyAffairs or Role.Reader or Role.Admin))
        {
            throw Refusals.Invalid($"role {request.Role} is not a role: use ROLE_HR, ROLE_PARTY_AFFAIRS, ROLE_READER or ROLE_ADMIN.");
        }

        if (request.Role != Role.Hr && request.DepartmentId.Length > 0)
        {
            throw Refusals.Invalid($"department_id scopes only ROLE_HR keys; a {Permissions.Name(request.Role)} key acts zone-wide, so leave it empty.");
        }

        var (key, token) = await keys.CreateAsync(requestId, Refusals.Fingerprint(request), Access.Caller(context).KeyId,
            request.Name, request.Role, request.DepartmentId, context.CancellationToken).ConfigureAwait(false);
        return new CreateApiKeyResponse { Key = ToApi(key), Token = token ?? "" };
    }

    public override async Task<RevokeApiKeyResponse> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        var requestId = Refusals.RequireRequestId(request.RequestId);
        if (string.IsNullOrWhiteSpace(request.KeyId))
        {
            throw Refusals.Invalid("key_id is missing: the list of keys (personnel keys list) shows their ids.");
        }

        var key = await keys.RevokeAsync(requestId, Refusals.Fingerprint(request), Access.Caller(context).KeyId, request.KeyId,
            context.CancellationToken).ConfigureAwait(false);
        return new RevokeApiKeyResponse { Key = ToApi(key) };
    }

    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var response = new ListApiKeysResponse();
        response.Keys.AddRange((await keys.ListAsync(context.CancellationToken).ConfigureAwait(false)).Select(ToApi));
        return response;
    }

    public override Task<GetCallerKeyResponse> GetCallerKey(GetCallerKeyRequest request, ServerCallContext context)
    {
        var caller = Access.Caller(context);
        return Task.FromResult(new GetCallerKeyResponse { KeyId = caller.KeyId, Role = caller.Role, DepartmentId = caller.DepartmentId ?? "" });
    }

    private static ApiKey ToApi(StoredKey key) => new()
    {
        KeyId = key.KeyId,
        Name = key.Name,
        Role = key.Role,
        DepartmentId = key.DepartmentId,
        Revoked = key.Revoked,
        CreatedAt = key.CreatedAt,
    };
}
