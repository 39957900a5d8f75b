using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Personnel.Rpc.Tests.Hostile;

/// <summary>
/// A bare HTTP/2 client over a socket: writes exactly the frames it is told to, valid or not, and drains
/// whatever the server sends (kept, so tests can look for leaked text). Headers are HPACK literals without
/// indexing or Huffman coding, which every decoder must accept.
/// </summary>
public sealed class RawHttp2Connection : IAsyncDisposable
{
    public const byte Data = 0x0;
    public const byte Headers = 0x1;
    public const byte RstStream = 0x3;
    public const byte Settings = 0x4;
    public const byte WindowUpdate = 0x8;
    public const byte EndStream = 0x1;
    public const byte EndHeaders = 0x4;

    private static readonly byte[] Preface = Encoding.ASCII.GetBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly Task _drain;
    private readonly MemoryStream _received = new();
    private readonly int _keep;

    private RawHttp2Connection(TcpClient client, int keepBytes)
    {
        _client = client;
        _stream = client.GetStream();
        _keep = keepBytes;
        _drain = DrainAsync();
    }

    /// <summary>Gets whether the server has closed the connection.</summary>
    public bool Closed { get; private set; }

    public static async Task<RawHttp2Connection> OpenAsync(Uri address, int keepBytes = 1 << 20)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(address.Host, address.Port);
        var connection = new RawHttp2Connection(client, keepBytes);
        var start = new List<byte>(Preface);

        // A large window each way, so the server never stalls on a client that reads but never acknowledges.
        start.AddRange(FrameBytes(Settings, 0, 0, [0x00, 0x04, 0x3F, 0xFF, 0xFF, 0xFF]));
        start.AddRange(FrameBytes(WindowUpdate, 0, 0, [0x3F, 0xFF, 0x00, 0x00]));
        await connection.WriteAsync(start.ToArray());
        return connection;
    }

    /// <summary>Gets the bytes received so far (up to the kept amount).</summary>
    public byte[] Received()
    {
        lock (_received)
        {
            return _received.ToArray();
        }
    }

    public async Task WriteAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    public static byte[] FrameBytes(byte type, byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[9 + payload.Length];
        frame[0] = (byte)(payload.Length >> 16);
        frame[1] = (byte)(payload.Length >> 8);
        frame[2] = (byte)payload.Length;
        frame[3] = type;
        frame[4] = flags;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), streamId & 0x7FFFFFFF);
        payload.CopyTo(frame.AsSpan(9));
        return frame;
    }

    public static byte[] HeaderBlock(IEnumerable<(string Name, string Value)> headers)
    {
        var block = new List<byte>();
        foreach (var (name, value) in headers)
        {
            block.Add(0x00);
            AppendString(block, name);
            AppendString(block, value);
        }

        return block.ToArray();
    }

    public static IEnumerable<(string, string)> GrpcRequestHeaders(string path, string authority, params (string, string)[] extra)
    {
        yield return (":method", "POST");
        yield return (":scheme", "http");
        yield return (":path", path);
        yield return (":authority", authority);
        yield return ("content-type", "application/grpc");
        yield return ("te", "trailers");
        foreach (var header in extra)
        {
            yield return header;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        try
        {
            await _drain;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The socket was closed under the reader: that is how draining ends.
        }
    }

    private static void AppendString(List<byte> block, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        AppendInteger(block, bytes.Length, 7, 0x00);
        block.AddRange(bytes);
    }

    private static void AppendInteger(List<byte> block, int value, int prefixBits, byte firstByteFlags)
    {
        var max = (1 << prefixBits) - 1;
        if (value < max)
        {
            block.Add((byte)(firstByteFlags | value));
            return;
        }

        block.Add((byte)(firstByteFlags | max));
        value -= max;
        while (value >= 128)
        {
            block.Add((byte)((value % 128) + 128));
            value /= 128;
        }

        block.Add((byte)value);
    }

    private async Task DrainAsync()
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            int read;
            try
            {
                read = await _stream.ReadAsync(buffer);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                read = 0;
            }

            if (read == 0)
            {
                Closed = true;
                return;
            }

            lock (_received)
            {
                if (_received.Length < _keep)
                {
                    _received.Write(buffer, 0, Math.Min(read, _keep - (int)_received.Length));
                }
            }
        }
    }
}
