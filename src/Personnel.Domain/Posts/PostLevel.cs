namespace Personnel.Domain.Posts;

/// <summary>
/// What township apps ask for most: an employee's post level = post, grade level 1–8 and step 1–19
/// (RULES §1 Interpretation).
/// </summary>
public sealed record PostLevel(Post Post, PostGrade Grade)
{
    public override string ToString() => $"{Post} {Grade}";
}
