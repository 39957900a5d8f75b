using Personnel.Domain.Common;

namespace Personnel.Domain.Pay;

/// <summary>The zone's annual performance pool, itemised (PM 第五条: 全区年绩效总额=薪酬总额-岗位工资总额-月绩效总额-季度绩效总额).</summary>
public sealed record AnnualPerformancePool(decimal TotalPay, decimal PostPay, decimal MonthlyPerformance, decimal QuarterlyPerformance)
{
    public decimal Pool => TotalPay - PostPay - MonthlyPerformance - QuarterlyPerformance;

    public static AnnualPerformancePool Compute(decimal totalPay, decimal postPay, decimal monthlyPerformance, decimal quarterlyPerformance)
    {
        foreach (var (name, value) in new[]
                 {
                     ("total pay", totalPay), ("post pay", postPay), ("monthly performance", monthlyPerformance),
                     ("quarterly performance", quarterlyPerformance),
                 })
        {
            RuleViolationException.ThrowIfInvalid(
                value >= 0m && decimal.Round(value, 2) == value, Rules.AnnualPool, $"{name} {value} must be non-negative, in whole fen");
        }

        var pool = new AnnualPerformancePool(totalPay, postPay, monthlyPerformance, quarterlyPerformance);
        RuleViolationException.ThrowIfInvalid(
            pool.Pool >= 0m, Rules.AnnualPool,
            $"total pay {totalPay} is less than post pay {postPay} + monthly {monthlyPerformance} + quarterly {quarterlyPerformance}");
        return pool;
    }
}
