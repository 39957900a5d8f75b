using FsCheck;
using FsCheck.Fluent;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Tests.Posts;

public class EligibilityYearsTests
{
    [Fact]
    public void AM5_NoUncountedYears_EligibleOnTheAnniversary()
    {
        Assert.Equal(new DateOnly(2023, 3, 1), EligibilityYears.EarliestEligibility(new DateOnly(2020, 3, 1), 3, []));
    }

    [Fact]
    public void AS20_AWholeUncountedYearInside_PushesEligibilityOneYear()
    {
        Assert.Equal(new DateOnly(2024, 3, 1), EligibilityYears.EarliestEligibility(new DateOnly(2020, 3, 1), 3, [2021]));
    }

    [Fact]
    public void AS21_RankStartedInsideAnUncountedYear_CountingStartsOnTheNextFirstOfJanuary()
    {
        // Since 2020-03-01, 2020 not counted: the clock starts 2021-01-01, so 3 years → 2024-01-01.
        Assert.Equal(new DateOnly(2024, 1, 1), EligibilityYears.EarliestEligibility(new DateOnly(2020, 3, 1), 3, [2020]));
    }

    [Fact]
    public void AS22_UncountedYearsBeforeTheRankOrAfterEligibility_DoNotMatter()
    {
        Assert.Equal(new DateOnly(2023, 3, 1), EligibilityYears.EarliestEligibility(new DateOnly(2020, 3, 1), 3, [2018, 2024]));
    }

    [Fact]
    public void AS20_AnUncountedYearReachedOnlyBecauseOfAnEarlierOne_AlsoPushes()
    {
        // 2021 pushes the date to 2023-07-01, which brings 2023 into the window: → 2024-07-01.
        Assert.Equal(new DateOnly(2024, 7, 1), EligibilityYears.EarliestEligibility(new DateOnly(2020, 7, 1), 2, [2023, 2021]));
    }

    [Fact]
    public void CountedYears_AreWholeYearsExcludingUncountedOnes()
    {
        Assert.Equal(1, EligibilityYears.CountedYears(new DateOnly(2020, 3, 1), new DateOnly(2022, 6, 30), [2021]));
        Assert.Equal(2, EligibilityYears.CountedYears(new DateOnly(2020, 3, 1), new DateOnly(2022, 6, 30), []));
    }

    [Fact]
    public void Property_CountedYearsNeverExceedElapsedYears_AndEachUncountedYearDelaysAtMostOneYear()
    {
        var since = Gen.Choose(0, 3650).Select(d => new DateOnly(2010, 1, 1).AddDays(d));
        var uncounted = Gen.Choose(2008, 2030).ArrayOf().Select(a => a.Distinct().ToArray());
        Prop.ForAll(since.ToArbitrary(), Gen.Choose(0, 6).ToArbitrary(), uncounted.ToArbitrary(), (start, years, skipped) =>
        {
            var eligible = EligibilityYears.EarliestEligibility(start, years, skipped);
            Assert.True(eligible >= start.AddYears(years));
            Assert.True(eligible <= start.AddYears(years + skipped.Length));
            Assert.True(EligibilityYears.CountedYears(start, eligible, skipped) >= years);
            Assert.True(EligibilityYears.CountedYears(start, eligible.AddDays(-1), skipped) < years || years == 0);
        }).QuickCheckThrowOnFailure();
    }
}
