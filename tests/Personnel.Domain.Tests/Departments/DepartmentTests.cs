using System.Text.Json;
using Personnel.Domain.Common;
using Personnel.Domain.Departments;

namespace Personnel.Domain.Tests.Departments;

public class DepartmentTests
{
    private static readonly DepartmentPolicy Weihai = new();

    private static Department NewDepartment(DepartmentKind kind = DepartmentKind.ZoneDepartment)
    {
        var department = Department.Create(new DepartmentId("econ"), "经济发展局", kind, new DateOnly(2020, 1, 2));
        department.MarkCommitted();
        return department;
    }

    private static DateOnly Early(int year) => new(year + 1, 1, 15);

    private static Department Assessed(params (int Year, DepartmentTier Tier, CityRank? Rank)[] years)
    {
        var department = NewDepartment();
        foreach (var (year, tier, rank) in years)
        {
            department.RecordAssessment(year, tier, rank, Early(year), Weihai);
        }

        department.MarkCommitted();
        return department;
    }

    [Fact]
    public void Create_RaisesDepartmentCreated()
    {
        var department = Department.Create(new DepartmentId("sfs-1"), "司法所", DepartmentKind.JudicialOffice, new DateOnly(2020, 1, 2));

        var created = Assert.IsType<DepartmentCreated>(Assert.Single(department.UncommittedEvents));
        Assert.Equal(DepartmentKind.JudicialOffice, created.Kind);
        Assert.True(department.Kind.IsDispatchedAgency());
        Assert.Equal(0, department.Version);
    }

    [Theory]
    [InlineData(DepartmentTier.Tier1, false)]
    [InlineData(DepartmentTier.Tier2, false)]
    [InlineData(DepartmentTier.Tier3, true)]
    [InlineData(DepartmentTier.Tier4, true)]
    public void AM17_TierThreeOrFour_EarnsAYellowCard(DepartmentTier tier, bool yellow)
    {
        var department = NewDepartment();

        department.RecordAssessment(2020, tier, null, Early(2020), Weihai);

        Assert.IsType<DepartmentAssessed>(department.UncommittedEvents[0]);
        Assert.Equal(yellow, department.UncommittedEvents.OfType<YellowCardIssued>().Any());
        Assert.Equal(yellow, department.YearOf(2020)!.HasYellowCard);
        Assert.Empty(department.UncommittedEvents.OfType<DepartmentLeadershipAdjustmentOrdered>());
    }

    [Theory]
    [InlineData(1, false, false)]
    [InlineData(2, false, false)]
    [InlineData(3, true, false)]
    [InlineData(4, true, true)]
    public void AM17_CityRankThirdOrFourth_EarnsAYellowCard_FourthAdjustsTheLeadership(int place, bool yellow, bool adjust)
    {
        var department = NewDepartment();

        department.RecordAssessment(2020, DepartmentTier.Tier1, new CityRank(place, 6), Early(2020), Weihai);

        var card = department.UncommittedEvents.OfType<YellowCardIssued>().SingleOrDefault();
        Assert.Equal(yellow, card is not null);
        if (card is not null)
        {
            Assert.Equal([YellowCardGround.CityRank], card.Grounds);
        }

        var order = department.UncommittedEvents.OfType<DepartmentLeadershipAdjustmentOrdered>().SingleOrDefault();
        Assert.Equal(adjust, order is not null);
        Assert.Equal(adjust ? LeadershipAdjustmentGround.CityRank : null, order?.Ground);
    }

    [Fact]
    public void AM17_TwoConsecutiveYellowCardYears_OrderALeadershipAdjustment()
    {
        var department = Assessed((2020, DepartmentTier.Tier3, null));

        department.RecordAssessment(2021, DepartmentTier.Tier4, null, Early(2021), Weihai);

        var order = Assert.Single(department.UncommittedEvents.OfType<DepartmentLeadershipAdjustmentOrdered>());
        Assert.Equal(2021, order.Year);
        Assert.Equal(LeadershipAdjustmentGround.ConsecutiveYellowCards, order.Ground);
        Assert.Equal(Early(2021), order.OccurredOn);
    }

    [Fact]
    public void AM17_YellowCardsWithAGoodYearBetween_DoNotAdjust()
    {
        var department = Assessed((2020, DepartmentTier.Tier3, null), (2021, DepartmentTier.Tier2, null));

        department.RecordAssessment(2022, DepartmentTier.Tier3, null, Early(2022), Weihai);

        Assert.Single(department.UncommittedEvents.OfType<YellowCardIssued>());
        Assert.Empty(department.UncommittedEvents.OfType<DepartmentLeadershipAdjustmentOrdered>());
    }

