namespace Personnel.Domain.Posts;

/// <summary>
/// What a candidate for a management post must hold (AM 第五条 竞聘管理岗位): the post's own rank now,
/// or <see cref="HeldRank"/> or above for <see cref="YearsHeld"/> counted years.
/// </summary>
public sealed record ManagementPostRequirement
{
    public required Post Post { get; init; }

    /// <summary>Holding this rank (or above) now qualifies at once (现任…).</summary>
    public required AdministrativeRank CurrentRank { get; init; }

    /// <summary>Holding this rank (or above) for <see cref="YearsHeld"/> counted years qualifies (任…以上职级满 N 年).</summary>
    public required AdministrativeRank HeldRank { get; init; }

    public required int YearsHeld { get; init; }
}

/// <summary>
/// Where candidates for a rank post usually come from (AM 第五条 竞聘职级岗位): a former zone leader,
/// or a person who held <see cref="Rank"/>.
/// </summary>
public sealed record RankPostOrigin
{
    public required Post Post { get; init; }

    /// <summary>The rank the post is meant for; null when the origin is the zone leadership.</summary>
    public AdministrativeRank? Rank { get; init; }

    /// <summary>True for 一级专员: formerly a member of the zone leadership (原任工委管委领导班子成员).</summary>
    public bool FormerZoneLeadership { get; init; }
}

/// <summary>The eligibility conditions of a policy profile (RULES §1). Each default is the weihai-2020 reading of AM 第五条.</summary>
public sealed record EligibilityPolicy
{
    /// <summary>The four management posts competed for by rank and counted years. Defaults to AM 第五条 items 2–5.</summary>
    public IReadOnlyList<ManagementPostRequirement> ManagementPosts { get; init; } =
    [
        new() { Post = Post.DepartmentHead, CurrentRank = AdministrativeRank.DivisionHead, HeldRank = AdministrativeRank.DeputyDivision, YearsHeld = 2 },
        new() { Post = Post.DeputyHead, CurrentRank = AdministrativeRank.DeputyDivision, HeldRank = AdministrativeRank.SectionChief, YearsHeld = 3 },
        new() { Post = Post.SectionChief, CurrentRank = AdministrativeRank.SectionChief, HeldRank = AdministrativeRank.DeputySection, YearsHeld = 2 },
        new() { Post = Post.DeputySectionChief, CurrentRank = AdministrativeRank.DeputySection, HeldRank = AdministrativeRank.FirstGradeStaff, YearsHeld = 3 },
    ];

    /// <summary>The usual origin of each rank post. Defaults to AM 第五条 竞聘职级岗位 items 1–5.</summary>
    public IReadOnlyList<RankPostOrigin> RankPosts { get; init; } =
    [
        new() { Post = Post.Commissioner1, FormerZoneLeadership = true },
        new() { Post = Post.Commissioner2, Rank = AdministrativeRank.DivisionHead },
        new() { Post = Post.Commissioner3, Rank = AdministrativeRank.DeputyDivision },
        new() { Post = Post.Commissioner4, Rank = AdministrativeRank.DeputyDivision },
        new() { Post = Post.Assistant1, Rank = AdministrativeRank.SectionChief },
        new() { Post = Post.Assistant2, Rank = AdministrativeRank.SectionChief },
        new() { Post = Post.Assistant3, Rank = AdministrativeRank.DeputySection },
        new() { Post = Post.Assistant4, Rank = AdministrativeRank.DeputySection },
    ];

    /// <summary>Posts that need a junior-college education or above. Defaults to the zone leadership, heads, deputies and middle managers.</summary>
    public IReadOnlySet<Post> PostsRequiringJuniorCollege { get; init; } = new HashSet<Post>
    {
        Post.ZoneLeadership, Post.DepartmentHead, Post.DeputyHead, Post.SectionChief, Post.DeputySectionChief,
    };

    /// <summary>
    /// <b>Interpretation</b> of "一般为原任 X 人员": true (the default) accepts a candidate who held X or a
    /// higher rank; false accepts only one whose highest rank held is exactly X.
    /// </summary>
    public bool RankPostOriginAtOrAbove { get; init; } = true;
}
