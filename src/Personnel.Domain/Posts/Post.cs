namespace Personnel.Domain.Posts;

/// <summary>The two sequences of posts (AM 第四条).</summary>
public enum PostSequence
{
    /// <summary>管理岗位.</summary>
    Management,

    /// <summary>职级岗位: commissioners (专员) and assistants (协理).</summary>
    Rank,
}

/// <summary>A post (岗位), highest first within each sequence (AM 第四条; RULES §1).</summary>
public enum Post
{
    /// <summary>工委管委领导班子.</summary>
    ZoneLeadership,

    /// <summary>部门正职.</summary>
    DepartmentHead,

    /// <summary>部门副职.</summary>
    DeputyHead,

    /// <summary>部门中层正职.</summary>
    SectionChief,

    /// <summary>部门中层副职.</summary>
    DeputySectionChief,

    /// <summary>一般工作人员.</summary>
    Staff,

    /// <summary>试用期人员.</summary>
    Probationer,

    /// <summary>一级专员.</summary>
    Commissioner1,

    /// <summary>二级专员.</summary>
    Commissioner2,

    /// <summary>三级专员.</summary>
    Commissioner3,

    /// <summary>四级专员.</summary>
    Commissioner4,

    /// <summary>一级协理.</summary>
    Assistant1,

    /// <summary>二级协理.</summary>
    Assistant2,

    /// <summary>三级协理.</summary>
    Assistant3,

    /// <summary>四级协理.</summary>
    Assistant4,
}

/// <summary>Facts about posts that several rules depend on.</summary>
public static class PostFacts
{
    public static PostSequence Sequence(this Post post) =>
        post >= Post.Commissioner1 ? PostSequence.Rank : PostSequence.Management;

    /// <summary>
    /// 领导班子成员 of a department: its head and deputy heads (RULES §1). They are graded by
    /// party-affairs (AS 第二条) and cannot be Excellent in a tier 3 or 4 department (AS 第十二条).
    /// </summary>
    public static bool IsLeadershipMember(this Post post) =>
        post is Post.DepartmentHead or Post.DeputyHead;

    /// <summary>部门中层正副职: section chief and deputy section chief.</summary>
    public static bool IsMiddleManager(this Post post) =>
        post is Post.SectionChief or Post.DeputySectionChief;

    /// <summary>The Chinese name, for messages people read.</summary>
    public static string ChineseName(this Post post) => post switch
    {
        Post.ZoneLeadership => "工委管委领导班子",
        Post.DepartmentHead => "部门正职",
        Post.DeputyHead => "部门副职",
        Post.SectionChief => "部门中层正职",
        Post.DeputySectionChief => "部门中层副职",
        Post.Staff => "一般工作人员",
        Post.Probationer => "试用期人员",
        Post.Commissioner1 => "一级专员",
        Post.Commissioner2 => "二级专员",
        Post.Commissioner3 => "三级专员",
        Post.Commissioner4 => "四级专员",
        Post.Assistant1 => "一级协理",
        Post.Assistant2 => "二级协理",
        Post.Assistant3 => "三级协理",
        Post.Assistant4 => "四级协理",
        _ => throw new ArgumentOutOfRangeException(nameof(post), post, "unknown post"),
    };
}
