using Personnel.Domain.Common;
using Personnel.Domain.Grading;
using Personnel.Grains.Abstractions;

namespace Personnel.Grains.Departments;

public sealed partial class DepartmentGrain
{
    /// <inheritdoc/>
    public Task<DepartmentSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) => Task.FromResult(Snapshot(_version));

    /// <inheritdoc/>
    public async Task<DepartmentQuotas> GetQuotasAsync(int year, CancellationToken cancellationToken)
    {
        var department = EnsureExists();
        var policy = _services.Profile.Grading;
        var quarters = new List<QuotaStanding>(4);
        foreach (var quarter in Quarter.OfYear(year))
        {
            var row = await Store.ReadModels.GetQuarterQuotaAsync(Key, year, quarter.Number, cancellationToken);
            var eligible = await GetQuarterEligibleAsync(year, quarter.Number, cancellationToken);
            quarters.Add(new QuotaStanding(Key, year, quarter.Number, eligible, QuotaMath.GoodCap(eligible, policy), row?.GoodCount ?? 0));
        }

        var tier = department.YearOf(year)?.Tier;
        QuotaStanding? excellent = null;
        if (tier is { } t)
        {
            var row = await Store.ReadModels.GetYearQuotaAsync(Key, year, cancellationToken);
            var eligible = await CountGradableYearAsync(year, cancellationToken);
            excellent = new QuotaStanding(Key, year, null, eligible, QuotaMath.ExcellentCap(t, eligible, policy), row?.ExcellentCount ?? 0);
        }

        return new DepartmentQuotas(Key, year, tier, quarters, excellent);
    }

    /// <inheritdoc/>
    public async Task<DepartmentYearFacts> GetYearFactsAsync(int year, CancellationToken cancellationToken)
    {
        var department = EnsureExists();
        var assessed = department.YearOf(year)
            ?? throw new RuleViolationException(Rules.ExcellentQuota, $"{Key} has no tier for {year} yet: an Excellent needs the department's assessment of the year");
        var eligible = await CountGradableYearAsync(year, cancellationToken);
        return new DepartmentYearFacts(department.Id, year, assessed.Tier, eligible);
    }

    /// <inheritdoc/>
    public Task<int> GetQuarterEligibleAsync(int year, int quarter, CancellationToken cancellationToken) =>
        CountGradableQuarterAsync(new Quarter(year, quarter), cancellationToken);
}
