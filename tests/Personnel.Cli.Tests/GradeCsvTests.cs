using Personnel.Api.V1;
using Personnel.Cli.Import;

namespace Personnel.Cli.Tests;

public sealed class GradeCsvTests
{
    private const string Header = "employee_id,year,quarter,grade,no_grade_reason,comments,decided_on\n";

    private static GradeFile Parse(string text) => GradeCsv.Parse(new StringReader(text), "d-roads");

    [Fact]
    public void ValidRows_BecomeRequestsWithTheirFileRowNumbersAndDerivedRequestIds()
    {
        var file = Parse(Header + "e-1,2026,1,good,,\"Led the flood response, well\",2026-04-03\ne-2,2026,1,,probation,,\n");

        Assert.Empty(file.Errors);
        Assert.Equal(2, file.TotalRows);
        var first = file.Rows[0];
        Assert.Equal(2, first.RowNumber);
        Assert.Equal(QuarterlyGrade.Good, first.Grade.Grade);
        Assert.Equal("Led the flood response, well", first.Grade.Comments);
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 4, Day = 3 }, first.Grade.DecidedOn);
        Assert.Equal(ImportRequestIds.For("d-roads", "e-1", 2026, 1), first.Grade.RequestId);
        Assert.Equal(3, file.Rows[1].RowNumber);
        Assert.Equal(NoGradeReason.Probation, file.Rows[1].Grade.NoGrade.Reason);
        Assert.Null(file.Rows[1].Grade.DecidedOn);
    }

    [Theory]
    [InlineData("good")]
    [InlineData("GOOD")]
    [InlineData("Good")]
    [InlineData("好")]
    public void Grades_AreReadInEnglishAnyCase_OrInChinese(string text)
    {
        Assert.Equal(QuarterlyGrade.Good, Parse($"employee_id,year,quarter,grade\ne-1,2026,2,{text}\n").Rows.Single().Grade.Grade);
    }

    [Fact]
    public void FairlyGood_IsReadFromKebabSnakeOrChinese()
    {
        var file = Parse("employee_id,year,quarter,grade\ne-1,2026,2,fairly-good\ne-2,2026,2,FAIRLY_GOOD\ne-3,2026,2,较好\n");

        Assert.All(file.Rows, r => Assert.Equal(QuarterlyGrade.FairlyGood, r.Grade.Grade));
    }

    [Theory]
    [InlineData(",2026,1,good,,,", "employee_id is empty")]
    [InlineData("e-1,20x6,1,good,,,", "year \"20x6\" is not a year")]
    [InlineData("e-1,2026,5,good,,,", "quarter \"5\" must be 1, 2, 3 or 4")]
    [InlineData("e-1,2026,1,great,,,", "grade \"great\" is not one of good, fairly-good, average, poor")]
    [InlineData("e-1,2026,1,good,probation,,", "both a grade (\"good\") and a no_grade_reason (\"probation\")")]
    [InlineData("e-1,2026,1,,,,", "no grade and no no_grade_reason")]
    [InlineData("e-1,2026,1,,holiday,,", "no_grade_reason \"holiday\" is not one of probation, under-investigation")]
    [InlineData("e-1,2026,1,,other,,", "no_grade_reason other needs an explanation in comments")]
    [InlineData("e-1,2026,1,good,,,2026-13-01", "decided_on \"2026-13-01\" is not a date")]
    [InlineData("e-1,2026,1,good,,,,extra", "8 fields but the header has 7 columns")]
    public void BadRow_IsReportedWithItsRowAndReason_AndNotSent(string row, string reason)
    {
        var file = Parse(Header + "e-0,2026,1,average,,,\n" + row + "\n");

        var error = Assert.Single(file.Errors);
        Assert.Equal(3, error.Row);
        Assert.Equal(GradeCsv.InvalidRow, error.Code);
        Assert.Contains(reason, error.Message);
        Assert.Equal("e-0", Assert.Single(file.Rows).Grade.EmployeeId);
    }

    [Fact]
    public void SecondRowForTheSamePersonAndQuarter_IsRejectedNamingTheFirst()
    {
        var file = Parse("employee_id,year,quarter,grade\ne-1,2026,1,good\ne-1,2026,2,good\ne-1,2026,1,poor\n");

        var error = Assert.Single(file.Errors);
        Assert.Equal(4, error.Row);
        Assert.Contains("already on row 2", error.Message);
        Assert.Equal(2, file.Rows.Count);
    }

    [Fact]
    public void OtherReason_TakesItsExplanationFromComments()
    {
        var row = Parse(Header + "e-1,2026,1,,other,seconded to the city,\n").Rows.Single();

        Assert.Equal(NoGradeReason.Other, row.Grade.NoGrade.Reason);
        Assert.Equal("seconded to the city", row.Grade.NoGrade.Explanation);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("employee_id,year,grade\n", "the header lacks quarter")]
    [InlineData("employee_id,year,quarter,grade,score\n", "unknown column \"score\"")]
    [InlineData("employee_id,year,quarter,grade,grade\n", "column \"grade\" appears twice")]
    public void BadHeader_RefusesTheWholeFile(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => Parse(text));

        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public void HeaderWithByteOrderMarkAndColumnsInAnyOrder_IsRead()
    {
        var row = Parse("\uFEFFgrade,quarter,year,employee_id\npoor,3,2026,e-9\n").Rows.Single();

        Assert.Equal(("e-9", 2026, 3, QuarterlyGrade.Poor), (row.Grade.EmployeeId, row.Grade.Year, row.Grade.Quarter, row.Grade.Grade));
    }
}
