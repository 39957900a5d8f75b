using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Grains.Tests.Integration;

public abstract partial class GrainSuite
{
    [Fact]
    public async Task AS8_concurrent_Goods_never_pass_40_percent_of_the_gradable_people_and_the_cap_follows_N_as_it_changes()
    {
        var ids = await AppointMany("p", Planning, 10, "2024-01-02");
        var q1 = new Quarter(2024, 1);

        var outcomes = await Task.WhenAll(ids.Select(id => Record.ExceptionAsync(() => Run(id, "2024-03-31", new RecordQuarterlyGrade(q1, QuarterlyGrade.Good)))));

        Assert.Equal(4, outcomes.Count(e => e is null));
        var refusals = outcomes.OfType<QuotaExhaustedException>().ToList();
        Assert.Equal(6, refusals.Count);
        Assert.All(refusals, r => Assert.Equal((4, 10), (r.Cap, r.Eligible)));
        Assert.Contains("AS 第八条", refusals[0].Message);
        Assert.Equal(new QuarterQuota("planning", 2024, 1, 10, 4), await Store.ReadModels.GetQuarterQuotaAsync("planning", 2024, 1));
        Assert.Equal(4, (await Store.ReadStreamAsync("quota-good:planning:2024Q1")).Count);

        // Two people leave and one is under investigation at the end of Q2: N = 7, cap = floor(2.8) = 2.
        await Run(ids[8], "2024-05-01", new ResignEmployee());
        await Run(ids[9], "2024-05-01", new TransferOut("city bureau"));
        await Run(ids[7], "2024-06-01", new OpenInvestigation("audit finding"));
        Assert.Equal(7, await Department("planning").GetQuarterEligibleAsync(2024, 2, CancellationToken.None));

        var q2 = new Quarter(2024, 2);
        var first = await Run(ids[0], "2024-06-30", new RecordQuarterlyGrade(q2, QuarterlyGrade.Good));
        await Run(ids[1], "2024-06-30", new RecordQuarterlyGrade(q2, QuarterlyGrade.Good));
        var third = await Refused(() => Run(ids[2], "2024-06-30", new RecordQuarterlyGrade(q2, QuarterlyGrade.Good)));

        Assert.Equal(new QuotaStanding("planning", 2024, 2, 7, 2, 1), first.Quota);
        var refused = Assert.IsType<QuotaExhaustedException>(third);
        Assert.Contains("cap 2 of 7 eligible reached, 2 already granted", refused.Message);
        Assert.Equal(2, (await Store.ReadModels.GetQuarterQuotaAsync("planning", 2024, 2))!.GoodCount);
        Assert.DoesNotContain((await Employee(ids[2]).ListGradesAsync(CancellationToken.None)).Quarterly, g => g.Quarter == q2);
    }

    [Fact]
    public async Task AS12_the_Excellent_quota_follows_the_department_tier_of_the_year()
    {
        await Run("planning", "2024-01-02", new CreateDepartment("Planning Bureau", DepartmentKind.ZoneDepartment));
        var ids = await AppointMany("x", Planning, 10, "2024-01-02");
        foreach (var id in ids.Take(4))
        {
            await Run(id, "2024-03-31", new RecordQuarterlyGrade(new Quarter(2024, 1), QuarterlyGrade.Good));
            await Run(id, "2024-12-02", new ProposeExcellent(2024));
        }

        var notAssessed = await Refused(() => Run(ids[0], "2024-12-16", new RecordAnnualGrade(2024, AnnualGrade.Excellent, AnnualAssessment.None)));
        await Run("planning", "2024-12-10", new RecordDepartmentAssessment(2024, DepartmentTier.Tier1, null));
        var granted = new List<EmployeeCommandResult>();
        foreach (var id in ids.Take(2))
        {
            granted.Add(await Run(id, "2024-12-16", new RecordAnnualGrade(2024, AnnualGrade.Excellent, AnnualAssessment.None)));
        }

        var third = await Refused(() => Run(ids[2], "2024-12-16", new RecordAnnualGrade(2024, AnnualGrade.Excellent, AnnualAssessment.None)));

        Assert.Equal(Rules.ExcellentQuota, Assert.IsType<RuleRefusedException>(notAssessed).ToViolation().Rule);
        Assert.Equal(new QuotaStanding("planning", 2024, null, 10, 2, 2), granted[1].Quota);
        Assert.Contains("cap 2 of 10 eligible reached", Assert.IsType<QuotaExhaustedException>(third).Message);
        Assert.Equal(new YearQuota("planning", 2024, 1, 10, 2), await Store.ReadModels.GetYearQuotaAsync("planning", 2024));
        var quotas = await Department("planning").GetQuotasAsync(2024, CancellationToken.None);
        Assert.Equal((DepartmentTier.Tier1, 2, 2), (quotas.Tier!.Value, quotas.Excellent!.Cap, quotas.Excellent.Count));
        Assert.Equal(4, quotas.Quarters[0].Count);
    }

    [Fact]
    public async Task AS12_an_Excellent_corrected_away_gives_its_place_back_in_the_corrections_commit()
    {
        await Run("planning", "2024-01-02", new CreateDepartment("Planning Bureau", DepartmentKind.ZoneDepartment));
        var ids = await AppointMany("xc", Planning, 5, "2024-01-02");
        foreach (var id in ids.Take(2))
        {
            await Run(id, "2024-03-31", new RecordQuarterlyGrade(new Quarter(2024, 1), QuarterlyGrade.Good));
            await Run(id, "2024-12-02", new ProposeExcellent(2024));
        }

        await Run("planning", "2024-12-10", new RecordDepartmentAssessment(2024, DepartmentTier.Tier1, null));
        await Run(ids[0], "2024-12-16", new RecordAnnualGrade(2024, AnnualGrade.Excellent, AnnualAssessment.None));
        var full = await Refused(() => Run(ids[1], "2024-12-16", new RecordAnnualGrade(2024, AnnualGrade.Excellent, AnnualAssessment.None)));

        var corrected = await Run(ids[0], "2025-01-06", new CorrectAnnualGrade(2024, AnnualGrade.Competent, "another person's sheet"));
        var afterRelease = await Store.ReadModels.GetYearQuotaAsync("planning", 2024);
        var taken = await Run(ids[1], "2025-01-06", new RecordAnnualGrade(2024, AnnualGrade.Excellent, AnnualAssessment.None));

        Assert.IsType<QuotaExhaustedException>(full);
        Assert.Equal(new QuotaStanding("planning", 2024, null, 5, 1, 0), corrected.Quota);
        Assert.Equal(new YearQuota("planning", 2024, 1, 5, 0), afterRelease);
        Assert.Equal(new QuotaStanding("planning", 2024, null, 5, 1, 1), taken.Quota);
        Assert.Equal(new YearQuota("planning", 2024, 1, 5, 1), await Store.ReadModels.GetYearQuotaAsync("planning", 2024));
        Assert.Equal(AnnualGrade.Competent, (await Employee(ids[0]).ListGradesAsync(CancellationToken.None)).Annual.Single().Grade);
    }
}
