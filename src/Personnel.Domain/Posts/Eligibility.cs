using Personnel.Domain.Common;

namespace Personnel.Domain.Posts;

/// <summary>A rank a person held from a date on (职级 and since when).</summary>
public sealed record RankHeld(AdministrativeRank Rank, DateOnly Since);

/// <summary>The facts AM 第五条 judges a candidate on.</summary>
public sealed record Candidate
{
    /// <summary>The ranks held, oldest first; the last is the current rank.</summary>
    public required IReadOnlyList<RankHeld> RankHistory { get; init; }

    public required Education Education { get; init; }

    /// <summary>Calendar years not counted (graded BasicallyCompetent, Incompetent or not graded; RULES §6).</summary>
    public IReadOnlySet<int> UncountedYears { get; init; } = new HashSet<int>();

    /// <summary>A leader appointed by the city committee or its organisation department (for the zone leadership).</summary>
    public bool AppointedByCityCommittee { get; init; }

    /// <summary>Is or was a member of the zone leadership (for 一级专员).</summary>
    public bool FormerZoneLeadershipMember { get; init; }
}

/// <summary>The conditions of AM 第五条 a candidacy is checked against.</summary>
public enum EligibilityCondition
{
    /// <summary>大学专科 or above.</summary>
    Education,

    /// <summary>The rank now, or the rank below (or above) held for the counted years required.</summary>
    RankAndTenure,

    /// <summary>Appointed by the city committee (zone leadership).</summary>
    CityAppointment,

    /// <summary>The rank a rank post is meant for (原任…).</summary>
    RankOrigin,
}

/// <summary>
/// The zone committee relaxing conditions for an exceptional candidate (表现特别优秀或工作特殊需要的, 经工委研究同意后,
/// 可以适当放宽条件). Recorded with who granted it, when and why.
/// </summary>
public sealed record EligibilityWaiver
{
    public EligibilityWaiver(string grantedBy, DateOnly grantedOn, string reason, IReadOnlySet<EligibilityCondition> conditions)
    {
        RuleViolationException.ThrowIfInvalid(
            !string.IsNullOrWhiteSpace(grantedBy), Rules.EligibilityWaiver, "the waiver does not say who granted it");
        RuleViolationException.ThrowIfInvalid(
            !string.IsNullOrWhiteSpace(reason), Rules.EligibilityWaiver, "the waiver gives no reason");
        RuleViolationException.ThrowIfInvalid(
            conditions is { Count: > 0 }, Rules.EligibilityWaiver, "the waiver relaxes no condition");
        GrantedBy = grantedBy;
        GrantedOn = grantedOn;
        Reason = reason;
        Conditions = conditions;
    }

    public string GrantedBy { get; }

    public DateOnly GrantedOn { get; }

    public string Reason { get; }

    public IReadOnlySet<EligibilityCondition> Conditions { get; }
}

/// <summary>One condition as judged: met, or unmet and perhaps waived; <see cref="MetFrom"/> says when it is or will be met.</summary>
public sealed record ConditionCheck(EligibilityCondition Condition, Rule Rule, bool Met, bool Waived, string Facts, DateOnly? MetFrom = null);

/// <summary>The verdict on a candidacy, with every condition checked and the waiver that was applied.</summary>
public sealed record EligibilityResult(Post Post, DateOnly AsOf, IReadOnlyList<ConditionCheck> Checks, EligibilityWaiver? Waiver)
{
    public bool IsEligible => Checks.All(c => c.Met || c.Waived);

    public bool ReliesOnWaiver => Checks.Any(c => c.Waived);

    public IEnumerable<ConditionCheck> Unmet => Checks.Where(c => !c.Met && !c.Waived);
}

/// <summary>Eligibility to compete for a post (AM 第五条; RULES §1).</summary>
public static class PostEligibility
{
    public static EligibilityResult Assess(
        Post post, Candidate candidate, DateOnly asOf, EligibilityPolicy policy, EligibilityWaiver? waiver = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(policy);
        ValidateHistory(candidate.RankHistory, asOf);
        if (waiver is not null)
        {
            RuleViolationException.ThrowIfInvalid(
                waiver.GrantedOn <= asOf, Rules.EligibilityWaiver,
                $"the waiver is dated {waiver.GrantedOn:yyyy-MM-dd}, after the assessment date {asOf:yyyy-MM-dd}");
        }

        var checks = new List<ConditionCheck>();
        if (policy.PostsRequiringJuniorCollege.Contains(post))
        {
            var met = candidate.Education >= Education.JuniorCollege;
            checks.Add(new ConditionCheck(EligibilityCondition.Education, Rules.ManagementPostEducation, met, false,
                $"{post.ChineseName()} needs 大学专科 or above; the candidate's education is {candidate.Education}"));
        }

        if (post == Post.ZoneLeadership)
        {
            checks.Add(new ConditionCheck(EligibilityCondition.CityAppointment, Rules.ZoneLeadershipAppointment,
                candidate.AppointedByCityCommittee, false,
                candidate.AppointedByCityCommittee ? "appointed by the city committee" : "not a leader appointed by the city committee"));
        }

        var requirement = policy.ManagementPosts.FirstOrDefault(r => r.Post == post);
        if (requirement is not null)
        {
            checks.Add(CheckRankAndTenure(requirement, candidate, asOf));
        }

        var origin = policy.RankPosts.FirstOrDefault(r => r.Post == post);
        if (origin is not null)
        {
            checks.Add(CheckOrigin(origin, candidate, policy.RankPostOriginAtOrAbove));
        }

        var judged = checks
            .Select(c => !c.Met && waiver is not null && waiver.Conditions.Contains(c.Condition) ? c with { Waived = true } : c)
            .ToList();
        return new EligibilityResult(post, asOf, judged, waiver);
    }

