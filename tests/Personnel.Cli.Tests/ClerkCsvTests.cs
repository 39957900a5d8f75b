using System.Text;
using Personnel.Cli.Import;

namespace Personnel.Cli.Tests;

/// <summary>CSV files as clerks have them: Excel's GBK/GB18030 on a Chinese desktop, UTF-8 with or without a BOM, Chinese
/// headers and grade words; rejected rows written back beside the file in its own encoding.</summary>
public sealed class ClerkCsvTests
{
    private const string ChineseFile = "员工编号,年度,季度,等次,评语\r\nE1,2026,1,较好,工作认真\r\nE2,2026,1,优,\r\n";

    [Fact]
    public void A_GBK_file_with_Chinese_headers_and_grades_is_read_as_GB18030_and_its_bad_row_is_written_back_in_GBK()
    {
        var bytes = CsvEncoding.Encode(ChineseFile, CsvEncoding.ByName("gbk"), byteOrderMark: false);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));

        var source = CsvEncoding.Decode(bytes);
        var parsed = GradeCsv.Parse(new StringReader(source.Text), "lake");

        Assert.Equal(54936, source.Encoding.CodePage);
        var row = Assert.Single(parsed.Rows);
        Assert.Equal(("E1", Api.V1.QuarterlyGrade.FairlyGood, "工作认真", "lake"), (row.Grade.EmployeeId, row.Grade.Grade, row.Grade.Comments, row.Grade.DepartmentId));
        var error = Assert.Single(parsed.Errors);
        Assert.Equal(3, error.Row);

        var directory = Directory.CreateTempSubdirectory("clerk-csv-");
        try
        {
            var file = Path.Combine(directory.FullName, "q1.csv");
            var written = RejectedRows.Write(file, parsed, parsed.Errors, source, chinese: true);

            Assert.Equal(Path.Combine(directory.FullName, "q1.rejected.csv"), written);
            var back = Encoding.GetEncoding("GB18030").GetString(File.ReadAllBytes(written!));
            Assert.StartsWith("员工编号,年度,季度,等次,评语,原因\r\nE2,2026,1,优,,\"row 3: grade \"\"优\"\" is not one of", back);

            RejectedRows.Write(file, parsed, [], source, chinese: true);
            Assert.False(File.Exists(written));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void UTF8_with_or_without_a_byte_order_mark_is_read_as_UTF8(bool bom)
    {
        var source = CsvEncoding.Decode(CsvEncoding.Encode(ChineseFile, new UTF8Encoding(bom), bom));

        Assert.Equal(ChineseFile, source.Text);
        Assert.Equal(bom, source.HadByteOrderMark);
        Assert.Equal(65001, source.Encoding.CodePage);
    }

    [Fact]
    public void An_encoding_named_with_encoding_wins_and_an_unknown_name_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("employee_id,year,quarter,grade\r\n");

        Assert.Equal("employee_id,year,quarter,grade\r\n", CsvEncoding.Decode(bytes, "gb18030").Text);
        Assert.Contains("utf-8, gbk or gb18030", Assert.Throws<InputException>(() => CsvEncoding.ByName("klingon")).Message);
    }

    [Fact]
    public async Task The_template_is_a_file_the_import_reads_in_English_or_Chinese()
    {
        var directory = Directory.CreateTempSubdirectory("clerk-template-");
        try
        {
            foreach (var chinese in new[] { false, true })
            {
                var file = Path.Combine(directory.FullName, $"t-{chinese}.csv");
                var args = chinese ? new[] { "grades", "template", file, "--chinese", "--encoding", "gbk" } : ["grades", "template", file];

                var result = await CliHarness.RunAsync(args);

                Assert.Equal(0, result.ExitCode);
                var source = CsvEncoding.Decode(await File.ReadAllBytesAsync(file));
                var parsed = GradeCsv.Parse(new StringReader(source.Text), "lake");
                Assert.Empty(parsed.Errors);
                Assert.Equal(Api.V1.QuarterlyGrade.FairlyGood, Assert.Single(parsed.Rows).Grade.Grade);
                Assert.Equal(ExitCodes.BadInput, (await CliHarness.RunAsync(args)).ExitCode);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
