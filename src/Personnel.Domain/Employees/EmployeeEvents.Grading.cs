using System.Text.Json.Serialization;
using Personnel.Domain.Common;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

/// <summary>A quarterly grade, or no grade with its reason (AS 第八条, 第二十三条–第二十七条), with the comments (评语) written.</summary>
public sealed record QuarterlyGradeRecorded(
    DateOnly OccurredOn, Quarter Quarter, DepartmentId GradedBy, QuarterlyGrade? Grade, NoGradeReason? NoGradeReason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comments = null)
    : EmployeeEvent(OccurredOn);

/// <summary>A recorded quarterly grade corrected (更正) from <paramref name="From"/> to <paramref name="To"/> by a new decision
/// with its reason; the original record stays in the history, this one beside it.</summary>
public sealed record QuarterlyGradeCorrected(
    DateOnly OccurredOn, Quarter Quarter, DepartmentId GradedBy, QuarterlyGrade From, QuarterlyGrade To, string Reason)
    : EmployeeEvent(OccurredOn);

/// <summary>The follow-up a quarterly grade calls for (AS 第十八条).</summary>
public sealed record QuarterlyFollowUpDue(DateOnly OccurredOn, Quarter Quarter, QuarterlyFollowUp FollowUp) : EmployeeEvent(OccurredOn);

/// <summary>Proposed for Excellent: the public notice (公示) starts (AS 第九条(四)).</summary>
public sealed record ExcellentProposed(DateOnly OccurredOn, int Year, DateOnly EarliestDecision) : EmployeeEvent(OccurredOn);

/// <summary>An annual grade, or no grade with its reason (AS 第十条–第十五条, 第二十三条–第二十八条), with the comments (评语);
/// <see cref="SetAfterInvestigation"/> marks a grade set afterwards (补定等次) once an investigation closed (AS 第二十六条).</summary>
public sealed record AnnualGradeRecorded(
    DateOnly OccurredOn, int Year, DepartmentId GradedBy, AnnualGrade? Grade, NoGradeReason? NoGradeReason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comments = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool SetAfterInvestigation = false) : EmployeeEvent(OccurredOn)
{
    [JsonIgnore]
    public AnnualOutcome Outcome => Grade.ToOutcome();
}

/// <summary>A recorded annual grade corrected (更正) from <paramref name="From"/> to <paramref name="To"/> by a new decision with its
/// reason, outside review and appeal (AS 第二十八条); the original record stays in the history, this one beside it. The
/// consequences the old grade alone called for follow as their own events (<see cref="AnnualConsequenceWithdrawn"/>,
/// <see cref="DemotionReversed"/>, <see cref="EmployeeReinstated"/>), then the ones the new grade alone calls for.</summary>
public sealed record AnnualGradeCorrected(
    DateOnly OccurredOn, int Year, DepartmentId GradedBy, AnnualGrade From, AnnualGrade To, string Reason)
    : EmployeeEvent(OccurredOn);

/// <summary>A consequence recorded for <see cref="Year"/>'s annual grade no longer applies: the grade was corrected to one that
/// does not call for it. A withdrawn commendation takes the year's merit with it; a withdrawn freeze ends the freeze unless
/// another year's holds it.</summary>
public sealed record AnnualConsequenceWithdrawn(DateOnly OccurredOn, int Year, Consequence Consequence) : EmployeeEvent(OccurredOn);

/// <summary>嘉奖 for an Excellent year (AS 第十九条).</summary>
public sealed record CommendationAwarded(DateOnly OccurredOn, int Year) : EmployeeEvent(OccurredOn);

/// <summary>A merit for consecutive Excellent years (AS 第十九条).</summary>
public sealed record MeritAwarded(DateOnly OccurredOn, int Year, MeritClass Class, int ConsecutiveExcellentYears) : EmployeeEvent(OccurredOn);

/// <summary>诫勉: written self-examination and an improvement deadline (AS 第二十条(一)).</summary>
public sealed record Admonished(DateOnly OccurredOn, int Year) : EmployeeEvent(OccurredOn);

/// <summary>No promotion of post grade until <see cref="Until"/> (exclusive) (AS 第二十条(三)).</summary>
public sealed record PromotionFrozen(DateOnly OccurredOn, int Year, DateOnly Until) : EmployeeEvent(OccurredOn);

/// <summary>The year does not count toward tenure at the current post grade (AS 第二十条–第二十二条).</summary>
public sealed record YearNotCounted(DateOnly OccurredOn, int Year, AnnualOutcome Outcome) : EmployeeEvent(OccurredOn);

/// <summary>Demoted one post grade (降低一个岗位等级, AS 第二十条(四), 第二十一条(一)).</summary>
public sealed record Demoted(DateOnly OccurredOn, int Year, PostGrade From, PostGrade To, string Reason) : EmployeeEvent(OccurredOn);

/// <summary>A demotion was due at level 8 and could not go lower: recorded, never dropped (RULES §1).</summary>
public sealed record DemotionFloorReached(DateOnly OccurredOn, int Year, PostGrade Grade, string Reason) : EmployeeEvent(OccurredOn);

/// <summary>An Incompetent grade appealed (复核/申诉, AS 第二十八条).</summary>
public sealed record AnnualGradeAppealed(DateOnly OccurredOn, int Year) : EmployeeEvent(OccurredOn);

/// <summary>The appeal decided; a revised grade replaces Incompetent (AS 第二十八条).</summary>
public sealed record AppealResolved(DateOnly OccurredOn, int Year, AppealOutcome Outcome, AnnualGrade? RevisedGrade) : EmployeeEvent(OccurredOn);

/// <summary>A demotion undone because the grade behind it was revised on appeal or corrected.</summary>
public sealed record DemotionReversed(DateOnly OccurredOn, int Year, PostGrade From, PostGrade To) : EmployeeEvent(OccurredOn);
