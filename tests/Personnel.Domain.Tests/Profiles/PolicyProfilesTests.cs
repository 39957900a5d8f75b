using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Grading;
using Personnel.Domain.Profiles;

namespace Personnel.Domain.Tests.Profiles;

public class PolicyProfilesTests
{
    [Fact]
    public void R9_ShippedProfiles_AreListedByName()
    {
        Assert.Contains("weihai-2020", PolicyProfiles.Names);
        Assert.Contains("yangshahu-2020", PolicyProfiles.Names);
        Assert.Contains("ganzhou-2012", PolicyProfiles.Names);
        Assert.Contains("xiongkou-2017", PolicyProfiles.Names);
        Assert.Equal(PolicyProfiles.Names.Order(StringComparer.Ordinal), PolicyProfiles.Names);
    }

    [Fact]
    public void R9_Weihai2020_ReproducesEveryDefault()
    {
        var loaded = PolicyProfiles.Load("weihai-2020");

        Assert.Equal(PolicyProfiles.ToJson(new PolicyProfile { Name = PolicyProfile.DefaultName }), PolicyProfiles.ToJson(loaded));
        Assert.Same(loaded, PolicyProfiles.Default);
    }

    [Fact]
    public void R9_Weihai2020_SpellsOutEveryValueInItsFile()
    {
        // A file that relied on the C# defaults would hide a drift between the two; the file is complete.
        using var stream = typeof(PolicyProfile).Assembly.GetManifestResourceStream("Personnel.Domain.Profiles.weihai-2020.json")!;
        var text = new StreamReader(stream).ReadToEnd();

        foreach (var property in new[] { "goodQuotaRatio", "managementPosts", "yellowCardTiers", "departmentCoefficient", "secondConsecutive" })
        {
            Assert.Contains($"\"{property}\"", text);
        }
    }

    [Fact]
    public void R9_UnknownProfile_IsInvalidArgumentListingTheKnownNames()
    {
        var error = Assert.Throws<RuleViolationException>(() => PolicyProfiles.Load("atlantis-2020"));

        Assert.Equal(ViolationKind.InvalidArgument, error.Kind);
        Assert.Equal(Rules.KnownProfile, error.Rule);
        Assert.Contains("'atlantis-2020'", error.Message);
        Assert.Contains("ganzhou-2012, weihai-2020, wuqiao-2018, xiongkou-2017, yangshahu-2020", error.Message);
    }

    [Fact]
    public void R9_Yangshahu2020_IsRankingBasedWithABonusLadder_AndKeepsWeihaiDefaultsElsewhere()
    {
        var profile = PolicyProfiles.Load("yangshahu-2020");

        Assert.Equal(ConsequenceBasis.Ranking, profile.Consequences.Basis);
        Assert.Equal(3, profile.Consequences.Ranking!.WarningLastPlaces);
        Assert.Equal(0.60m, profile.Consequences.BonusLadder!.BaseShare);
        Assert.Equal(0.70m, profile.Consequences.BonusLadder.BottomTierFactor);
        Assert.Equal(1.1m, profile.Pay.DepartmentCoefficient[DepartmentTier.Tier1]);
        Assert.Empty(profile.Grading.Consequences);
        Assert.True(profile.Grading.IsYearCounted(AnnualOutcome.Incompetent));
    }

    [Fact]
    public void R9_AProfileChangesOnlyWhatItSays_InterpretationsIncluded()
    {
        var profile = PolicyProfiles.Parse("""
            { "name": "test", "departments": { "streakRestartsAfterAdjustment": false }, "pay": { "absenceWithholdsEveryQuarterOfTheYear": false } }
            """);

        Assert.False(profile.Departments.StreakRestartsAfterAdjustment);
        Assert.False(profile.Pay.AbsenceWithholdsEveryQuarterOfTheYear);
        Assert.Equal(2, profile.Departments.ConsecutiveYellowCardYears);
        Assert.Equal(0.2m, profile.Pay.PersonalCoefficient[AnnualGrade.BasicallyCompetent]);
    }

    [Fact]
    public void R9_ProfilesRoundTripThroughJson()
    {
        var yangshahu = PolicyProfiles.Load("yangshahu-2020");

        Assert.Equal(PolicyProfiles.ToJson(yangshahu), PolicyProfiles.ToJson(PolicyProfiles.Parse(PolicyProfiles.ToJson(yangshahu))));
    }

    [Theory]
    [InlineData("""{ "name": "x", "pay": { "personalCoeficient": {} } }""", "personalCoeficient")]
    [InlineData("""{ "name": "x", "pay": { "departmentCoefficient": { "Tier1": 1.1 } } }""", "no value for Tier2")]
    [InlineData("""{ "name": "x", "consequences": { "basis": "Ranking" } }""", "needs consequences.ranking")]
    [InlineData("""{ "name": "x", "departments": { "quarterlyMeanWeight": 0.5 } }""", "sum to 1")]
    [InlineData("""{ "name": "x", "consequences": { "basis": "Lottery" } }""", "not valid JSON")]
    [InlineData("""{ "pay": {} }""", "not valid JSON")]
    [InlineData("""{ "name": "x", "departments": { "ranking": { "bottomPlaces": 0 } } }""", "bottomPlaces must be at least 1")]
    public void R9_IncompleteOrInconsistentProfileData_IsRefusedWithTheReason(string json, string reason)
    {
        var error = Assert.Throws<RuleViolationException>(() => PolicyProfiles.Parse(json));

        Assert.Equal(Rules.ProfileData, error.Rule);
        Assert.Equal(ViolationKind.InvalidArgument, error.Kind);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void AS12_PM5_TheDepartmentTierSetsTheExcellentQuotaAndThePayCoefficient_InTheDefaultProfile()
    {
        var profile = PolicyProfiles.Load("weihai-2020");

        Assert.Equal([0.25m, 0.20m, 0.10m, 0.10m], Enum.GetValues<DepartmentTier>().Select(t => profile.Grading.ExcellentQuotaByTier[t]));
        Assert.Equal([1.1m, 1.0m, 0.9m, 0.8m], Enum.GetValues<DepartmentTier>().Select(t => profile.Pay.DepartmentCoefficient[t]));
    }

    [Fact]
    public void R9_Wuqiao_DispatchedAgencies_TownshipWeighsHalf_OnTheYearEndScore()
    {
        var departments = PolicyProfiles.Load("wuqiao-2018").Departments;

        // (90 + 2) × 0.5 + 70 × 0.5 = 46 + 35 = 81; weihai-2020: (70 × 0.4 + 90 × 0.6 + 2) × 0.6 + 70 × 0.4 = 50.4 + 28 = 78.4.
        var wuqiao = DepartmentScore.DispatchedAgency(DepartmentKind.JudicialOffice, 70m, [70m], 90m, 2m, departments);
        var weihai = DepartmentScore.DispatchedAgency(DepartmentKind.JudicialOffice, 70m, [70m], 90m, 2m, PolicyProfiles.Default.Departments);

        Assert.Equal(81.00m, wuqiao.Score);
        Assert.Equal(78.40m, weihai.Score);
    }
}
