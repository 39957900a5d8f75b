using Personnel.Domain.Common;

namespace Personnel.Domain.Tests.Common;

public class QuarterTests
{
    [Theory]
    [InlineData(2024, 1, "2024-01-01", "2024-03-31", 91)]
    [InlineData(2023, 1, "2023-01-01", "2023-03-31", 90)]
    [InlineData(2024, 2, "2024-04-01", "2024-06-30", 91)]
    [InlineData(2024, 3, "2024-07-01", "2024-09-30", 92)]
    [InlineData(2024, 4, "2024-10-01", "2024-12-31", 92)]
    public void Quarter_IsTheCalendarQuarter(int year, int number, string first, string last, int days)
    {
        var quarter = new Quarter(year, number);

        Assert.Equal(DateOnly.Parse(first), quarter.FirstDay);
        Assert.Equal(DateOnly.Parse(last), quarter.LastDay);
        Assert.Equal(days, quarter.Days);
        Assert.Equal(quarter, Quarter.Of(DateOnly.Parse(last)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Quarter_OutsideOneToFour_IsInvalidArgument(int number)
    {
        var error = Assert.Throws<RuleViolationException>(() => new Quarter(2024, number));

        Assert.Equal(ViolationKind.InvalidArgument, error.Kind);
        Assert.Contains($"quarter {number} does not exist", error.Message);
    }

    [Fact]
    public void NextAndPrevious_CrossYearBoundaries()
    {
        Assert.Equal(new Quarter(2025, 1), new Quarter(2024, 4).Next);
        Assert.Equal(new Quarter(2024, 4), new Quarter(2025, 1).Previous);
        Assert.True(new Quarter(2024, 4) < new Quarter(2025, 1));
    }

    [Fact]
    public void DatePeriod_OverlapDays_CountsSharedDaysInclusive()
    {
        var leave = new DatePeriod(new DateOnly(2024, 3, 20), new DateOnly(2024, 4, 10));

        Assert.Equal(12, leave.OverlapDays(new Quarter(2024, 1).Period));
        Assert.Equal(10, leave.OverlapDays(new Quarter(2024, 2).Period));
        Assert.Equal(0, leave.OverlapDays(new Quarter(2024, 3).Period));
    }

    [Fact]
    public void DatePeriod_EndingBeforeItStarts_IsInvalidArgument()
    {
        var error = Assert.Throws<RuleViolationException>(
            () => new DatePeriod(new DateOnly(2024, 3, 2), new DateOnly(2024, 3, 1)));

        Assert.Equal(ViolationKind.InvalidArgument, error.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(" e1")]
    public void EmployeeId_BlankOrPadded_IsInvalidArgument(string value)
    {
        var error = Assert.Throws<RuleViolationException>(() => new EmployeeId(value));

        Assert.Equal(ViolationKind.InvalidArgument, error.Kind);
    }
}
