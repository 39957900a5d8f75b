using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Grading;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Grading;

public class ExcellentQuotaLedgerTests
{
    [Theory]
    [InlineData(DepartmentTier.Tier1, 20, 5)]
    [InlineData(DepartmentTier.Tier2, 20, 4)]
    [InlineData(DepartmentTier.Tier3, 20, 2)]
    [InlineData(DepartmentTier.Tier4, 20, 2)]
    [InlineData(DepartmentTier.Tier1, 7, 1)]
    [InlineData(DepartmentTier.Tier3, 9, 0)]
    public void AS12_TheExcellentCapFollowsTheTier(DepartmentTier tier, int eligible, int cap)
    {
        Assert.Equal(cap, QuotaMath.ExcellentCap(tier, eligible, new GradingPolicy()));
    }

    [Theory]
    [InlineData(QuotaRounding.Floor, 1)]
    [InlineData(QuotaRounding.Nearest, 2)]
    public void AS12_TheRoundingOfTheExcellentCap_IsConfigurable(QuotaRounding rounding, int cap)
    {
        // 25 % of 7 = 1.75.
        Assert.Equal(cap, QuotaMath.ExcellentCap(DepartmentTier.Tier1, 7, new GradingPolicy { ExcellentQuotaRounding = rounding }));
    }

    [Fact]
    public void AS12_Interpretation_TierFourRatioIsConfigurable()
    {
        var policy = new GradingPolicy
        {
            ExcellentQuotaByTier = new Dictionary<DepartmentTier, decimal>
            {
                [DepartmentTier.Tier1] = 0.25m, [DepartmentTier.Tier2] = 0.20m, [DepartmentTier.Tier3] = 0.10m, [DepartmentTier.Tier4] = 0m,
            },
        };
        var ledger = ExcellentQuotaLedger.FromHistory(Planning, 2024, []);

        var error = Assert.Throws<RuleViolationException>(
            () => ledger.Grant(D("2024-12-20"), Zhang, new DepartmentYearFacts(Planning, 2024, DepartmentTier.Tier4, 20), policy));

        Assert.Equal(Rules.ExcellentQuota, error.Rule);
        Assert.Contains("cap 0 of 20 eligible reached, 0 already granted", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, QuotaMath.ExcellentCap(DepartmentTier.Tier4, 20, new GradingPolicy()));
    }

    [Fact]
    public void AS12_AnExcellentPastTheTierCap_IsRefusedNamingCapAndCount()
    {
        var facts = new DepartmentYearFacts(Planning, 2024, DepartmentTier.Tier3, 10);
        var ledger = ExcellentQuotaLedger.FromHistory(Planning, 2024, []);
        ledger.Grant(D("2024-12-20"), new EmployeeId("a"), facts, new GradingPolicy());

        var error = Assert.Throws<RuleViolationException>(
            () => ledger.Grant(D("2024-12-20"), new EmployeeId("b"), facts, new GradingPolicy()));

        Assert.Contains("cap 1 of 10 eligible reached, 1 already granted", error.Message, StringComparison.Ordinal);
        Assert.Contains("tier 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AS12_FactsOfAnotherDepartmentOrYear_AreInvalid()
    {
        var ledger = ExcellentQuotaLedger.FromHistory(Planning, 2024, []);

        var error = Assert.Throws<RuleViolationException>(
            () => ledger.Grant(D("2024-12-20"), Zhang, new DepartmentYearFacts(Planning, 2023, DepartmentTier.Tier1, 10), new GradingPolicy()));

        Assert.Equal(ViolationKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void AS12_AYearsGrants_ShareOneTier()
    {
        var ledger = ExcellentQuotaLedger.FromHistory(Planning, 2024, []);
        ledger.Grant(D("2024-12-20"), new EmployeeId("a"), new DepartmentYearFacts(Planning, 2024, DepartmentTier.Tier3, 20), new GradingPolicy());
        var rebuilt = ExcellentQuotaLedger.FromHistory(Planning, 2024, ledger.UncommittedEvents);

        var error = Assert.Throws<RuleViolationException>(
            () => rebuilt.Grant(D("2024-12-20"), new EmployeeId("b"), new DepartmentYearFacts(Planning, 2024, DepartmentTier.Tier1, 20), new GradingPolicy()));

        Assert.Contains("tier 3 in 2024 by its earlier grants, not tier 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(DepartmentTier.Tier3, rebuilt.Tier);
    }
}
