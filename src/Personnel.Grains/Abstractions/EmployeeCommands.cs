using System.Text.Json.Serialization;
using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;

namespace Personnel.Grains.Abstractions;

/// <summary>
/// One intent of the API on one employee: a closed set of records. The discriminator ("$command") and the
/// canonical JSON (<see cref="CommandJson"/>) make the request fingerprint, so a retried command is
/// recognised by its content. Each is carried out on <see cref="CommandContext.Today"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$command", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(AppointEmployee), "appoint")]
[JsonDerivedType(typeof(RecordProbationOutcome), "probation-outcome")]
[JsonDerivedType(typeof(PromoteEmployee), "promote")]
[JsonDerivedType(typeof(RecordTrialOutcome), "trial-outcome")]
[JsonDerivedType(typeof(ChangePost), "change-post")]
[JsonDerivedType(typeof(OpenRenewal), "open-renewal")]
[JsonDerivedType(typeof(RenewContract), "renew")]
[JsonDerivedType(typeof(DeclineRenewal), "decline-renewal")]
[JsonDerivedType(typeof(RotateEmployee), "rotate")]
[JsonDerivedType(typeof(ResignEmployee), "resign")]
[JsonDerivedType(typeof(TransferOut), "transfer-out")]
[JsonDerivedType(typeof(RetireEmployee), "retire")]
[JsonDerivedType(typeof(DismissEmployee), "dismiss")]
[JsonDerivedType(typeof(RecordSanction), "sanction")]
[JsonDerivedType(typeof(OpenInvestigation), "open-investigation")]
[JsonDerivedType(typeof(CloseInvestigation), "close-investigation")]
[JsonDerivedType(typeof(RecordLeave), "leave")]
[JsonDerivedType(typeof(RecordAbsence), "absence")]
[JsonDerivedType(typeof(RecordOvertime), "overtime")]
[JsonDerivedType(typeof(RecordLateness), "lateness")]
[JsonDerivedType(typeof(RecordHealthIncapacity), "health-incapacity")]
[JsonDerivedType(typeof(RecordSecondment), "secondment")]
[JsonDerivedType(typeof(RecordQualifications), "qualifications")]
[JsonDerivedType(typeof(RecordQuarterlyGrade), "quarterly-grade")]
[JsonDerivedType(typeof(CorrectQuarterlyGrade), "correct-quarterly-grade")]
[JsonDerivedType(typeof(ProposeExcellent), "propose-excellent")]
[JsonDerivedType(typeof(RecordAnnualGrade), "annual-grade")]
[JsonDerivedType(typeof(CorrectAnnualGrade), "correct-annual-grade")]
[JsonDerivedType(typeof(AppealAnnualGrade), "appeal")]
[JsonDerivedType(typeof(ResolveAppeal), "resolve-appeal")]
[JsonDerivedType(typeof(OrderLeadershipAdjustment), "leadership-adjustment")]
[JsonDerivedType(typeof(RescindLeadershipAdjustment), "leadership-adjustment-rescinded")]
[JsonDerivedType(typeof(RecordRankingPlace), "ranking-place")]
[JsonDerivedType(typeof(SignAnnualFeedback), "sign-feedback")]
[GenerateSerializer, Immutable]
public abstract record EmployeeCommand;

/// <summary>Appoints the person the grain's key names (AM 第六条, 第九条); the request's employee id must equal the key.
/// A competition (竞争上岗) is judged by AM 第五条; <paramref name="Waiver"/> records the zone committee waiving unmet conditions.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record AppointEmployee(
    AppointmentRequest Request,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EligibilityWaiverGrant? Waiver = null) : EmployeeCommand;

/// <summary>Probation passed, or failed with a reason (AM 第十三条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RecordProbationOutcome(bool Passed, string? Reason) : EmployeeCommand;

/// <summary>Promotion on a one-year trial (AM 第十三条); a new post is judged by AM 第五条, <paramref name="Waiver"/> as for an appointment.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record PromoteEmployee(
    PostLevel To,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EligibilityWaiverGrant? Waiver = null) : EmployeeCommand;

/// <summary>Promotion trial passed, or failed with a reason (AM 第十三条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RecordTrialOutcome(bool Passed, string? Reason) : EmployeeCommand;

/// <summary>The post changes inside the term (AM 第九条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ChangePost(PostLevel To, string Reason) : EmployeeCommand;

/// <summary>Opens the renewal decision (AM 第九条).</summary>
[GenerateSerializer, Immutable]
public sealed record OpenRenewal : EmployeeCommand;

/// <summary>Renews for a new term (AM 第九条, 第十五条).</summary>
[GenerateSerializer, Immutable]
public sealed record RenewContract : EmployeeCommand;

/// <summary>Does not renew (AM 第十五条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record DeclineRenewal(string Reason) : EmployeeCommand;

/// <summary>Rotates to another department or post (AM 第十二条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RotateEmployee(DepartmentId To, PostLevel Level) : EmployeeCommand;

