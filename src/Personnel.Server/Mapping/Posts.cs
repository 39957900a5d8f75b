using ApiPost = Personnel.Api.V1.Post;

namespace Personnel.Server.Mapping;

/// <summary>Posts between the domain and the wire, by name.</summary>
public static class Posts
{
    /// <summary>The wire post of a domain post.</summary>
    public static ApiPost ToApi(Domain.Posts.Post post) => Enums.ToApi<Domain.Posts.Post, ApiPost>(post);

    /// <summary>The domain post of a wire post; null for unspecified or unknown values.</summary>
    public static Domain.Posts.Post? FromApi(ApiPost post) =>
        post != ApiPost.Unspecified && Enums.TryByName<ApiPost, Domain.Posts.Post>(post, out var p) ? p : null;
}
