using Personnel.Domain.Common;
using Personnel.Domain.Grading;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Grading;

public class GoodQuotaLedgerTests
{
    private static readonly Quarter Q = new(2024, 2);

    [Theory]
    [InlineData(7, 2)]
    [InlineData(10, 4)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    public void AS8_Interpretation_Floor_CapIsFloorOfFortyPercent(int eligible, int cap)
    {
        Assert.Equal(cap, QuotaMath.GoodCap(eligible, new GradingPolicy()));
    }

    [Theory]
    [InlineData(7, 3)]
    [InlineData(6, 2)]
    [InlineData(2, 1)]
    public void AS8_Interpretation_Nearest_CapRoundsHalfUp(int eligible, int cap)
    {
        Assert.Equal(cap, QuotaMath.GoodCap(eligible, new GradingPolicy { GoodQuotaRounding = QuotaRounding.Nearest }));
    }

    [Fact]
    public void AS8_TheLedgerIsFull_ForANewcomerOnceTheCapIsHeld_NotForAHolder()
    {
        var ledger = GoodQuotaLedger.FromHistory(Planning, Q, []);
        var policy = new GradingPolicy();
        ledger.Grant(D("2024-06-30"), new EmployeeId("a"), 7, policy);
        Assert.False(ledger.IsFullFor(new EmployeeId("c"), cap: 2));

        ledger.Grant(D("2024-06-30"), new EmployeeId("b"), 7, policy);

        Assert.True(ledger.IsFullFor(new EmployeeId("c"), cap: 2));
        Assert.False(ledger.IsFullFor(new EmployeeId("a"), cap: 2));
    }

    [Fact]
    public void AS8_AGoodPastTheCap_IsRefusedNamingCapAndCount()
    {
        var ledger = GoodQuotaLedger.FromHistory(Planning, Q, []);
        var policy = new GradingPolicy();
        ledger.Grant(D("2024-06-30"), new EmployeeId("a"), 7, policy);
        ledger.Grant(D("2024-06-30"), new EmployeeId("b"), 7, policy);

        var error = Assert.Throws<RuleViolationException>(() => ledger.Grant(D("2024-06-30"), new EmployeeId("c"), 7, policy));

        Assert.Equal(Rules.GoodQuota, error.Rule);
        Assert.Contains("cap 2 of 7 eligible reached, 2 already granted", error.Message, StringComparison.Ordinal);
        Assert.Contains("AS 第八条", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, ledger.Granted);
        Assert.Equal(2, ledger.UncommittedEvents.Count);
    }

    [Fact]
    public void AS8_Interpretation_Nearest_AllowsTheThirdOfSeven()
    {
        var ledger = GoodQuotaLedger.FromHistory(Planning, Q, []);
        var policy = new GradingPolicy { GoodQuotaRounding = QuotaRounding.Nearest };
        ledger.Grant(D("2024-06-30"), new EmployeeId("a"), 7, policy);
        ledger.Grant(D("2024-06-30"), new EmployeeId("b"), 7, policy);

        var third = ledger.Grant(D("2024-06-30"), new EmployeeId("c"), 7, policy);

        Assert.Equal(3, third.Cap);
        Assert.Equal(3, third.Count);
    }

    [Fact]
    public void AS8_TheSameEmployeeTwice_IsAlreadyExists()
    {
        var ledger = GoodQuotaLedger.FromHistory(Planning, Q, []);
        ledger.Grant(D("2024-06-30"), Zhang, 10, new GradingPolicy());

        var error = Assert.Throws<RuleViolationException>(() => ledger.Grant(D("2024-06-30"), Zhang, 10, new GradingPolicy()));

        Assert.Equal(ViolationKind.AlreadyExists, error.Kind);
    }

    [Fact]
    public void Ledger_RebuiltFromHistory_KeepsCountingFromTheStoredGrants()
    {
        var ledger = GoodQuotaLedger.FromHistory(Planning, Q, []);
        ledger.Grant(D("2024-06-30"), new EmployeeId("a"), 5, new GradingPolicy());
        var other = new GoodQuotaGranted(D("2024-06-30"), Finance, Q, new EmployeeId("x"), 5, 2, 1);

        var rebuilt = GoodQuotaLedger.FromHistory(Planning, Q, [.. ledger.UncommittedEvents, other]);

        Assert.Equal(1, rebuilt.Granted);
        Assert.Equal(1, rebuilt.Version);
        rebuilt.Grant(D("2024-06-30"), new EmployeeId("b"), 5, new GradingPolicy());
        Assert.Throws<RuleViolationException>(() => rebuilt.Grant(D("2024-06-30"), new EmployeeId("c"), 5, new GradingPolicy()));
    }
}
