using System.Text.Json;
using ApiPost = Personnel.Api.V1.Post;

namespace Personnel.Server.Mapping;

/// <summary>Posts by the domain's names (the read model stores <c>Personnel.Domain.Posts.Post</c> names).</summary>
public static class Posts
{
    /// <summary>The wire post of a domain post name; unspecified for a name the contract does not know.</summary>
    public static ApiPost FromName(string name) => Enum.TryParse<ApiPost>(name, ignoreCase: false, out var post) ? post : ApiPost.Unspecified;

    /// <summary>The wire post of a domain post.</summary>
    public static ApiPost ToApi(Domain.Posts.Post post) => Enums.ToApi<Domain.Posts.Post, ApiPost>(post);

    /// <summary>The domain post of a wire post; null for unspecified or unknown values.</summary>
    public static Domain.Posts.Post? FromApi(ApiPost post) =>
        post != ApiPost.Unspecified && Enums.TryByName<ApiPost, Domain.Posts.Post>(post, out var p) ? p : null;
}

/// <summary>Reads the optional fields the grains keep in an employee row's <c>details</c> JSON.</summary>
public static class Details
{
    /// <summary>The employee's name, when the row carries it.</summary>
    public static string Name(string details) => Read(details, "name");

    /// <summary>Why a rotation is due, when the row says.</summary>
    public static string RotationReason(string details) => Read(details, "rotationReason");

    /// <summary>The terms begun in the current role, when the row says.</summary>
    public static int? ConsecutiveTerms(string details)
    {
        try
        {
            using var document = JsonDocument.Parse(details);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("consecutiveTerms", out var value)
                && value.TryGetInt32(out var terms)
                ? terms
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Read(string details, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(details);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out var value)
                && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
