using System.Text.Json;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;

namespace Personnel.Domain.Tests.Grading;

public class GradingPolicyJsonTests
{
    [Fact]
    public void TheDefaultPolicy_RoundTripsThroughJson()
    {
        var json = JsonSerializer.Serialize(new GradingPolicy(), EventJson.Options);

        var back = JsonSerializer.Deserialize<GradingPolicy>(json, EventJson.Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, EventJson.Options));
        Assert.Equal(0.10m, back.ExcellentQuotaByTier[DepartmentTier.Tier4]);
        Assert.Contains(DepartmentTier.Tier3, back.TiersBarringLeadershipExcellent);
        Assert.Equal([Consequence.ContractTermination], back.ConsequencesOf(AnnualOutcome.Incompetent).SecondConsecutive);
        Assert.Equal(6, back.Employment.SanctionPeriodMonths[SanctionKind.Warning]);
    }

    [Fact]
    public void AProfileFile_SetsOnlyWhatItNames()
    {
        const string json = """
            {
              "goodQuotaRounding": "Nearest",
              "excellentQuotaByTier": { "Tier1": 0.3, "Tier2": 0.2, "Tier3": 0.1, "Tier4": 0.05 },
              "calendar": { "holidays": ["2024-10-01", "2024-10-02"], "makeUpWorkingDays": ["2024-10-12"] },
              "employment": { "absenceDayCounting": "WorkingDays", "termYears": 5 }
            }
            """;

        var policy = JsonSerializer.Deserialize<GradingPolicy>(json, EventJson.Options)!;

        Assert.Equal(QuotaRounding.Nearest, policy.GoodQuotaRounding);
        Assert.Equal(0.05m, policy.ExcellentQuotaByTier[DepartmentTier.Tier4]);
        Assert.False(policy.Calendar.IsWorkingDay(new DateOnly(2024, 10, 1)));
        Assert.True(policy.Calendar.IsWorkingDay(new DateOnly(2024, 10, 12)));
        Assert.Equal((DayCounting.WorkingDays, 5, 15), (policy.Employment.AbsenceDayCounting, policy.Employment.TermYears, policy.Employment.AbsenceConsecutiveDaysForDismissal));
        Assert.Equal(0.40m, policy.GoodQuotaRatio);
    }
}