    [Fact]
    public void AM17_YellowCardsWithAnUnassessedYearBetween_AreNotConsecutive()
    {
        var department = Assessed((2020, DepartmentTier.Tier3, null));

        department.RecordAssessment(2022, DepartmentTier.Tier3, null, Early(2022), Weihai);

        Assert.Empty(department.UncommittedEvents.OfType<DepartmentLeadershipAdjustmentOrdered>());
    }

    [Fact]
    public void AM17_Interpretation_StreakRestartsAfterAnAdjustment_ByDefault()
    {
        var department = Assessed((2020, DepartmentTier.Tier3, null), (2021, DepartmentTier.Tier3, null));

        department.RecordAssessment(2022, DepartmentTier.Tier3, null, Early(2022), Weihai);

        Assert.Equal(LeadershipAdjustmentGround.ConsecutiveYellowCards, department.YearOf(2021)!.LeadershipAdjustment);
        Assert.Null(department.YearOf(2022)!.LeadershipAdjustment);
    }

    [Fact]
    public void AM17_Interpretation_WithoutRestart_EveryFurtherConsecutiveYellowYearAdjustsAgain()
    {
        var policy = Weihai with { StreakRestartsAfterAdjustment = false };
        var department = NewDepartment();
        department.RecordAssessment(2020, DepartmentTier.Tier3, null, Early(2020), policy);
        department.RecordAssessment(2021, DepartmentTier.Tier3, null, Early(2021), policy);

        department.RecordAssessment(2022, DepartmentTier.Tier3, null, Early(2022), policy);

        Assert.Equal(LeadershipAdjustmentGround.ConsecutiveYellowCards, department.YearOf(2022)!.LeadershipAdjustment);
        Assert.Equal(2, department.UncommittedEvents.OfType<DepartmentLeadershipAdjustmentOrdered>().Count());
    }

    [Fact]
    public void AM17_ASecondAssessmentOfTheSameYear_IsRefusedAndChangesNothing()
    {
        var department = Assessed((2020, DepartmentTier.Tier2, null));

        var error = Assert.Throws<RuleViolationException>(
            () => department.RecordAssessment(2020, DepartmentTier.Tier4, null, Early(2020), Weihai));

        Assert.Equal(ViolationKind.AlreadyExists, error.Kind);
        Assert.Equal(Rules.OneAssessmentPerYear, error.Rule);
        Assert.Contains("correction", error.Message);
        Assert.Empty(department.UncommittedEvents);
        Assert.Equal(DepartmentTier.Tier2, department.YearOf(2020)!.Tier);
        Assert.False(department.CanRecordAssessment(2020));
    }

    [Fact]
    public void AM17_AnAssessmentOfAnEarlierYearThanTheLatest_IsRefused()
    {
        var department = Assessed((2021, DepartmentTier.Tier2, null));

        var error = Assert.Throws<RuleViolationException>(
            () => department.RecordAssessment(2020, DepartmentTier.Tier3, null, Early(2020), Weihai));

        Assert.Equal(Rules.AssessmentsInYearOrder, error.Rule);
        Assert.Empty(department.UncommittedEvents);
    }

    [Fact]
    public void AM17_Correction_WithdrawsTheYellowCardAndRescindsTheAdjustmentThatNoLongerHold()
    {
        var department = Assessed((2020, DepartmentTier.Tier3, null), (2021, DepartmentTier.Tier3, null));

        department.CorrectAssessment(2021, DepartmentTier.Tier2, null, "recount of the target scores", new DateOnly(2022, 3, 1), Weihai);

        Assert.Collection(department.UncommittedEvents,
            e => Assert.Equal(DepartmentTier.Tier2, Assert.IsType<DepartmentAssessmentCorrected>(e).Tier),
            e => Assert.Equal(2021, Assert.IsType<YellowCardWithdrawn>(e).Year),
            e => Assert.Equal(2021, Assert.IsType<LeadershipAdjustmentRescinded>(e).Year));
        Assert.False(department.YearOf(2021)!.HasYellowCard);
        Assert.Null(department.YearOf(2021)!.LeadershipAdjustment);
    }

