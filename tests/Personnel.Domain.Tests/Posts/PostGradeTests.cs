using FsCheck;
using FsCheck.Fluent;
using Personnel.Domain.Common;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Tests.Posts;

public class PostGradeTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(9, 1)]
    [InlineData(1, 0)]
    [InlineData(1, 20)]
    public void PM5_GradeOutsideEightLevelsNineteenSteps_IsInvalidArgument(int level, int step)
    {
        var error = Assert.Throws<RuleViolationException>(() => new PostGrade(level, step));

        Assert.Equal(ViolationKind.InvalidArgument, error.Kind);
        Assert.Equal(Rules.PostGradeTable, error.Rule);
        Assert.Contains("PM 第五条", error.Message);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 19)]
    [InlineData(4, 10)]
    public void PM5_GradeInsideTheTable_IsAccepted(int level, int step)
    {
        var grade = new PostGrade(level, step);

        Assert.Equal(level, grade.Level);
        Assert.Equal(step, grade.Step);
    }

    [Fact]
    public void AS21_DemoteOneGrade_AddsOneToTheLevelAndKeepsTheStep()
    {
        var demotion = new PostGrade(3, 12).Demote();

        Assert.Equal(new PostGrade(4, 12), demotion.To);
        Assert.Equal(new PostGrade(3, 12), demotion.From);
        Assert.False(demotion.FloorReached);
    }

    [Fact]
    public void AS21_DemotionAtLevelEight_IsRecordedAsDueWithFloorReached()
    {
        var demotion = new PostGrade(8, 5).Demote();

        Assert.True(demotion.FloorReached);
        Assert.Equal(new PostGrade(8, 5), demotion.To);
    }

    [Fact]
    public void HigherGrade_IsASmallerLevelOrAHigherStep()
    {
        Assert.True(new PostGrade(2, 1).IsHigherThan(new PostGrade(3, 19)));
        Assert.True(new PostGrade(3, 5).IsHigherThan(new PostGrade(3, 4)));
        Assert.False(new PostGrade(3, 4).IsHigherThan(new PostGrade(3, 4)));
    }

    [Fact]
    public void AS21_Property_NoDemotionIsEverLost_LevelsDroppedPlusFloorHitsEqualDemotions()
    {
        var start = Gen.Choose(1, 8).SelectMany(level => Gen.Choose(1, 19).Select(step => new PostGrade(level, step)));
        Prop.ForAll(start.ToArbitrary(), Gen.Choose(0, 30).ToArbitrary(), (grade, demotions) =>
        {
            var current = grade;
            var floorHits = 0;
            for (var i = 0; i < demotions; i++)
            {
                var demotion = current.Demote();
                Assert.Equal(current, demotion.From);
                Assert.Equal(current.Step, demotion.To.Step);
                floorHits += demotion.FloorReached ? 1 : 0;
                Assert.Equal(current.IsFloor, demotion.FloorReached);
                current = demotion.To;
            }

            // Every demotion is either a level dropped or a recorded floor hit: none vanishes.
            Assert.Equal(demotions, (current.Level - grade.Level) + floorHits);
            Assert.Equal(Math.Min(8, grade.Level + demotions), current.Level);
        }).QuickCheckThrowOnFailure();
    }
}
