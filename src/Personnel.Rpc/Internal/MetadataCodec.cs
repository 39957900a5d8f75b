using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace Personnel.Rpc.Internal;

/// <summary>Converts metadata to and from HTTP/2 header fields: <c>-bin</c> values travel as base64.</summary>
internal static class MetadataCodec
{
    /// <summary>Headers that belong to the protocol, never to the application's metadata.</summary>
    public static bool IsReserved(string name) =>
        name.Length == 0
        || name[0] == ':'
        || name.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || name.Equals("te", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("host", StringComparison.OrdinalIgnoreCase);

    public static string EncodeValue(Metadata.Entry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes).TrimEnd('=') : entry.Value;

    /// <summary>Decodes a <c>-bin</c> value: padded or unpadded base64, possibly several comma-separated.</summary>
    public static bool TryDecodeBinary(string key, string value, Metadata target)
    {
        foreach (var range in value.AsSpan().Split(','))
        {
            var part = value.AsSpan()[range].Trim();
            var padded = part.Length % 4 == 0 ? part.ToString() : part.ToString() + new string('=', 4 - (part.Length % 4));
            var bytes = new byte[padded.Length / 4 * 3];
            if (!Convert.TryFromBase64String(padded, bytes, out var written))
            {
                return false;
            }

            target.Add(Metadata.Entry.FromWire(key, bytes.AsSpan(0, written).ToArray()));
        }

        return true;
    }

    public static Metadata FromRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            if (IsReserved(name))
            {
                continue;
            }

            var key = name.ToLowerInvariant();
            foreach (var value in values)
            {
                if (value is null)
                {
                    continue;
                }

                if (Metadata.Entry.IsBinaryKey(key))
                {
                    if (!TryDecodeBinary(key, value, metadata))
                    {
                        throw new RpcException(new Status(
                            StatusCode.Internal, $"Metadata '{key}' ends in '-bin' but its value is not base64."));
                    }
                }
                else
                {
                    metadata.Add(Metadata.Entry.FromWire(key, value));
                }
            }
        }

        return metadata;
    }

    /// <summary>Reads client-side response headers or trailers into metadata, skipping reserved names.</summary>
    public static void AddFromHttp(HttpHeaders headers, Metadata target)
    {
        foreach (var (name, values) in headers.NonValidated)
        {
            if (IsReserved(name))
            {
                continue;
            }

            var key = name.ToLowerInvariant();
            foreach (var value in values)
            {
                if (Metadata.Entry.IsBinaryKey(key))
                {
                    if (!TryDecodeBinary(key, value, target))
                    {
                        throw new RpcException(new Status(
                            StatusCode.Internal, $"Response metadata '{key}' ends in '-bin' but its value is not base64."));
                    }
                }
                else
                {
                    target.Add(Metadata.Entry.FromWire(key, value));
                }
            }
        }
    }

    public static string? GetHeader(HttpResponseMessage response, string name, bool trailers)
    {
        var headers = trailers ? (HttpHeaders)response.TrailingHeaders : response.Headers;
        return headers.NonValidated.TryGetValues(name, out var values) ? string.Join(',', values) : null;
    }
}
