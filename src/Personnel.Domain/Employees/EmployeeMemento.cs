using Personnel.Domain.Common;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

/// <summary>
/// The committed state of an <see cref="Employee"/>, every field of the aggregate, in the JSON form of
/// <see cref="Employee.ToSnapshotJson"/>. Dictionaries are lists of their values (each value carries its key: a year or a
/// quarter), in the aggregate's own order. <see cref="Format"/> comes first, so that a reader can refuse another format
/// before reading the rest; <see cref="Policy"/> fingerprints the <see cref="Grading.GradingPolicy"/> the state was derived
/// under (the rotation timeline follows its terms), since a state derived under another policy is not the one replay gives.
/// </summary>
internal sealed record EmployeeMemento(
    int Format,
    string Policy,
    int Version,
    ContractState State,
    int RotationTimelineRevision,
    EmployeeId? Id,
    DepartmentId? Department,
    PostLevel? PostLevel,
    DateOnly PostSince,
    DateOnly GradeSince,
    DateOnly RoleSince,
    AppointmentMethod Method,
    DateOnly AppointedOn,
    DateOnly RetirementDate,
    DateOnly? ProbationEnd,
    DateOnly? TrialEnd,
    PostLevel? TrialBefore,
    DateOnly? PromotionFrozenUntil,
    AdministrativeRank Rank,
    DateOnly RankSince,
    Education Education,
    DateOnly? SeparatedOn,
    int? TerminationYear,
    IReadOnlyList<PostPeriod> PostHistory,
    IReadOnlyList<ContractTermPeriod> Terms,
    IReadOnlyList<EligibilityWaived> Waivers,
    IReadOnlyList<LeadershipAdjustmentOrdered> LeadershipOrders,
    IReadOnlyList<GradeSinceBeforeDemotion> GradeSinceBeforeDemotion,
    IReadOnlyList<Demoted> Demotions,
    IReadOnlyList<DateOnly> FloorsReached,
    IReadOnlyList<QuarterlyGradeRecorded> Quarterly,
    IReadOnlyList<AnnualGradeRecorded> Annual,
    IReadOnlyList<AnnualGradeCorrected> AnnualCorrections,
    IReadOnlyList<ExcellentProposed> Proposals,
    IReadOnlyList<AppealOfYear> Appeals,
    IReadOnlyList<MeritAwarded> Merits,
    IReadOnlyList<EmployeeEvent> Consequences,
    IReadOnlyList<RankingPlaceRecorded> Rankings,
    IReadOnlyList<AnnualFeedbackSigned> Feedback,
    IReadOnlyList<SanctionRecorded> Sanctions,
    IReadOnlyList<InvestigationPeriod> Investigations,
    IReadOnlyList<LeaveRecorded> Leaves,
    IReadOnlyList<AbsenceRecorded> Absences,
    IReadOnlyList<OvertimeRecorded> Overtime,
    IReadOnlyList<LatenessRecorded> Lateness,
    IReadOnlyList<HealthIncapacityRecorded> Incapacities,
    IReadOnlyList<SecondmentRecorded> Secondments,
    IReadOnlyList<PostAdjustmentDue> PostAdjustments,
    IReadOnlyList<RotationPeriod> RotationTimeline);

/// <summary>The grade start a demotion of <see cref="Year"/> replaced, given back if the demotion is reversed untouched.</summary>
internal sealed record GradeSinceBeforeDemotion(int Year, DateOnly Since);

/// <summary>An appeal of <see cref="Year"/>'s annual grade, pending or <see cref="Resolved"/> (AS 第二十八条).</summary>
internal sealed record AppealOfYear(int Year, bool Resolved);
