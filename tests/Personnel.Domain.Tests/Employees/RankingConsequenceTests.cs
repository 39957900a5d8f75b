using FsCheck;
using FsCheck.Fluent;
using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Profiles;
using Personnel.Domain.Ranking;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

/// <summary>The employee under a ranking-based profile (yangshahu-2020, seed 000 三(五)19), one rule at a time.</summary>
public class RankingConsequenceTests
{
    private static readonly PolicyProfile Yangshahu = PolicyProfiles.Load("yangshahu-2020");
    private static readonly RankingPolicy Ranking = Yangshahu.Consequences.Ranking!;

    private static Employee UnderYangshahu() => Appointed("2020-01-06", policy: Yangshahu.Grading);

    private static void Place(Employee e, int year, int place, int groupSize = 10, int? fromBottom = null, RankingPolicy? ranking = null) =>
        e.RecordRankingPlace(new DateOnly(year, 12, 28), year, place, groupSize, ranking ?? Ranking, fromBottom);

    [Fact]
    public void YSH19_LastPlace_MakesAPostAdjustmentDueAndAWarning()
    {
        var e = UnderYangshahu();

        Place(e, 2020, 10);

        Assert.Equal([typeof(RankingPlaceRecorded), typeof(PostAdjustmentDue), typeof(RankingWarningIssued)], NewEventTypes(e));
        Assert.Equal(Rules.RankingConsequences.Code, e.PostAdjustments.Single().RuleCode);
        Assert.Contains("place 1 from the bottom of 10 in 2020", e.PostAdjustments.Single().Reason, StringComparison.Ordinal);
        Assert.Equal(new RankingPlaceRecorded(D("2020-12-28"), 2020, 10, 10, 1), e.RankingPlaces[2020]);
        Assert.Equal(ContractState.Appointed, e.State);
    }

    [Theory]
    [InlineData(8, true)]
    [InlineData(9, true)]
    [InlineData(7, false)]
    [InlineData(1, false)]
    public void YSH19_TheBottomThree_GetAWarningOnly_TheFourthFromBottomNothing(int place, bool warned)
    {
        var e = UnderYangshahu();

        Place(e, 2020, place);

        Assert.Equal(warned ? [typeof(RankingPlaceRecorded), typeof(RankingWarningIssued)] : [typeof(RankingPlaceRecorded)], NewEventTypes(e));
        Assert.Empty(e.PostAdjustments);
    }

    [Fact]
    public void YSH19_LastPlaceTwoYearsRunning_RemovesTheEmployeeAndEndsTheContract()
    {
        var e = UnderYangshahu();
        Place(e, 2020, 10);
        e.MarkCommitted();

        Place(e, 2021, 10);

        Assert.Equal(
            [typeof(RankingPlaceRecorded), typeof(PostAdjustmentDue), typeof(RankingWarningIssued), typeof(RemovedForRanking)],
            NewEventTypes(e));
        Assert.Equal((ContractState.Terminated, D("2021-12-28")), (e.State, e.SeparatedOn!.Value));
        Assert.Contains("last place 2 years running (2020, 2021)", e.History.OfType<RemovedForRanking>().Single().Reason, StringComparison.Ordinal);
        Refused(e, Rules.ContractLifecycle, () => Place(e, 2022, 5));
    }

    [Fact]
    public void YSH19_LastPlaceWithABetterYearBetween_IsNotRemoval()
    {
        var e = UnderYangshahu();
        Place(e, 2020, 10);
        Place(e, 2021, 5);
        Place(e, 2022, 10);

        Assert.Empty(e.History.OfType<RemovedForRanking>());
        Assert.Equal(ContractState.Appointed, e.State);
        Assert.Equal(2, e.PostAdjustments.Count);
    }

    [Fact]
    public void YSH19_TiedForLast_AllAreLast()
    {
        // Two people tie for the lowest score in a group of 10: both share place 9 from the top, and both are last.
        var e = UnderYangshahu();

        Place(e, 2020, 9, fromBottom: 1);

        Assert.Equal([typeof(RankingPlaceRecorded), typeof(PostAdjustmentDue), typeof(RankingWarningIssued)], NewEventTypes(e));
    }

    [Fact]
    public void YSH19_Interpretation_RemovalEndsTheContractByDefault_OrIsRemovalFromThePostWhenConfigured()
    {
        Assert.True(Ranking.RemovalEndsContract);
        var fromThePost = Ranking with { RemovalEndsContract = false };
        var e = UnderYangshahu();
        Place(e, 2020, 10, ranking: fromThePost);
        e.MarkCommitted();

        Place(e, 2021, 10, ranking: fromThePost);

        // 免职 only: a second post adjustment is due, for the removal, and the contract goes on.
        Assert.Equal([typeof(RankingPlaceRecorded), typeof(PostAdjustmentDue), typeof(RankingWarningIssued), typeof(PostAdjustmentDue)], NewEventTypes(e));
        Assert.Contains("removed from the post (免职): last place 2 years running", e.PostAdjustments[^1].Reason, StringComparison.Ordinal);
        Assert.Equal(ContractState.Appointed, e.State);
    }

