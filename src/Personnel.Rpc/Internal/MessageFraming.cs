using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;
using Google.Protobuf;

namespace Personnel.Rpc.Internal;

/// <summary>
/// Length-prefixed messages (PROTOCOL-HTTP2.md "Length-Prefixed-Message"): a compressed flag, a 4-byte
/// big-endian length, then the message. Shared by the server (request bodies) and client (response bodies).
/// </summary>
internal static class MessageFraming
{
    // Below this size a message is serialized straight into one span after its header.
    private const int SingleSpanLimit = 64 * 1024;

    /// <summary>
    /// Reads the next message, or returns null when the stream ends cleanly between messages.
    /// Every protocol violation is an <see cref="RpcException"/> with the status the spec names.
    /// </summary>
    /// <param name="direction">"request" or "response", for the error text.</param>
    public static async ValueTask<T?> ReadMessageAsync<T>(
        PipeReader reader, MessageParser<T> parser, int maxSize, string? encoding, string direction, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (result.IsCanceled)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                throw new OperationCanceledException("Reading the message was cancelled.");
            }

            if (buffer.Length >= GrpcProtocol.HeaderSize)
            {
                var (compressed, length) = ReadHeader(buffer);
                var failure = CheckHeader(compressed, length, maxSize, encoding, direction);
                if (failure is not null)
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    throw failure;
                }

