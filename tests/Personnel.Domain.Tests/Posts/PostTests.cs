using Personnel.Domain.Posts;

namespace Personnel.Domain.Tests.Posts;

public class PostTests
{
    [Fact]
    public void AM4_ManagementSequence_HighestFirst()
    {
        var management = Enum.GetValues<Post>().Where(p => p.Sequence() == PostSequence.Management).ToList();

        Assert.Equal(
            [Post.ZoneLeadership, Post.DepartmentHead, Post.DeputyHead, Post.SectionChief, Post.DeputySectionChief, Post.Staff, Post.Probationer],
            management);
    }

    [Fact]
    public void AM4_RankSequence_IsFourCommissionerAndFourAssistantGrades()
    {
        var rank = Enum.GetValues<Post>().Where(p => p.Sequence() == PostSequence.Rank).Select(p => p.ChineseName()).ToList();

        Assert.Equal(["一级专员", "二级专员", "三级专员", "四级专员", "一级协理", "二级协理", "三级协理", "四级协理"], rank);
    }

    [Fact]
    public void AM4_LeadershipMembers_AreTheHeadAndDeputyHeads_MiddleManagersTheSectionChiefs()
    {
        Assert.Equal([Post.DepartmentHead, Post.DeputyHead], Enum.GetValues<Post>().Where(p => p.IsLeadershipMember()));
        Assert.Equal([Post.SectionChief, Post.DeputySectionChief], Enum.GetValues<Post>().Where(p => p.IsMiddleManager()));
    }

    [Fact]
    public void PM5_PostLevel_IsPostGradeLevelAndStep()
    {
        var level = new PostLevel(Post.SectionChief, new PostGrade(4, 11));

        Assert.Equal("SectionChief L4S11", level.ToString());
    }
}