    /// <summary>
    /// The date from which the rank-and-tenure condition of <paramref name="post"/> is met given the
    /// candidate's ranks and uncounted years; null when the post has no such condition or the current
    /// rank does not lead to it.
    /// </summary>
    public static DateOnly? EarliestEligibility(Post post, Candidate candidate, EligibilityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(policy);
        var requirement = policy.ManagementPosts.FirstOrDefault(r => r.Post == post);
        return requirement is null ? null : MetFrom(requirement, candidate);
    }

    private static DateOnly? MetFrom(ManagementPostRequirement requirement, Candidate candidate)
    {
        var direct = HeldContinuouslySince(candidate.RankHistory, requirement.CurrentRank);
        var held = HeldContinuouslySince(candidate.RankHistory, requirement.HeldRank);
        var byTenure = held is { } since
            ? EligibilityYears.EarliestEligibility(since, requirement.YearsHeld, candidate.UncountedYears)
            : (DateOnly?)null;
        return (direct, byTenure) switch
        {
            ({ } d, { } t) => d < t ? d : t,
            ({ } d, null) => d,
            (null, { } t) => t,
            _ => null,
        };
    }

    private static ConditionCheck CheckRankAndTenure(ManagementPostRequirement requirement, Candidate candidate, DateOnly asOf)
    {
        var current = candidate.RankHistory[^1].Rank;
        var metFrom = MetFrom(requirement, candidate);
        var held = HeldContinuouslySince(candidate.RankHistory, requirement.HeldRank);
        var counted = held is { } since ? EligibilityYears.CountedYears(since, asOf, candidate.UncountedYears) : 0;
        var facts = $"{requirement.Post.ChineseName()} needs {requirement.CurrentRank} now, or {requirement.HeldRank} or above held " +
            $"{requirement.YearsHeld} counted years; the candidate is {current}" +
            (held is { } s ? $", {requirement.HeldRank} or above since {s:yyyy-MM-dd} ({counted} counted years)" : string.Empty) +
            (candidate.UncountedYears.Count > 0 ? $", years not counted: {string.Join(", ", candidate.UncountedYears.Order())}" : string.Empty) +
            (metFrom is { } m ? $"; eligible from {m:yyyy-MM-dd}" : string.Empty);
        return new ConditionCheck(EligibilityCondition.RankAndTenure, Rules.ManagementPostEligibility,
            metFrom is { } from && from <= asOf, false, facts, metFrom);
    }

    private static ConditionCheck CheckOrigin(RankPostOrigin origin, Candidate candidate, bool atOrAbove)
    {
        if (origin.FormerZoneLeadership)
        {
            return new ConditionCheck(EligibilityCondition.RankOrigin, Rules.RankPostOrigin, candidate.FormerZoneLeadershipMember, false,
                $"{origin.Post.ChineseName()} is usually for a former zone leader; the candidate " +
                (candidate.FormerZoneLeadershipMember ? "was one" : "was not"));
        }

        // A smaller AdministrativeRank value is a higher rank.
        var highest = candidate.RankHistory.Min(r => r.Rank);
        var rank = origin.Rank!.Value;
        var met = atOrAbove ? highest <= rank : highest == rank;
        return new ConditionCheck(EligibilityCondition.RankOrigin, Rules.RankPostOrigin, met, false,
            $"{origin.Post.ChineseName()} is usually for a person who held {rank}{(atOrAbove ? " or above" : " exactly")}; " +
            $"the candidate's highest rank is {highest}");
    }

    /// <summary>The date from which the person has held <paramref name="threshold"/> or a higher rank without a break; null when not now.</summary>
    private static DateOnly? HeldContinuouslySince(IReadOnlyList<RankHeld> history, AdministrativeRank threshold)
    {
        DateOnly? since = null;
        for (var i = history.Count - 1; i >= 0 && history[i].Rank <= threshold; i--)
        {
            since = history[i].Since;
        }

        return since;
    }

    private static void ValidateHistory(IReadOnlyList<RankHeld>? history, DateOnly asOf)
    {
        RuleViolationException.ThrowIfInvalid(
            history is { Count: > 0 }, Rules.WellFormedInput, "the candidate's rank history is empty");
        for (var i = 1; i < history!.Count; i++)
        {
            RuleViolationException.ThrowIfInvalid(
                history[i].Since > history[i - 1].Since, Rules.WellFormedInput,
                $"the rank history is not in date order: {history[i].Rank} since {history[i].Since:yyyy-MM-dd} " +
                $"follows {history[i - 1].Rank} since {history[i - 1].Since:yyyy-MM-dd}");
        }

        RuleViolationException.ThrowIfInvalid(
            history[^1].Since <= asOf, Rules.WellFormedInput,
            $"the current rank starts {history[^1].Since:yyyy-MM-dd}, after the assessment date {asOf:yyyy-MM-dd}");
    }
}