                var frameLength = GrpcProtocol.HeaderSize + length;
                if (buffer.Length >= frameLength)
                {
                    var payload = buffer.Slice(GrpcProtocol.HeaderSize, length);
                    try
                    {
                        return compressed == 1
                            ? ParseCompressed(payload, parser, maxSize, direction)
                            : Parse(payload, parser, direction);
                    }
                    finally
                    {
                        reader.AdvanceTo(buffer.GetPosition(frameLength));
                    }
                }
            }

            if (result.IsCompleted)
            {
                var leftover = buffer.Length;
                reader.AdvanceTo(buffer.End);
                if (leftover == 0)
                {
                    return null;
                }

                throw new RpcException(new Status(
                    StatusCode.Internal,
                    $"Incomplete {direction} message: the stream ended {leftover} bytes into a frame."));
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>
    /// Reads a whole single-message body without waiting, when it has already arrived complete: the common
    /// unary case, served with no async machinery. Returns false, consuming nothing, in every other case,
    /// and the caller falls back to <see cref="ReadMessageAsync{T}"/>, which reports any fault precisely.
    /// </summary>
    public static bool TryReadCompleteSingleMessage<T>(
        PipeReader reader, MessageParser<T> parser, int maxSize, string? encoding, string direction, out T? message)
        where T : class, IMessage<T>
    {
        message = null;
        if (!reader.TryRead(out var result))
        {
            return false;
        }

        var buffer = result.Buffer;
        if (!result.IsCompleted || result.IsCanceled || buffer.Length < GrpcProtocol.HeaderSize)
        {
            reader.AdvanceTo(buffer.Start);
            return false;
        }

        var (compressed, length) = ReadHeader(buffer);
        if (buffer.Length != GrpcProtocol.HeaderSize + length || CheckHeader(compressed, length, maxSize, encoding, direction) is not null)
        {
            reader.AdvanceTo(buffer.Start);
            return false;
        }

        try
        {
            var payload = buffer.Slice(GrpcProtocol.HeaderSize);
            message = compressed == 1 ? ParseCompressed(payload, parser, maxSize, direction) : Parse(payload, parser, direction);
            return true;
        }
        finally
        {
            reader.AdvanceTo(buffer.End);
        }
    }

    /// <summary>Writes one framed message; the caller flushes.</summary>
    public static void WriteMessage(IBufferWriter<byte> writer, IMessage message, bool gzip, int? maxSize, string direction)
    {
        if (gzip)
        {
            var compressed = Compress(message);
            CheckSendSize(compressed.Length, maxSize, direction);
            var span = writer.GetSpan(GrpcProtocol.HeaderSize + compressed.Length);
            WriteHeader(span, compressed: true, compressed.Length);
            compressed.CopyTo(span[GrpcProtocol.HeaderSize..]);
            writer.Advance(GrpcProtocol.HeaderSize + compressed.Length);
            return;
        }

        var size = message.CalculateSize();
        CheckSendSize(size, maxSize, direction);
        if (size <= SingleSpanLimit)
        {
            var span = writer.GetSpan(GrpcProtocol.HeaderSize + size);
            WriteHeader(span, compressed: false, size);
            message.WriteTo(span.Slice(GrpcProtocol.HeaderSize, size));
            writer.Advance(GrpcProtocol.HeaderSize + size);
            return;
        }

        WriteHeader(writer.GetSpan(GrpcProtocol.HeaderSize), compressed: false, size);
        writer.Advance(GrpcProtocol.HeaderSize);
        message.WriteTo(writer);
    }

    public static void WriteHeader(Span<byte> destination, bool compressed, int length)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }

    private static (byte Compressed, long Length) ReadHeader(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        return (header[0], BinaryPrimitives.ReadUInt32BigEndian(header[1..]));
    }

    private static RpcException? CheckHeader(byte compressed, long length, int maxSize, string? encoding, string direction)
    {
        if (compressed > 1)
        {
            return new RpcException(new Status(
                StatusCode.Internal,
                $"Invalid {direction} frame: the compressed flag is {compressed}; it must be 0 or 1."));
        }

        if (length > maxSize)
        {
            // The wording matches the C core, so tools and people recognise it.
            return new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"Received message larger than max ({length} vs. {maxSize})"));
        }

        if (compressed == 1)
        {
            if (encoding is null || string.Equals(encoding, GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
            {
                return new RpcException(new Status(
                    StatusCode.Internal,
                    $"Invalid {direction} frame: the compressed flag is set but grpc-encoding is '{encoding ?? "absent"}'."));
            }

            if (!string.Equals(encoding, GrpcProtocol.GzipEncoding, StringComparison.OrdinalIgnoreCase))
            {
                return new RpcException(new Status(
                    StatusCode.Unimplemented,
                    $"The {direction} is compressed with '{encoding}', which is not supported; supported encodings are {GrpcProtocol.SupportedEncodings}."));
            }
        }

        return null;
    }

    private static T Parse<T>(ReadOnlySequence<byte> payload, MessageParser<T> parser, string direction)
        where T : class, IMessage<T>
    {
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or ArgumentException or InvalidOperationException)
        {
            throw new RpcException(new Status(
                StatusCode.Internal,
                $"Failed to deserialize the {direction} message: it is not a valid protobuf encoding of the expected type."));
        }
    }

    private static T ParseCompressed<T>(ReadOnlySequence<byte> payload, MessageParser<T> parser, int maxSize, string direction)
        where T : class, IMessage<T>
    {
        byte[] inflated;
        int length;
        try
        {
            (inflated, length) = Decompress(payload, maxSize);
        }
        catch (InvalidDataException)
        {
            throw new RpcException(new Status(
                StatusCode.Internal, $"Failed to decompress the {direction} message: it is not valid gzip data."));
        }

        try
        {
            if (length > maxSize)
            {
                throw new RpcException(new Status(
                    StatusCode.ResourceExhausted,
                    $"Received message larger than max ({length} vs. {maxSize}) after decompression"));
            }

            return Parse(new ReadOnlySequence<byte>(inflated, 0, length), parser, direction);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(inflated);
        }
    }

    private static (byte[] Buffer, int Length) Decompress(ReadOnlySequence<byte> payload, int maxSize)
    {
        using var source = new ReadOnlySequenceStream(payload);
        using var gzip = new GZipStream(source, CompressionMode.Decompress);
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                // Stop one byte past the limit: enough to know the message is too large.
                if (length > maxSize)
                {
                    return (buffer, length);
                }

                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)maxSize + 1));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = gzip.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                return (buffer, length);
            }

            length += read;
        }
    }

    private static byte[] Compress(IMessage message)
    {
        var raw = message.ToByteArray();
        using var output = new MemoryStream(raw.Length / 2 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(raw);
        }

        return output.ToArray();
    }

    private static void CheckSendSize(int size, int? maxSize, string direction)
    {
        if (maxSize is { } max && size > max)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"Sending {direction} message larger than max ({size} vs. {max})"));
        }
    }
}