    [Fact]
    public void YSH19_TheProfilesNumbersAreData()
    {
        var strict = new RankingPolicy { PostAdjustmentLastPlaces = 2, WarningLastPlaces = 1, RemovalConsecutiveLastYears = 3 };
        var e = UnderYangshahu();

        Place(e, 2020, 9, ranking: strict);
        Place(e, 2021, 10, ranking: strict);
        Place(e, 2022, 10, ranking: strict);

        // 2nd from bottom: a post adjustment but (1 warning place) no warning; last in 2021 and 2022 but not 2020: no removal of 3.
        Assert.Equal(3, e.PostAdjustments.Count);
        Assert.Equal([2021, 2022], e.History.OfType<RankingWarningIssued>().Select(w => w.Year).ToArray());
        Assert.Equal(ContractState.Appointed, e.State);
    }

    [Fact]
    public void YSH19_UnderAGradeBasedProfile_ThePlaceIsOnlyRecorded()
    {
        var e = Appointed("2020-01-06");
        e.RecordRankingPlace(D("2020-12-28"), 2020, 10, 10, PolicyProfiles.Default.Consequences.Ranking);
        e.RecordRankingPlace(D("2021-12-28"), 2021, 10, 10, PolicyProfiles.Default.Consequences.Ranking);

        Assert.Equal([typeof(RankingPlaceRecorded), typeof(RankingPlaceRecorded)], NewEventTypes(e));
        Assert.Equal(ContractState.Appointed, e.State);
    }

    [Theory]
    [InlineData(11, 10, null, "place 11 of 10 is not a place in the group")]
    [InlineData(0, 10, null, "place 0 of 10")]
    [InlineData(5, 10, 7, "place 5 from the top and 7 from the bottom cannot both hold in a group of 10")]
    public void YSH19_APlaceOutsideTheGroup_IsInvalidAndChangesNothing(int place, int groupSize, int? fromBottom, string facts)
    {
        var e = UnderYangshahu();

        var error = Refused(e, Rules.RankingConsequences, () => Place(e, 2020, place, groupSize, fromBottom), ViolationKind.InvalidArgument);

        Assert.Contains(facts, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void YSH19_AYearRankedTwice_IsAlreadyExists_AndAPlaceBeforeDecember_IsRefused()
    {
        var e = UnderYangshahu();
        Place(e, 2020, 3);

        Refused(e, Rules.RankingConsequences, () => Place(e, 2020, 4), ViolationKind.AlreadyExists);
        Refused(e, Rules.AnnualAssessmentTiming, () => e.RecordRankingPlace(D("2021-11-30"), 2021, 4, 10, Ranking));
    }

    [Fact]
    public void YSH19_ARemovalIsRebuiltFromHistory()
    {
        var e = UnderYangshahu();
        Place(e, 2020, 10);
        Place(e, 2021, 10);

        var rebuilt = Employee.FromHistory(e.History.Select(EventJson.Serialize).Select(EventJson.Deserialize<EmployeeEvent>), Yangshahu.Grading);

        Assert.Equal((ContractState.Terminated, D("2021-12-28")), (rebuilt.State, rebuilt.SeparatedOn!.Value));
        Assert.Equal(e.RankingPlaces.Values, rebuilt.RankingPlaces.Values);
    }

    [Fact]
    public void AS9_TheWrittenFeedback_IsSignedOnceAfterTheResult()
    {
        var e = Appointed("2020-01-06");
        Refused(e, Rules.AnnualFeedback, () => e.SignAnnualFeedback(D("2020-12-21"), 2020));
        Quarters(e, 2020, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        Year(e, 2020, AnnualGrade.Competent);

        Refused(e, Rules.AnnualFeedback, () => e.SignAnnualFeedback(D("2020-12-19"), 2020), ViolationKind.InvalidArgument);
        e.SignAnnualFeedback(D("2020-12-22"), 2020);

        Assert.Equal(new AnnualFeedbackSigned(D("2020-12-22"), 2020), e.SignedFeedback[2020]);
        Refused(e, Rules.AnnualFeedback, () => e.SignAnnualFeedback(D("2020-12-23"), 2020), ViolationKind.AlreadyExists);
    }

    [Fact]
    public void YSH19_Property_OverTenYearsOfPlaces_ConsequencesFollowThePlacesExactly()
    {
        // 10 to 14 yearly places in a group of 10, last place about a third of the time.
        var places = Gen.Choose(10, 14).SelectMany(years => Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(10)), (2, Gen.Choose(1, 10))), years));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(places.ToArbitrary(), yearly =>
        {
            var e = Employee.Appoint(D("2015-01-05"), Request(retirement: "2060-06-30"), Yangshahu.Grading);
            var lived = 0;
            foreach (var (place, i) in yearly.Select((p, i) => (p, i)))
            {
                if (!e.IsIn(ContractState.InService))
                {
                    break;
                }

                Place(e, 2015 + i, place);
                lived++;
            }

            // Removal exactly in the first year that is last after a last year; everything before it as the places say.
            var firstRemoval = Enumerable.Range(1, yearly.Length - 1).Where(i => yearly[i] == 10 && yearly[i - 1] == 10).Select(i => (int?)i).FirstOrDefault();
            var judged = yearly.Take(lived).ToArray();
            Assert.Equal(firstRemoval is { } r ? r + 1 : yearly.Length, lived);
            Assert.Equal(firstRemoval is { } year ? [2015 + year] : Array.Empty<int>(), e.History.OfType<RemovedForRanking>().Select(x => x.Year).ToArray());
            Assert.Equal(firstRemoval is null ? ContractState.Appointed : ContractState.Terminated, e.State);
            Assert.Equal(judged.Count(p => p == 10), e.PostAdjustments.Count);
            Assert.Equal(judged.Count(p => p >= 8), e.History.OfType<RankingWarningIssued>().Count());
        }));
    }
}