/// <summary>Resigns (AM 第十五条).</summary>
[GenerateSerializer, Immutable]
public sealed record ResignEmployee : EmployeeCommand;

/// <summary>Transfers out of the zone (AM 第十五条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record TransferOut(string Destination) : EmployeeCommand;

/// <summary>Retires (AM 第十五条).</summary>
[GenerateSerializer, Immutable]
public sealed record RetireEmployee : EmployeeCommand;

/// <summary>Dismisses for cause (AM 第十八条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record DismissEmployee(DismissalCause Cause, string Reason) : EmployeeCommand;

/// <summary>Records a sanction imposed on <paramref name="ImposedOn"/> (AS 第二十七条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RecordSanction(DateOnly ImposedOn, SanctionKind Kind, SanctionAuthority Authority, string Reason, DateOnly? PeriodEnd) : EmployeeCommand;

/// <summary>Opens an investigation (AS 第二十六条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record OpenInvestigation(string Reason) : EmployeeCommand;

/// <summary>Closes the open investigation (AS 第二十六条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record CloseInvestigation(InvestigationOutcome Outcome) : EmployeeCommand;

/// <summary>Records a leave (AS 第二十五条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RecordLeave(LeaveKind Kind, DatePeriod Period) : EmployeeCommand;

/// <summary>Records an absence (AM 第十八条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RecordAbsence(AbsenceKind Kind, DatePeriod Period) : EmployeeCommand;

/// <summary>Records approved overtime worked on a day (PM 第六条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RecordOvertime(DateOnly Day, decimal Hours) : EmployeeCommand;

/// <summary>Records a late arrival, early leave or leaving the post on a day (PM 第七条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RecordLateness(DateOnly Day, LatenessKind Kind) : EmployeeCommand;

/// <summary>Records a health incapacity (AM 第十八条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RecordHealthIncapacity(DatePeriod Period) : EmployeeCommand;

/// <summary>Records a secondment, during which the receiving unit assesses (AS 第二十四条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RecordSecondment(DepartmentId ReceivingUnit, DatePeriod Period) : EmployeeCommand;

/// <summary>Records rank and education (AM 第五条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RecordQualifications(AdministrativeRank Rank, DateOnly RankSince, Education Education) : EmployeeCommand;

/// <summary>Corrects a recorded quarterly grade (更正), with its reason; a Good takes a grant, a Good corrected away gives one back.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record CorrectQuarterlyGrade(Quarter Quarter, QuarterlyGrade Grade, string Reason) : EmployeeCommand;

/// <summary>Records a quarterly grade, or none (null) with the reason the measures give (AS 第八条, 第二十三条–第二十七条).
/// A Good takes one of the department-quarter's Good quota in the same transaction. <paramref name="Comments"/> are the 评语.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RecordQuarterlyGrade(
    Quarter Quarter,
    QuarterlyGrade? Grade,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comments = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ForDepartment = null) : EmployeeCommand;

/// <summary>Starts the public notice of a proposed Excellent (AS 第九条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ProposeExcellent(int Year) : EmployeeCommand;

/// <summary>Records the annual grade, or none (null) (AS 第十二条–第二十二条). An Excellent takes one of the
/// department-year's Excellent quota (by the department's tier) in the same transaction.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RecordAnnualGrade(int Year, AnnualGrade? Grade, AnnualAssessment Assessment) : EmployeeCommand;

/// <summary>Corrects a recorded annual grade (更正) with its reason, outside review and appeal (AS 第二十八条); the old grade's
/// consequences are undone and the new grade's applied. An Excellent takes a grant, an Excellent corrected away gives one back.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record CorrectAnnualGrade(int Year, AnnualGrade Grade, string Reason) : EmployeeCommand;

/// <summary>Appeals an Incompetent annual grade (AS 第二十八条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record AppealAnnualGrade(int Year) : EmployeeCommand;

/// <summary>Resolves an appeal, optionally revising the grade (AS 第二十八条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ResolveAppeal(int Year, AppealOutcome Outcome, AnnualGrade? RevisedGrade) : EmployeeCommand;

/// <summary>The department's leadership adjustment reaches its head: rotation mandatory now (AM 第十七条).
/// Normally sent by the department's outbox dispatcher, not by people.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record OrderLeadershipAdjustment(DepartmentId Department, int Year) : EmployeeCommand;

/// <summary>A correction rescinded the department's leadership adjustment this head received: the mandatory rotation it
/// made is lifted (AM 第十七条). Sent by the department's outbox dispatcher, not by people.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RescindLeadershipAdjustment(DepartmentId Department, int Year) : EmployeeCommand;

/// <summary>Records the yearly ranking place (积分排名) and applies the ranking-based profile's consequences
/// (洋沙湖 三(五)19); refused when the running profile judges the year by grade.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record RecordRankingPlace(int Year, int Place, int GroupSize, int? PlaceFromBottom) : EmployeeCommand;

/// <summary>The employee signed the written feedback of the year's result (AS 第九条).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record SignAnnualFeedback(int Year) : EmployeeCommand;
