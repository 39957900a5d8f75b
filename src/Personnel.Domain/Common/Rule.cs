namespace Personnel.Domain.Common;

/// <summary>
/// A rule of RULES.md, named by its source article so that a refusal tells the caller which
/// rule forbade it (e.g. "AS 第八条"). Rules are catalogued in the partial class <see cref="Rules"/>,
/// one file per area.
/// </summary>
/// <param name="Code">Stable identifier, e.g. "AS-8"; safe for machines and logs.</param>
/// <param name="Article">The article as people cite it, e.g. "AS 第八条".</param>
/// <param name="Summary">The rule in one English sentence, with the Chinese term where it helps.</param>
public sealed record Rule(string Code, string Article, string Summary)
{
    public override string ToString() => $"{Summary} ({Article})";
}
