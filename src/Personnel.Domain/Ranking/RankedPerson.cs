using Personnel.Domain.Common;

namespace Personnel.Domain.Ranking;

/// <summary>A person's yearly score in the ranking group (higher is better).</summary>
public sealed record RankedPerson(EmployeeId Employee, decimal Score);

/// <summary>Places in a ranking with ties: people with equal scores share a place.</summary>
public static class Places
{
    /// <summary>1 for the best; people with equal scores share the better place.</summary>
    public static int FromTop(IReadOnlyList<RankedPerson> group, RankedPerson person) => 1 + group.Count(p => p.Score > person.Score);

    /// <summary>1 for the last; people with equal scores share the worse place (so all tied last are last).</summary>
    public static int FromBottom(IReadOnlyList<RankedPerson> group, RankedPerson person) => 1 + group.Count(p => p.Score < person.Score);

    public static void Validate(IReadOnlyList<RankedPerson> group, Rule rule)
    {
        ArgumentNullException.ThrowIfNull(group);
        RuleViolationException.ThrowIfInvalid(group.Count > 0, rule, "the ranking group is empty");
        var duplicate = group.GroupBy(p => p.Employee).FirstOrDefault(g => g.Count() > 1);
        RuleViolationException.ThrowIfInvalid(duplicate is null, rule, $"employee {duplicate?.Key} is ranked twice");
    }
}
