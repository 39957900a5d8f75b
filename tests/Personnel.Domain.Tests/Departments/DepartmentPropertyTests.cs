using FsCheck;
using FsCheck.Fluent;
using Personnel.Domain.Common;
using Personnel.Domain.Departments;

namespace Personnel.Domain.Tests.Departments;

public class DepartmentPropertyTests
{
    private sealed record YearInput(int Gap, DepartmentTier Tier, int? Place, DepartmentTier? CorrectedTier);

    private static readonly Gen<YearInput> YearGen =
        from gap in Gen.Frequency((5, Gen.Constant(1)), (1, Gen.Constant(2)))
        from tier in Gen.Elements(DepartmentTier.Tier1, DepartmentTier.Tier2, DepartmentTier.Tier3, DepartmentTier.Tier4)
        from place in Gen.Frequency((2, Gen.Constant<int?>(null)), (3, Gen.Choose(1, 4).Select(p => (int?)p)))
        from corrected in Gen.Frequency(
            (4, Gen.Constant<DepartmentTier?>(null)),
            (1, Gen.Elements(DepartmentTier.Tier1, DepartmentTier.Tier2, DepartmentTier.Tier3, DepartmentTier.Tier4).Select(t => (DepartmentTier?)t)))
        select new YearInput(gap, tier, place, corrected);

    [Fact]
    public void AM17_Property_LeadershipAdjustmentExactlyWhenTheRuleSaysSo_UnderBothStreakReadings()
    {
        var policies = Gen.Elements(new DepartmentPolicy(), new DepartmentPolicy { StreakRestartsAfterAdjustment = false });
        Prop.ForAll(YearGen.ListOf().ToArbitrary(), policies.ToArbitrary(), (inputs, policy) =>
        {
            var department = Department.Create(new DepartmentId("d"), "部门", DepartmentKind.ZoneDepartment, new DateOnly(2000, 1, 1));
            var year = 2000;
            foreach (var input in inputs)
            {
                year += input.Gap;
                var rank = input.Place is { } p ? new CityRank(p, 4) : null;
                department.RecordAssessment(year, input.Tier, rank, new DateOnly(year + 1, 1, 10), policy);
                if (input.CorrectedTier is { } corrected && corrected != input.Tier)
                {
                    department.CorrectAssessment(year, corrected, rank, "appeal", new DateOnly(year + 1, 2, 10), policy);
                }
            }

            // Replay through the events, then check every year against the rule on its own.
            var rebuilt = Department.FromHistory(department.UncommittedEvents);
            var streak = 0;
            var previousYear = int.MinValue;
            foreach (var assessed in rebuilt.Years)
            {
                var yellow = assessed.Tier >= DepartmentTier.Tier3 || assessed.CityRank?.Place is 3 or 4;
                Assert.Equal(yellow, assessed.HasYellowCard);
                streak = yellow ? (assessed.Year == previousYear + 1 ? streak + 1 : 1) : 0;
                var fourth = assessed.CityRank?.Place == 4;
                var due = fourth || streak >= 2;
                Assert.Equal(due, assessed.LeadershipAdjustment is not null);
                if (assessed.LeadershipAdjustment == LeadershipAdjustmentGround.ConsecutiveYellowCards)
                {
                    Assert.True(streak >= 2 && rebuilt.YearOf(assessed.Year - 1)!.HasYellowCard);
                }

                if (due && policy.StreakRestartsAfterAdjustment)
                {
                    streak = 0;
                }

                previousYear = assessed.Year;
            }
        }).QuickCheckThrowOnFailure();
    }
}
