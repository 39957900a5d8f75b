namespace Personnel.Rpc.Internal;

/// <summary>Names and values fixed by grpc/grpc doc/PROTOCOL-HTTP2.md and doc/compression.md.</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string TeHeader = "te";
    public const string UserAgentHeader = "user-agent";
    public const string IdentityEncoding = "identity";
    public const string GzipEncoding = "gzip";

    /// <summary>What this implementation accepts, advertised in <c>grpc-accept-encoding</c>.</summary>
    public const string SupportedEncodings = "identity,gzip";

    /// <summary>A frame is a 1-byte compressed flag and a 4-byte big-endian length before the message.</summary>
    public const int HeaderSize = 5;

    /// <summary>The default receive limit of every mainstream implementation.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>
    /// True for <c>application/grpc</c> and <c>application/grpc+proto</c>, optionally with <c>;parameters</c>:
    /// the protobuf content types. Other subtypes (<c>+json</c>, <c>-web</c>) are formats this layer does not speak.
    /// </summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = contentType.AsSpan(ContentType.Length);
        if (rest.StartsWith("+proto", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[6..];
        }

        return rest.IsEmpty || rest[0] == ';';
    }

    /// <summary>True for encodings this implementation can compress and decompress.</summary>
    public static bool IsSupportedEncoding(string encoding) =>
        string.Equals(encoding, GzipEncoding, StringComparison.OrdinalIgnoreCase)
        || string.Equals(encoding, IdentityEncoding, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a comma-separated <c>grpc-accept-encoding</c> list names the encoding.</summary>
    public static bool AcceptsEncoding(string? acceptEncoding, string encoding)
    {
        if (string.IsNullOrEmpty(acceptEncoding))
        {
            return false;
        }

        foreach (var range in acceptEncoding.AsSpan().Split(','))
        {
            if (acceptEncoding.AsSpan()[range].Trim().Equals(encoding, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The gRPC status a client infers from a non-200 HTTP status (doc/http-grpc-status-mapping.md).</summary>
    public static StatusCode StatusFromHttp(int httpStatus) => httpStatus switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}
