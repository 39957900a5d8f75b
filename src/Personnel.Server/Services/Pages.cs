using System.Text;

namespace Personnel.Server.Services;

/// <summary>
/// The paging every list RPC shares: <c>page_size</c> (0 for the RPC's default, at most 1,000) and an opaque
/// <c>page_token</c> holding the keyset cursor of the next page as text. A token the service did not issue is
/// INVALID_ARGUMENT, never a wrong page.
/// </summary>
internal static class Pages
{
    public const int MaxSize = 1000;

    /// <summary>The rows to read for <paramref name="pageSize"/>: its default for 0, refused outside 0 to 1,000.</summary>
    public static int Size(int pageSize, int defaultSize) =>
        pageSize is < 0 or > MaxSize
            ? throw Refusals.Invalid($"page_size {pageSize} must be 0 (meaning {defaultSize}) to {MaxSize}.")
            : pageSize == 0 ? defaultSize : pageSize;

    /// <summary>The token of a cursor; empty when there is no next page.</summary>
    public static string Token(string? cursor) => cursor is null ? "" : Convert.ToBase64String(Encoding.UTF8.GetBytes(cursor));

    /// <summary>The cursor inside <paramref name="token"/>: null for the first page (no token).</summary>
    public static string? Cursor(string token)
    {
        if (token.Length == 0)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw NotIssued();
        }
    }

    /// <summary>The refusal of a token whose cursor is not one the RPC writes.</summary>
    public static Grpc.Core.RpcException NotIssued() =>
        Refusals.Invalid("page_token is not a token this service issued: pass next_page_token from the previous page unchanged, or leave it empty.");
}
