using Personnel.Domain.Common;

namespace Personnel.Domain.Departments;

/// <summary>A department's place in its city-level peer group (市级考核同组名次): 1 is first.</summary>
public sealed record CityRank
{
    public CityRank(int place, int groupSize)
    {
        RuleViolationException.ThrowIfInvalid(
            groupSize >= 1, Rules.CityRankInGroup, $"the peer group has {groupSize} departments");
        RuleViolationException.ThrowIfInvalid(
            place >= 1 && place <= groupSize, Rules.CityRankInGroup,
            $"place {place} is outside 1–{groupSize} of the peer group");
        Place = place;
        GroupSize = groupSize;
    }

    public int Place { get; }

    public int GroupSize { get; }

    public override string ToString() => $"{Place}/{GroupSize}";
}
