using Personnel.Domain.Common;

namespace Personnel.Domain.Posts;

/// <summary>
/// A pay post grade (岗位等级) of the 8-level × 19-step table (PM 第五条): level 1 is highest.
/// </summary>
public readonly record struct PostGrade
{
    public const int LowestLevel = 8;
    public const int HighestLevel = 1;
    public const int MaxStep = 19;

    public PostGrade(int level, int step)
    {
        RuleViolationException.ThrowIfInvalid(
            level is >= HighestLevel and <= LowestLevel, Rules.PostGradeTable,
            $"post grade level {level} is outside 1–8");
        RuleViolationException.ThrowIfInvalid(
            step is >= 1 and <= MaxStep, Rules.PostGradeTable, $"post grade step {step} is outside 1–19");
        Level = level;
        Step = step;
    }

    public int Level { get; }

    public int Step { get; }

    public bool IsFloor => Level == LowestLevel;

    /// <summary>
    /// Demotes by one grade (降低一个岗位等级): level number + 1, step kept. At level 8 the grade
    /// cannot go lower; the result says so, so that the demotion is recorded as "due, floor reached"
    /// and never silently dropped (RULES §1 Interpretation).
    /// </summary>
    public GradeDemotion Demote() =>
        IsFloor ? new GradeDemotion(this, this, FloorReached: true) : new GradeDemotion(this, new PostGrade(Level + 1, Step), FloorReached: false);

    /// <summary>True when this grade is higher (a smaller level number, or the same level and a higher step).</summary>
    public bool IsHigherThan(PostGrade other) =>
        Level < other.Level || (Level == other.Level && Step > other.Step);

    public override string ToString() => $"L{Level}S{Step}";
}

/// <summary>The outcome of a one-grade demotion.</summary>
public sealed record GradeDemotion(PostGrade From, PostGrade To, bool FloorReached);
