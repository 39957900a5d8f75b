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
    public GradeDemotion Demote() => Demote(DemotionUnit.GradeLevel);

    /// <summary>
    /// Demotes by one <paramref name="unit"/> (RULES §1 Interpretation): a grade level (level + 1, step kept; floor at
    /// level 8) or a pay step (step − 1; from step 1 to step 19 of the next level down; floor at L8S1).
    /// </summary>
    public GradeDemotion Demote(DemotionUnit unit)
    {
        PostGrade? lower = unit switch
        {
            DemotionUnit.GradeLevel => IsFloor ? null : new PostGrade(Level + 1, Step),
            DemotionUnit.PayStep => Step > 1 ? new PostGrade(Level, Step - 1) : IsFloor ? null : new PostGrade(Level + 1, MaxStep),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown demotion unit"),
        };
        return lower is { } to ? new GradeDemotion(this, to, FloorReached: false) : new GradeDemotion(this, this, FloorReached: true);
    }

    /// <summary>Undoes one <see cref="Demote(DemotionUnit)"/> (an appeal that revises the grade); null at the top of the table.</summary>
    public PostGrade? RaiseOne(DemotionUnit unit) => unit switch
    {
        DemotionUnit.GradeLevel => Level > HighestLevel ? new PostGrade(Level - 1, Step) : null,
        DemotionUnit.PayStep => Step < MaxStep ? new PostGrade(Level, Step + 1) : Level > HighestLevel ? new PostGrade(Level - 1, 1) : null,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown demotion unit"),
    };

    /// <summary>True when this grade is higher (a smaller level number, or the same level and a higher step).</summary>
    public bool IsHigherThan(PostGrade other) =>
        Level < other.Level || (Level == other.Level && Step > other.Step);

    public override string ToString() => $"L{Level}S{Step}";
}

/// <summary>
/// What "降低一个岗位等级" (demote one post grade) moves by. RULES §1 <b>Interpretation</b>: a grade level of the
/// 8-level table, step kept (<see cref="GradeLevel"/>, the default); the other reading is one pay step (档) down.
/// </summary>
public enum DemotionUnit
{
    /// <summary>One level down (level number + 1), the step kept.</summary>
    GradeLevel,

    /// <summary>One step down the 8 × 19 table.</summary>
    PayStep,
}

/// <summary>The outcome of a one-grade demotion.</summary>
public sealed record GradeDemotion(PostGrade From, PostGrade To, bool FloorReached);
