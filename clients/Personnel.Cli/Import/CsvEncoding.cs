using System.Text;

namespace Personnel.Cli.Import;

/// <summary>
/// The encoding a clerk's CSV is in: a byte-order mark decides (UTF-8, UTF-16); else bytes that are valid UTF-8 are
/// UTF-8; else GB18030, the superset of GBK that Excel on a Chinese Windows desktop writes ("CSV (逗号分隔)").
/// <c>--encoding</c> names it instead (utf-8, gbk, gb18030 or any name .NET knows).
/// </summary>
public static class CsvEncoding
{
    static CsvEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The file's text, the encoding it was read in, and whether it began with a byte-order mark.</summary>
    public sealed record Decoded(string Text, Encoding Encoding, bool HadByteOrderMark);

    public static Decoded Decode(byte[] bytes, string? named = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var preamble = Preamble(bytes);
        if (named is { Length: > 0 })
        {
            var encoding = ByName(named);
            var skip = preamble is not null && preamble.GetType() == encoding.GetType() ? preamble.Preamble.Length : 0;
            return new Decoded(encoding.GetString(bytes, skip, bytes.Length - skip), encoding, skip > 0);
        }

        if (preamble is not null)
        {
            var length = preamble.Preamble.Length;
            return new Decoded(preamble.GetString(bytes, length, bytes.Length - length), preamble, true);
        }

        try
        {
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            return new Decoded(utf8.GetString(bytes), utf8, false);
        }
        catch (DecoderFallbackException)
        {
            var gb = Encoding.GetEncoding("GB18030");
            return new Decoded(gb.GetString(bytes), gb, false);
        }
    }

    /// <summary>The encoding <paramref name="name"/> names; an unknown name is refused listing the usual ones.</summary>
    public static Encoding ByName(string name)
    {
        try
        {
            return name.Trim().ToLowerInvariant() switch
            {
                "utf8" or "utf-8" => new UTF8Encoding(false),
                "gbk" or "gb2312" or "cp936" => Encoding.GetEncoding(936),
                var other => Encoding.GetEncoding(other),
            };
        }
        catch (ArgumentException)
        {
            throw new InputException($"--encoding \"{name}\" is not an encoding; use utf-8, gbk or gb18030.");
        }
    }

    /// <summary>Writes <paramref name="text"/> in <paramref name="encoding"/>, with a byte-order mark when asked.</summary>
    public static byte[] Encode(string text, Encoding encoding, bool byteOrderMark)
    {
        var body = encoding.GetBytes(text);
        var preamble = byteOrderMark ? encoding.GetPreamble() : [];
        return [.. preamble, .. body];
    }

    private static Encoding? Preamble(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => new UTF8Encoding(true),
        [0xFF, 0xFE, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        [0xFE, 0xFF, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        _ => null,
    };
}
