using System.Text.Json.Serialization;

namespace Personnel.Domain.Employees;

/// <summary>
/// Something that happened to an employee, on a civil date. The employee is rebuilt from these
/// (<see cref="Employee.FromHistory"/>). Storage keeps the discriminator (<c>type</c>) and the JSON
/// payload; discriminators are stable and must never be renamed.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(EmployeeAppointed), "employee-appointed")]
[JsonDerivedType(typeof(ProbationPassed), "probation-passed")]
[JsonDerivedType(typeof(ProbationFailed), "probation-failed")]
[JsonDerivedType(typeof(PromotedOnTrial), "promoted-on-trial")]
[JsonDerivedType(typeof(TrialPassed), "trial-passed")]
[JsonDerivedType(typeof(TrialFailed), "trial-failed")]
[JsonDerivedType(typeof(PostChanged), "post-changed")]
[JsonDerivedType(typeof(Rotated), "rotated")]
[JsonDerivedType(typeof(RenewalOpened), "renewal-opened")]
[JsonDerivedType(typeof(ContractRenewed), "contract-renewed")]
[JsonDerivedType(typeof(RenewalDeclined), "renewal-declined")]
[JsonDerivedType(typeof(EmployeeResigned), "employee-resigned")]
[JsonDerivedType(typeof(TransferredOut), "transferred-out")]
[JsonDerivedType(typeof(EmployeeRetired), "employee-retired")]
[JsonDerivedType(typeof(EmployeeDismissed), "employee-dismissed")]
[JsonDerivedType(typeof(ContractTerminated), "contract-terminated")]
[JsonDerivedType(typeof(EmployeeReinstated), "employee-reinstated")]
[JsonDerivedType(typeof(LeadershipAdjustmentOrdered), "leadership-adjustment-ordered")]
[JsonDerivedType(typeof(PostAdjustmentDue), "post-adjustment-due")]
[JsonDerivedType(typeof(QualificationsRecorded), "qualifications-recorded")]
[JsonDerivedType(typeof(SanctionRecorded), "sanction-recorded")]
[JsonDerivedType(typeof(InvestigationOpened), "investigation-opened")]
[JsonDerivedType(typeof(InvestigationClosed), "investigation-closed")]
[JsonDerivedType(typeof(LeaveRecorded), "leave-recorded")]
[JsonDerivedType(typeof(AbsenceRecorded), "absence-recorded")]
[JsonDerivedType(typeof(HealthIncapacityRecorded), "health-incapacity-recorded")]
[JsonDerivedType(typeof(SecondmentRecorded), "secondment-recorded")]
[JsonDerivedType(typeof(QuarterlyGradeRecorded), "quarterly-grade-recorded")]
[JsonDerivedType(typeof(QuarterlyFollowUpDue), "quarterly-follow-up-due")]
[JsonDerivedType(typeof(ExcellentProposed), "excellent-proposed")]
[JsonDerivedType(typeof(AnnualGradeRecorded), "annual-grade-recorded")]
[JsonDerivedType(typeof(CommendationAwarded), "commendation-awarded")]
[JsonDerivedType(typeof(MeritAwarded), "merit-awarded")]
[JsonDerivedType(typeof(Admonished), "admonished")]
[JsonDerivedType(typeof(PromotionFrozen), "promotion-frozen")]
[JsonDerivedType(typeof(YearNotCounted), "year-not-counted")]
[JsonDerivedType(typeof(Demoted), "demoted")]
[JsonDerivedType(typeof(DemotionFloorReached), "demotion-floor-reached")]
[JsonDerivedType(typeof(AnnualGradeAppealed), "annual-grade-appealed")]
[JsonDerivedType(typeof(AppealResolved), "appeal-resolved")]
[JsonDerivedType(typeof(DemotionReversed), "demotion-reversed")]
public abstract record EmployeeEvent(DateOnly OccurredOn);