    [Fact]
    public void AM17_AnOrderIsDeliveredToTheHeadInThePost_OrDischargedByAHeadWhoTookThePostAfterIt_Once()
    {
        var department = NewDepartment();
        department.RecordAssessment(2020, DepartmentTier.Tier3, null, Early(2020), Weihai);
        department.RecordAssessment(2021, DepartmentTier.Tier3, null, Early(2021), Weihai);
        var order = Assert.Single(department.LeadershipOrders);
        var ordered = department.Version + department.UncommittedEvents.Count;

        var before = Assert.Throws<RuleViolationException>(() => department.DischargeLeadershipAdjustment(order.Order, "new-head", order.OrderedOn));
        department.DischargeLeadershipAdjustment(order.Order, "new-head", order.OrderedOn.AddDays(40));
        var again = Assert.Throws<RuleViolationException>(() => department.RecordLeadershipAdjustmentDelivered(order.Order, "old-head", order.OrderedOn));
        var unknown = Assert.Throws<RuleViolationException>(() => department.RecordLeadershipAdjustmentDelivered(order.Order - 1, "old-head", order.OrderedOn));

        Assert.Equal((Rules.DepartmentLeadershipAdjustment, ViolationKind.FailedPrecondition), (before.Rule, before.Kind));
        Assert.Equal(ViolationKind.AlreadyExists, again.Kind);
        Assert.Equal(ViolationKind.NotFound, unknown.Kind);
        Assert.Equal(ordered, order.Order);
        var discharged = Assert.IsType<LeadershipAdjustmentDischarged>(department.UncommittedEvents[^1]);
        Assert.Single(department.UncommittedEvents.OfType<LeadershipAdjustmentDischarged>());
        Assert.Equal((order.OrderedOn.AddDays(40), 2021, "new-head"), (discharged.OccurredOn, discharged.Year, discharged.HeadEmployeeId));
        Assert.Equal(("new-head", (string?)null), (department.YearOf(2021)!.LeadershipAdjustmentDischargedBy, department.YearOf(2021)!.LeadershipAdjustmentDeliveredTo));

        // Stored and read back, the order keeps its number and its settlement.
        var history = new List<DepartmentEvent> { new DepartmentCreated(new DateOnly(2020, 1, 2), new DepartmentId("econ"), "经济发展局", DepartmentKind.ZoneDepartment) };
        history.AddRange(department.UncommittedEvents);
        var rebuilt = Department.FromHistory(history.Select(e => JsonSerializer.Deserialize<DepartmentEvent>(JsonSerializer.Serialize(e))!));
        Assert.Equal(department.LeadershipOrders, rebuilt.LeadershipOrders);
        Assert.Equal("new-head", rebuilt.YearOf(2021)!.LeadershipAdjustmentDischargedBy);
    }

    [Fact]
    public void AM17_ADeliveryRecordedAfterARescission_MarksTheOrderRescindedForTheHeadItReached()
    {
        var department = Assessed((2020, DepartmentTier.Tier3, null), (2021, DepartmentTier.Tier3, null));
        var order = Assert.Single(department.LeadershipOrders);
        department.CorrectAssessment(2021, DepartmentTier.Tier2, null, "recount", new DateOnly(2022, 3, 1), Weihai);

        department.RecordLeadershipAdjustmentDelivered(order.Order, "old-head", order.OrderedOn);

        Assert.Equal(order with { DeliveredTo = "old-head", Rescinded = true }, Assert.Single(department.LeadershipOrders));
        Assert.Throws<RuleViolationException>(() => department.DischargeLeadershipAdjustment(order.Order, "new-head", new DateOnly(2022, 5, 1)));
    }

    [Fact]
    public void AM17_Correction_CanIssueACardAndOrderAnAdjustment()
    {
        var department = Assessed((2020, DepartmentTier.Tier4, null), (2021, DepartmentTier.Tier2, null));

        department.CorrectAssessment(2021, DepartmentTier.Tier3, null, "appeal upheld", new DateOnly(2022, 3, 1), Weihai);

        Assert.Single(department.UncommittedEvents.OfType<YellowCardIssued>());
        Assert.Equal(LeadershipAdjustmentGround.ConsecutiveYellowCards,
            Assert.Single(department.UncommittedEvents.OfType<DepartmentLeadershipAdjustmentOrdered>()).Ground);
    }

