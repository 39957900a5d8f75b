using System.Text.Json.Serialization;
using Personnel.Domain.Common;

namespace Personnel.Domain.Departments;

/// <summary>
/// Something that happened to a department. Stored as JSON with a stable "$type" discriminator, so the
/// names below never change once written.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(DepartmentCreated), EventTypes.Department.DepartmentCreated)]
[JsonDerivedType(typeof(DepartmentAssessed), EventTypes.Department.DepartmentAssessed)]
[JsonDerivedType(typeof(DepartmentAssessmentCorrected), EventTypes.Department.DepartmentAssessmentCorrected)]
[JsonDerivedType(typeof(YellowCardIssued), EventTypes.Department.YellowCardIssued)]
[JsonDerivedType(typeof(YellowCardWithdrawn), EventTypes.Department.YellowCardWithdrawn)]
[JsonDerivedType(typeof(DepartmentLeadershipAdjustmentOrdered), EventTypes.Department.DepartmentLeadershipAdjustmentOrdered)]
[JsonDerivedType(typeof(LeadershipAdjustmentRescinded), EventTypes.Department.LeadershipAdjustmentRescinded)]
[JsonDerivedType(typeof(LeadershipAdjustmentDelivered), EventTypes.Department.LeadershipAdjustmentDelivered)]
[JsonDerivedType(typeof(LeadershipAdjustmentDischarged), EventTypes.Department.LeadershipAdjustmentDischarged)]
public abstract record DepartmentEvent(DateOnly OccurredOn);

public sealed record DepartmentCreated(
    DateOnly OccurredOn, [property: JsonConverter(typeof(DepartmentIdJsonConverter))] DepartmentId DepartmentId, string Name, DepartmentKind Kind)
    : DepartmentEvent(OccurredOn);

/// <summary>The year's tier (一至四等) and, when there is one, the city-level rank in the peer group.</summary>
public sealed record DepartmentAssessed(DateOnly OccurredOn, int Year, DepartmentTier Tier, CityRank? CityRank)
    : DepartmentEvent(OccurredOn);

/// <summary>An explicit correction of the latest year's assessment, with its reason.</summary>
public sealed record DepartmentAssessmentCorrected(DateOnly OccurredOn, int Year, DepartmentTier Tier, CityRank? CityRank, string Reason)
    : DepartmentEvent(OccurredOn);

/// <summary>Why a department got a yellow card.</summary>
public enum YellowCardGround
{
    /// <summary>Assessed in a yellow-card tier (三四等).</summary>
    Tier,

    /// <summary>Placed in a yellow-card place of its city group (同组三四名).</summary>
    CityRank,
}

/// <summary>黄牌警告 (AM 第十七条): the leadership is warned and interviewed (警示、约谈).</summary>
public sealed record YellowCardIssued(DateOnly OccurredOn, int Year, IReadOnlyList<YellowCardGround> Grounds)
    : DepartmentEvent(OccurredOn);

/// <summary>A yellow card undone by a correction of the year's assessment.</summary>
public sealed record YellowCardWithdrawn(DateOnly OccurredOn, int Year, string Reason)
    : DepartmentEvent(OccurredOn);

/// <summary>Why the leadership must be adjusted.</summary>
public enum LeadershipAdjustmentGround
{
    /// <summary>连续两年收到黄牌.</summary>
    ConsecutiveYellowCards,

    /// <summary>市级考核列同组第四名.</summary>
    CityRank,
}

/// <summary>
/// 调整班子或主要负责人调离岗位 (AM 第十七条): adjust the leadership team or move the principal leader out. The
/// grain layer delivers it to the head's employee aggregate, whose rotation becomes mandatory now (RULES §3);
/// a department never calls an employee.
/// </summary>
public sealed record DepartmentLeadershipAdjustmentOrdered(DateOnly OccurredOn, int Year, LeadershipAdjustmentGround Ground)
    : DepartmentEvent(OccurredOn);

/// <summary>A leadership adjustment undone by a correction of the year's assessment.</summary>
public sealed record LeadershipAdjustmentRescinded(DateOnly OccurredOn, int Year, string Reason)
    : DepartmentEvent(OccurredOn);

/// <summary>
/// The leadership adjustment ordered by the department's event number <paramref name="Order"/> reached
/// <paramref name="HeadEmployeeId"/>, the head in the post when it was ordered: their rotation is mandatory now.
/// Recorded by the outbox after the head's grain took it, so a later rescission knows whom to tell.
/// </summary>
public sealed record LeadershipAdjustmentDelivered(DateOnly OccurredOn, int Year, long Order, string HeadEmployeeId)
    : DepartmentEvent(OccurredOn);

/// <summary>
/// 调整班子 (AM 第十七条): the adjustment ordered by event <paramref name="Order"/> found the head post changed: a new
/// head, <paramref name="HeadEmployeeId"/>, took it after the order (on <see cref="DepartmentEvent.OccurredOn"/>). That
/// appointment is the adjustment; the order is discharged and never reaches the new head.
/// </summary>
public sealed record LeadershipAdjustmentDischarged(DateOnly OccurredOn, int Year, long Order, string HeadEmployeeId)
    : DepartmentEvent(OccurredOn);
