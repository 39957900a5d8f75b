namespace Personnel.Server.Auth;

/// <summary>The key of an <c>authorization</c> header, for every door that takes one (the RPCs, the metrics endpoint).</summary>
public sealed partial class ApiKeyRegistry
{
    private const string Bearer = "Bearer ";

    /// <summary>
    /// Finds the key an <c>authorization</c> header presents as <c>Bearer &lt;key&gt;</c>. A key already matched is found
    /// synchronously and without a copy of the token (the common case: no allocation, no hashing).
    /// </summary>
    /// <returns><c>Presented</c>: whether the header carries a bearer token at all; <c>Key</c>: the live key it belongs to,
    /// or null when the token is unknown or revoked.</returns>
    public ValueTask<(bool Presented, StoredKey? Key)> AuthenticateBearerAsync(string header, CancellationToken cancellationToken)
    {
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) || header.Length <= Bearer.Length)
        {
            return ValueTask.FromResult<(bool, StoredKey?)>((false, null));
        }

        return TryAuthenticateKnown(header.AsSpan(Bearer.Length).Trim(), out var key)
            ? ValueTask.FromResult<(bool, StoredKey?)>((true, key))
            : LookUpAsync(header[Bearer.Length..].Trim(), cancellationToken);
    }

    private async ValueTask<(bool Presented, StoredKey? Key)> LookUpAsync(string token, CancellationToken cancellationToken) =>
        (true, await AuthenticateAsync(token, cancellationToken).ConfigureAwait(false));
}
