using System.Collections;
using System.Text;

namespace Personnel.Rpc;

/// <summary>
/// Call metadata (HTTP/2 headers or trailers). Keys are lower-case ASCII; keys ending in <c>-bin</c>
/// carry bytes (base64 on the wire), others carry printable ASCII strings.
/// </summary>
public sealed class Metadata : IList<Metadata.Entry>
{
    /// <summary>The suffix that marks a binary entry.</summary>
    public const string BinaryHeaderSuffix = "-bin";

    /// <summary>An empty, read-only instance.</summary>
    public static readonly Metadata Empty = new Metadata().Freeze();

    private readonly List<Entry> _entries = [];
    private bool _readOnly;

    public int Count => _entries.Count;

    public bool IsReadOnly => _readOnly;

    public Entry this[int index]
    {
        get => _entries[index];
        set
        {
            EnsureWritable();
            _entries[index] = value;
        }
    }

    /// <summary>Adds a string entry.</summary>
    public Metadata Add(string key, string value)
    {
        Add(new Entry(key, value));
        return this;
    }

    /// <summary>Adds a binary entry; the key must end in <c>-bin</c>.</summary>
    public Metadata Add(string key, byte[] valueBytes)
    {
        Add(new Entry(key, valueBytes));
        return this;
    }

    public void Add(Entry item)
    {
        EnsureWritable();
        _entries.Add(item);
    }

    /// <summary>Gets the last entry with the given key, or null.</summary>
    public Entry? Get(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>Gets the string value of the last entry with the given key, or null.</summary>
    public string? GetValue(string key) => Get(key)?.Value;

    /// <summary>Gets the bytes of the last binary entry with the given key, or null.</summary>
    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    /// <summary>Gets every entry with the given key, in order.</summary>
    public IEnumerable<Entry> GetAll(string key) =>
        _entries.Where(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

    public void Clear()
    {
        EnsureWritable();
        _entries.Clear();
    }

    public bool Contains(Entry item) => _entries.Contains(item);

    public void CopyTo(Entry[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);

    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(Entry item) => _entries.IndexOf(item);

    public void Insert(int index, Entry item)
    {
        EnsureWritable();
        _entries.Insert(index, item);
    }

    public bool Remove(Entry item)
    {
        EnsureWritable();
        return _entries.Remove(item);
    }

    public void RemoveAt(int index)
    {
        EnsureWritable();
        _entries.RemoveAt(index);
    }

    internal Metadata Freeze()
    {
        _readOnly = true;
        return this;
    }

    private void EnsureWritable()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("This metadata is read-only.");
        }
    }

    /// <summary>One metadata entry.</summary>
    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _valueBytes;

        public Entry(string key, string value)
        {
            Key = NormalizeKey(key);
            if (IsBinaryKey(Key))
            {
                throw new ArgumentException(
                    $"Metadata key '{Key}' ends in '-bin', so its value must be bytes, not a string.", nameof(key));
            }

            ArgumentNullException.ThrowIfNull(value);
            foreach (var c in value)
            {
                // gRPC ASCII values are printable ASCII (0x20-0x7E); anything else cannot travel as a header.
                if (c < 0x20 || c > 0x7E)
                {
                    throw new ArgumentException(
                        $"Metadata value for '{Key}' contains the character U+{(int)c:X4}; ASCII values must be printable ASCII (0x20-0x7E). Use a '-bin' key for other data.",
                        nameof(value));
                }
            }

            _value = value;
        }

        public Entry(string key, byte[] valueBytes)
        {
            Key = NormalizeKey(key);
            if (!IsBinaryKey(Key))
            {
                throw new ArgumentException(
                    $"Metadata key '{Key}' carries bytes, so it must end in '-bin'.", nameof(key));
            }

            ArgumentNullException.ThrowIfNull(valueBytes);
            _valueBytes = valueBytes;
        }

        private Entry(string key, string? value, byte[]? valueBytes)
        {
            Key = key;
            _value = value;
            _valueBytes = valueBytes;
        }

        /// <summary>Gets the lower-case key.</summary>
        public string Key { get; }

        /// <summary>Gets whether the entry carries bytes (its key ends in <c>-bin</c>).</summary>
        public bool IsBinary => _valueBytes is not null;

        /// <summary>Gets the string value; throws for binary entries.</summary>
        public string Value => _value
            ?? throw new InvalidOperationException($"Metadata entry '{Key}' is binary; read ValueBytes.");

        /// <summary>Gets the bytes: the bytes of a binary entry, or the ASCII bytes of a string entry.</summary>
        public byte[] ValueBytes => _valueBytes ?? Encoding.ASCII.GetBytes(_value!);

        public override string ToString() =>
            IsBinary ? $"[Entry: key={Key}, valueBytes={Convert.ToBase64String(_valueBytes!)}]" : $"[Entry: key={Key}, value={_value}]";

        // Entries received from the wire were already validated by the HTTP/2 layer; they skip the checks.
        internal static Entry FromWire(string key, string value) => new(key, value, null);

        internal static Entry FromWire(string key, byte[] valueBytes) => new(key, null, valueBytes);

        internal static bool IsBinaryKey(string key) => key.EndsWith(BinaryHeaderSuffix, StringComparison.Ordinal);

        private static string NormalizeKey(string key)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            var lower = key.ToLowerInvariant();
            foreach (var c in lower)
            {
                var valid = c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.';
                if (!valid)
                {
                    throw new ArgumentException(
                        $"Metadata key '{key}' contains '{c}'; keys may hold only 0-9 a-z - _ and '.'.", nameof(key));
                }
            }

            if (lower.StartsWith("grpc-", StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Metadata key '{key}' starts with 'grpc-', which the protocol reserves for itself.", nameof(key));
            }

            return lower;
        }
    }
}