    [Fact]
    public void AM17_CorrectingAYearWithALaterAssessment_IsRefused()
    {
        var department = Assessed((2020, DepartmentTier.Tier3, null), (2021, DepartmentTier.Tier2, null));

        var error = Assert.Throws<RuleViolationException>(() => department.CorrectAssessment(
            2020, DepartmentTier.Tier1, null, "late appeal", new DateOnly(2022, 3, 1), Weihai));

        Assert.Equal(Rules.AssessmentsInYearOrder, error.Rule);
        Assert.Empty(department.UncommittedEvents);
    }

    [Fact]
    public void AM17_ACorrectionThatChangesNothingOrHasNoReason_IsRefused()
    {
        var department = Assessed((2020, DepartmentTier.Tier3, null));

        Assert.Throws<RuleViolationException>(() => department.CorrectAssessment(
            2020, DepartmentTier.Tier3, null, "same", new DateOnly(2021, 3, 1), Weihai));
        var noReason = Assert.Throws<RuleViolationException>(() => department.CorrectAssessment(
            2020, DepartmentTier.Tier2, null, " ", new DateOnly(2021, 3, 1), Weihai));
        Assert.Equal(ViolationKind.InvalidArgument, noReason.Kind);
        Assert.Empty(department.UncommittedEvents);
    }

    [Fact]
    public void CorrectingAYearNeverAssessed_IsNotFound()
    {
        var error = Assert.Throws<RuleViolationException>(() => NewDepartment().CorrectAssessment(
            2020, DepartmentTier.Tier2, null, "why", new DateOnly(2021, 3, 1), Weihai));

        Assert.Equal(ViolationKind.NotFound, error.Kind);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(5, 4)]
    [InlineData(1, 0)]
    public void AM17_CityRankOutsideItsGroup_IsInvalidArgument(int place, int size)
    {
        var error = Assert.Throws<RuleViolationException>(() => new CityRank(place, size));

        Assert.Equal(Rules.CityRankInGroup, error.Rule);
        Assert.Equal(ViolationKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void AnUndefinedTier_IsInvalidArgument()
    {
        var department = NewDepartment();

        var error = Assert.Throws<RuleViolationException>(
            () => department.RecordAssessment(2020, (DepartmentTier)5, null, Early(2020), Weihai));

        Assert.Equal(ViolationKind.InvalidArgument, error.Kind);
        Assert.Empty(department.UncommittedEvents);
    }

    [Fact]
    public void FromHistory_RebuildsTheSameStateFromJsonWithStableDiscriminators()
    {
        var department = NewDepartment();
        department.RecordAssessment(2020, DepartmentTier.Tier3, null, Early(2020), Weihai);
        department.RecordAssessment(2021, DepartmentTier.Tier1, new CityRank(4, 4), Early(2021), Weihai);
        var history = new List<DepartmentEvent>
        {
            new DepartmentCreated(new DateOnly(2020, 1, 2), new DepartmentId("econ"), "经济发展局", DepartmentKind.ZoneDepartment),
        };
        history.AddRange(department.UncommittedEvents);

        var json = history.Select(e => JsonSerializer.Serialize<DepartmentEvent>(e)).ToList();
        var rebuilt = Department.FromHistory(json.Select(j => JsonSerializer.Deserialize<DepartmentEvent>(j)!));

        Assert.Contains("\"$type\":\"leadership-adjustment-ordered\"", json[^1]);
        Assert.Contains("\"$type\":\"department-created\"", json[0]);
        Assert.Equal(history.Count, rebuilt.Version);
        Assert.Equal("经济发展局", rebuilt.Name);
        Assert.Equal(new DepartmentId("econ"), rebuilt.Id);
        Assert.Equal(new CityRank(4, 4), rebuilt.YearOf(2021)!.CityRank);
        Assert.Equal(LeadershipAdjustmentGround.CityRank, rebuilt.YearOf(2021)!.LeadershipAdjustment);
        Assert.Equal([YellowCardGround.Tier], rebuilt.YearOf(2020)!.YellowCardGrounds);
        Assert.Equal([YellowCardGround.CityRank], rebuilt.YearOf(2021)!.YellowCardGrounds);
    }

    [Fact]
    public void FromHistory_EmptyIsNotFound_AndMustStartWithCreation()
    {
        Assert.Equal(ViolationKind.NotFound, Assert.Throws<RuleViolationException>(() => Department.FromHistory([])).Kind);
        Assert.Throws<RuleViolationException>(() => Department.FromHistory(
            [new DepartmentAssessed(new DateOnly(2021, 1, 1), 2020, DepartmentTier.Tier1, null)]));
    }
}
