using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;

namespace Personnel.Server.Tests;

/// <summary>Sends hand-made gRPC requests through HttpClient, bypassing our client's checks.</summary>
public static class RawGrpc
{
    public static byte[] Frame(byte[] message, bool compressedFlag = false, uint? declaredLength = null)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = compressedFlag ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }

    public static async Task<RawResponse> SendAsync(
        Uri address,
        string path,
        byte[] body,
        string? contentType = "application/grpc",
        IEnumerable<(string Name, string Value)>? headers = null,
        Version? version = null)
    {
        using var handler = new SocketsHttpHandler();
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = version ?? HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if ((version ?? HttpVersion.Version20) == HttpVersion.Version20)
        {
            request.Headers.TE.ParseAdd("trailers");
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var content = await response.Content.ReadAsByteArrayAsync();
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(',', values)
            : response.TrailingHeaders.TryGetValues(name, out var trailer) ? string.Join(',', trailer)
            : null;
        return new RawResponse(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            Header("grpc-status"),
            Header("grpc-message"),
            Header("grpc-encoding"),
            Header("grpc-accept-encoding"),
            response.Headers.Contains("grpc-status"),
            content);
    }
}

/// <summary>What came back, as raw as HttpClient gives it.</summary>
public sealed record RawResponse(
    int HttpStatus,
    string? ContentType,
    string? GrpcStatus,
    string? GrpcMessage,
    string? GrpcEncoding,
    string? GrpcAcceptEncoding,
    bool TrailersOnly,
    byte[] Body);
