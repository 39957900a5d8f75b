using Personnel.Domain.Common;

namespace Personnel.Domain.Pay;

/// <summary>
/// Splits an amount of money into parts proportional to weights, in whole fen (0.01), so the parts sum
/// exactly to the amount (largest-remainder / Hamilton method): each part first gets the floor of its
/// exact share in fen; the fen left over go one each to the largest fractional remainders, ties to the
/// part listed first. Each part is within one fen of its exact share, and raising one weight while the
/// others stay never lowers that part. (Raising the amount can, by one fen, lower a part: the Alabama
/// paradox inherent in the method.)
/// </summary>
public static class LargestRemainder
{
    public const decimal Fen = 0.01m;

    public static IReadOnlyList<decimal> Apportion(decimal amount, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        RuleViolationException.ThrowIfInvalid(
            amount >= 0m && decimal.Round(amount, 2) == amount, Rules.AnnualAllocation,
            $"the amount {amount} must be non-negative and in whole fen (0.01)");
        for (var i = 0; i < weights.Count; i++)
        {
            RuleViolationException.ThrowIfInvalid(
                weights[i] >= 0m, Rules.AnnualAllocation, $"weight {i + 1} is {weights[i]}; weights must be non-negative");
        }

        var total = weights.Sum();
        RuleViolationException.ThrowIfInvalid(
            total > 0m || amount == 0m, Rules.AnnualAllocation, $"{amount} cannot be shared: every weight is zero");
        var parts = new decimal[weights.Count];
        if (amount == 0m)
        {
            return parts;
        }

        var units = amount / Fen;
        var remainders = new decimal[weights.Count];
        var given = 0m;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = units * (weights[i] / total);
            parts[i] = decimal.Floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }

        var left = (int)(units - given);
        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(left))
        {
            parts[i] += 1m;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] *= Fen;
        }

        return parts;
    }
}
