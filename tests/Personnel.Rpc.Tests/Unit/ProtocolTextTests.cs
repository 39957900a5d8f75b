using FsCheck;
using FsCheck.Fluent;
using Personnel.Rpc.Internal;

namespace Personnel.Rpc.Tests.Unit;

public sealed class PercentEncodingTests
{
    [Fact]
    public void Encode_EscapesControlCharactersPercentAndNonAsciiAsUtf8Bytes()
    {
        Assert.Equal("a%25b%0A%E2%98%BA", PercentEncoding.Encode("a%b\n☺"));
    }

    [Fact]
    public void Encode_LeavesPrintableAsciiAlone()
    {
        const string text = "Deadline Exceeded (AS 13)";

        Assert.Same(text, PercentEncoding.Encode(text));
    }

    [Fact]
    public void Decode_KeepsMalformedEscapesAsTheyAre()
    {
        Assert.Equal("100%zz and %4", PercentEncoding.Decode("100%zz and %4"));
    }

    [Fact]
    public void EncodeThenDecode_GivesBackAnyString()
    {
        Prop.ForAll<string>(text =>
        {
            // Lone surrogates have no UTF-8 form; every real message is well-formed UTF-16.
            var wellFormed = text is null ? string.Empty : new string(text.Where(c => !char.IsSurrogate(c)).ToArray());
            var encoded = PercentEncoding.Encode(wellFormed);
            return encoded.All(c => c is >= ' ' and <= '~') && PercentEncoding.Decode(encoded) == wellFormed;
        }).QuickCheckThrowOnFailure();
    }
}

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("250m", 2_500_000L)]
    [InlineData("7u", 70L)]
    [InlineData("1n", 0L)]
    [InlineData("99999999S", 999_999_990_000_000L)]
    public void TryParse_ReadsEveryUnit(string text, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(text, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("123456789S")]
    [InlineData("10s")]
    [InlineData("-1S")]
    [InlineData("1.5S")]
    public void TryParse_RefusesWhatTheSpecForbids(string text)
    {
        Assert.False(GrpcTimeout.TryParse(text, out _));
    }

    [Fact]
    public void Format_NeverShortensATimeoutAndAlwaysFitsEightDigits()
    {
        Prop.ForAll<long>(raw =>
        {
            var timeout = TimeSpan.FromTicks(Math.Abs(raw % (TimeSpan.TicksPerDay * 365 * 100)));
            var text = GrpcTimeout.Format(timeout);
            return text.Length <= 9 && GrpcTimeout.TryParse(text, out var parsed) && parsed >= timeout;
        }).QuickCheckThrowOnFailure();
    }
}

public sealed class MetadataTests
{
    [Fact]
    public void Add_LowerCasesKeysAndKeepsOrder()
    {
        var metadata = new Metadata { { "X-Trace", "1" }, { "x-trace", "2" } };

        Assert.Equal(["x-trace", "x-trace"], metadata.Select(e => e.Key));
        Assert.Equal("2", metadata.GetValue("X-TRACE"));
    }

    [Fact]
    public void StringValueUnderABinaryKey_IsRefusedNamingTheKey()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Metadata.Entry("trace-bin", "text"));

        Assert.Contains("'trace-bin' ends in '-bin'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonAsciiStringValue_IsRefusedPointingToBinaryKeys()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Metadata.Entry("name", "张三"));

        Assert.Contains("U+5F20", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grpc-status")]
    [InlineData("bad key")]
    [InlineData(":path")]
    public void ReservedOrInvalidKeys_AreRefused(string key)
    {
        Assert.Throws<ArgumentException>(() => new Metadata.Entry(key, "v"));
    }

    [Fact]
    public void BinaryValues_TravelAsUnpaddedBase64AndComeBackPaddedOrNot()
    {
        var entry = new Metadata.Entry("blob-bin", [0xab, 0xab, 0xab, 0x01]);
        var wire = MetadataCodec.EncodeValue(entry);
        var decoded = new Metadata();

        Assert.Equal("q6urAQ", wire);
        Assert.True(MetadataCodec.TryDecodeBinary("blob-bin", wire, decoded));
        Assert.True(MetadataCodec.TryDecodeBinary("blob-bin", "q6urAQ==", decoded));
        Assert.All(decoded, e => Assert.Equal(new byte[] { 0xab, 0xab, 0xab, 0x01 }, e.ValueBytes));
    }

    [Fact]
    public void FrozenMetadata_RefusesChanges()
    {
        Assert.Throws<InvalidOperationException>(() => Metadata.Empty.Add("a", "b"));
    }
}
