using System.Text.Json;
using Personnel.Cli.Commands;
using Personnel.Cli.Import;

namespace Personnel.Cli.Tests;

public sealed class ImportReportRenderingTests
{
    private static readonly ImportReport Report = new(
        "q1.csv", "d-roads", Rows: 4, Recorded: 2, AlreadyRecorded: 0,
        [new RowError(3, "e-2", "INVALID_ROW", "quarter \"5\" must be 1, 2, 3 or 4."), new RowError(5, "e-4", "FAILED_PRECONDITION", "AS 第八条: Good quota [2 of 5] is used up.")]);

    private static string Render(bool json)
    {
        var output = new StringWriter();
        var context = new CliContext(CliContext.PlainConsole(output), new StringWriter(), _ => null, _ => throw new InvalidOperationException(), TimeProvider.System);
        GradesCommands.Write(new GlobalOptions(context), json, Report);
        return output.ToString();
    }

    [Fact]
    public void Table_ListsEveryRejectedRowWithItsRule_ThenTheCounts()
    {
        var text = Render(json: false);

        Assert.Matches(@"│ 3\s+│ e-2\s+│ INVALID_ROW\s+│ quarter ""5"" must be 1, 2, 3 or 4\.", text);
        Assert.Contains("行号 / row", text);
        Assert.Contains("结果代码 / code", text);
        Assert.Contains("AS 第八条: Good quota [2 of 5] is used up.", text);
        Assert.EndsWith("q1.csv: 4 rows: 2 recorded, 0 already recorded, 2 rejected.\n", text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_HasSnakeCaseCountsAndEveryError()
    {
        using var document = JsonDocument.Parse(Render(json: true));
        var root = document.RootElement;

        Assert.Equal("d-roads", root.GetProperty("department").GetString());
        Assert.Equal(4, root.GetProperty("rows").GetInt32());
        Assert.Equal(2, root.GetProperty("recorded").GetInt32());
        Assert.Equal(0, root.GetProperty("already_recorded").GetInt32());
        Assert.Equal(2, root.GetProperty("rejected").GetInt32());
        var errors = root.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([3, 5], errors.Select(e => e.GetProperty("row").GetInt32()));
        Assert.Equal("FAILED_PRECONDITION", errors[1].GetProperty("code").GetString());
        Assert.Equal("e-4", errors[1].GetProperty("employee_id").GetString());
    }
}
