using System.Text.Json.Serialization;
using Personnel.Domain.Common;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

/// <summary>
/// Appointed (聘任) with a contract (AM 第九条). <see cref="ProbationEnd"/> is set for open
/// recruitment (AM 第十三条); <see cref="TermEnd"/> is already capped at <see cref="RetirementDate"/>.
/// </summary>
public sealed record EmployeeAppointed(
    DateOnly OccurredOn,
    EmployeeId EmployeeId,
    DepartmentId DepartmentId,
    PostLevel PostLevel,
    AppointmentMethod Method,
    ProbationKind Probation,
    DateOnly? ProbationEnd,
    DateOnly TermStart,
    DateOnly TermEnd,
    DateOnly RetirementDate,
    bool FirstCompetition,
    AdministrativeRank Rank,
    DateOnly RankSince,
    Education Education) : EmployeeEvent(OccurredOn);

/// <summary>
/// The zone committee waived AM 第五条 conditions (工委研究同意) the person did not meet for <see cref="Post"/>:
/// recorded beside the appointment or promotion it allowed, with who granted it, why, and the facts waived.
/// </summary>
public sealed record EligibilityWaived(
    DateOnly OccurredOn, Post Post, string GrantedBy, string Reason, IReadOnlyList<EligibilityCondition> Conditions, string Facts)
    : EmployeeEvent(OccurredOn)
{
    // By value, conditions included: the event read back from JSON holds a new list.
    public bool Equals(EligibilityWaived? other) =>
        other is not null && (OccurredOn, Post, GrantedBy, Reason, Facts) == (other.OccurredOn, other.Post, other.GrantedBy, other.Reason, other.Facts)
        && Conditions.SequenceEqual(other.Conditions);

    public override int GetHashCode() => HashCode.Combine(OccurredOn, Post, GrantedBy, Reason, Facts, Conditions.Count);
}

/// <summary>Probation passed: formally appointed (AM 第十三条).</summary>
public sealed record ProbationPassed(DateOnly OccurredOn) : EmployeeEvent(OccurredOn);

/// <summary>Probation failed: the appointment is cancelled (取消聘任, AM 第十三条).</summary>
public sealed record ProbationFailed(DateOnly OccurredOn, string Reason) : EmployeeEvent(OccurredOn);

/// <summary>Promoted (提拔任职) on a 1-year trial; <see cref="Before"/> is what a failed trial returns to (AM 第十三条).</summary>
public sealed record PromotedOnTrial(DateOnly OccurredOn, PostLevel PostLevel, PostLevel Before, DateOnly TrialEnd) : EmployeeEvent(OccurredOn);

/// <summary>The promotion trial passed: formally in the post (AM 第十三条).</summary>
public sealed record TrialPassed(DateOnly OccurredOn) : EmployeeEvent(OccurredOn);

/// <summary>The trial failed: removed from the trial post, back to the post level held before (AM 第十三条).</summary>
public sealed record TrialFailed(DateOnly OccurredOn, PostLevel RevertedTo, string Reason) : EmployeeEvent(OccurredOn);

/// <summary>The post changed inside the term; the contract is amended and the term continues (AM 第九条).</summary>
public sealed record PostChanged(DateOnly OccurredOn, PostLevel PostLevel, string Reason) : EmployeeEvent(OccurredOn);

/// <summary>Rotated (交流/轮岗) to another department or post: the consecutive-term count starts again (AM 第十二条).</summary>
public sealed record Rotated(DateOnly OccurredOn, DepartmentId DepartmentId, PostLevel PostLevel) : EmployeeEvent(OccurredOn);

/// <summary>The renewal decision for the ending term is opened (AM 第九条).</summary>
public sealed record RenewalOpened(DateOnly OccurredOn, DateOnly TermEnd) : EmployeeEvent(OccurredOn);

/// <summary>Renewed (续聘) for a new term, capped at the retirement date (AM 第九条, 第十五条).</summary>
public sealed record ContractRenewed(DateOnly OccurredOn, int TermNumber, DateOnly TermStart, DateOnly TermEnd) : EmployeeEvent(OccurredOn);

/// <summary>Not renewed: the contract ends with the term (AM 第十五条).</summary>
public sealed record RenewalDeclined(DateOnly OccurredOn, DateOnly TermEnd, string Reason) : EmployeeEvent(OccurredOn);

/// <summary>Resigned (本人自愿辞职, AM 第十五条).</summary>
public sealed record EmployeeResigned(DateOnly OccurredOn) : EmployeeEvent(OccurredOn);

/// <summary>Transferred out of the zone (调至区外单位, AM 第十五条).</summary>
public sealed record TransferredOut(DateOnly OccurredOn, string Destination) : EmployeeEvent(OccurredOn);

/// <summary>Retired at the retirement age (AM 第十五条).</summary>
public sealed record EmployeeRetired(DateOnly OccurredOn) : EmployeeEvent(OccurredOn);

/// <summary>Dismissed for cause (辞聘, AM 第十八条).</summary>
public sealed record EmployeeDismissed(DateOnly OccurredOn, DismissalCause Cause, string Reason) : EmployeeEvent(OccurredOn);

/// <summary>The contract is terminated (解除聘用合同) as a consequence of two consecutive Incompetent years (AM 第十七条; AS 第二十一条).</summary>
public sealed record ContractTerminated(DateOnly OccurredOn, int Year, string Reason) : EmployeeEvent(OccurredOn);

/// <summary>Reinstated after an appeal revised, or a correction (更正) changed, the grade that terminated the contract (AS 第二十八条).</summary>
public sealed record EmployeeReinstated(DateOnly OccurredOn, int Year) : EmployeeEvent(OccurredOn);

/// <summary>The department's yellow cards forced a leadership adjustment: the head's rotation is mandatory now (AM 第十七条, RULES §3).</summary>
public sealed record LeadershipAdjustmentOrdered(DateOnly OccurredOn, DepartmentId DepartmentId, int Year) : EmployeeEvent(OccurredOn);

/// <summary>A correction of the department's assessment rescinded the leadership adjustment this head held (AM 第十七条):
/// their rotation is due again only as their terms give it (AM 第十二条).</summary>
public sealed record HeadLeadershipAdjustmentRescinded(DateOnly OccurredOn, DepartmentId DepartmentId, int Year) : EmployeeEvent(OccurredOn);

/// <summary>A post adjustment (调整岗位) falls due, with the rule that makes it due (AM 第十六条; AS 第二十条, 第二十二条);
/// <see cref="Year"/> is the assessed year whose annual grade made it due (none for other grounds, nor in events recorded
/// before the field existed).</summary>
public sealed record PostAdjustmentDue(
    DateOnly OccurredOn, string RuleCode, string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Year = null) : EmployeeEvent(OccurredOn);

/// <summary>The rank (职级) held since a date and the education, which the eligibility for the next post is judged on (AM 第五条).</summary>
public sealed record QualificationsRecorded(DateOnly OccurredOn, AdministrativeRank Rank, DateOnly RankSince, Education Education) : EmployeeEvent(OccurredOn);
