using Personnel.Cli.Import;

namespace Personnel.Cli.Tests;

public sealed class CsvReaderTests
{
    private static List<CsvReader.Record> Read(string text) => CsvReader.Read(new StringReader(text)).ToList();

    [Fact]
    public void QuotedFields_KeepCommasDoubledQuotesAndLineBreaks()
    {
        var records = Read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n");

        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.Equal(["x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["two\nlines", "z"], records[2].Fields);
    }

    [Fact]
    public void EachRecord_CarriesTheLineItStartsOn_AndBlankLinesAreSkipped()
    {
        var records = Read("h\n\n\"a\nb\"\nc");

        Assert.Equal([1, 3, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void EmptyTrailingField_IsKept()
    {
        Assert.Equal(["a", "", ""], Read("a,,\n")[0].Fields);
    }

    [Fact]
    public void UnclosedQuote_IsAnErrorNamingItsLine()
    {
        var ex = Assert.Throws<FormatException>(() => Read("h\nok\n\"never closed,\n"));

        Assert.Contains("line 3", ex.Message);
    }
}
