using Personnel.Domain.Employees;

namespace Personnel.Grains.Abstractions;

/// <summary>
/// One employee (key: the employee id), one method per intent. Commands run one at a time; each is durable before it
/// returns, and a retried request id returns the first result. Refusals cross silos as <see cref="RuleRefusedException"/>
/// (its Kind gives the status), <see cref="QuotaExhaustedException"/> (FAILED_PRECONDITION),
/// <see cref="RequestIdReusedException"/> (INVALID_ARGUMENT), <see cref="ConcurrencyExhaustedException"/> (ABORTED),
/// <see cref="OutOfScopeException"/> (PERMISSION_DENIED).
/// </summary>
public interface IEmployeeGrain : IGrainWithStringKey
{
    /// <summary>Carries out <see cref="AppointEmployee"/>.</summary>
    Task<EmployeeCommandResult> Appoint(AppointEmployee command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RecordProbationOutcome"/>.</summary>
    Task<EmployeeCommandResult> RecordProbationOutcome(RecordProbationOutcome command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="PromoteEmployee"/>.</summary>
    Task<EmployeeCommandResult> Promote(PromoteEmployee command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RecordTrialOutcome"/>.</summary>
    Task<EmployeeCommandResult> RecordTrialOutcome(RecordTrialOutcome command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="ChangePost"/>.</summary>
    Task<EmployeeCommandResult> ChangePost(ChangePost command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="OpenRenewal"/>.</summary>
    Task<EmployeeCommandResult> OpenRenewal(OpenRenewal command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RenewContract"/>.</summary>
    Task<EmployeeCommandResult> Renew(RenewContract command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="DeclineRenewal"/>.</summary>
    Task<EmployeeCommandResult> DeclineRenewal(DeclineRenewal command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RotateEmployee"/>.</summary>
    Task<EmployeeCommandResult> Rotate(RotateEmployee command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="ResignEmployee"/>.</summary>
    Task<EmployeeCommandResult> Resign(ResignEmployee command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="TransferOut"/>.</summary>
    Task<EmployeeCommandResult> TransferOut(TransferOut command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RetireEmployee"/>.</summary>
    Task<EmployeeCommandResult> Retire(RetireEmployee command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="DismissEmployee"/>.</summary>
    Task<EmployeeCommandResult> Dismiss(DismissEmployee command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RecordSanction"/>.</summary>
    Task<EmployeeCommandResult> RecordSanction(RecordSanction command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="OpenInvestigation"/>.</summary>
    Task<EmployeeCommandResult> OpenInvestigation(OpenInvestigation command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="CloseInvestigation"/>.</summary>
    Task<EmployeeCommandResult> CloseInvestigation(CloseInvestigation command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RecordLeave"/>.</summary>
    Task<EmployeeCommandResult> RecordLeave(RecordLeave command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RecordAbsence"/>.</summary>
    Task<EmployeeCommandResult> RecordAbsence(RecordAbsence command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RecordOvertime"/>.</summary>
    Task<EmployeeCommandResult> RecordOvertime(RecordOvertime command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RecordLateness"/>.</summary>
    Task<EmployeeCommandResult> RecordLateness(RecordLateness command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RecordHealthIncapacity"/>.</summary>
    Task<EmployeeCommandResult> RecordHealthIncapacity(RecordHealthIncapacity command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RecordSecondment"/>.</summary>
    Task<EmployeeCommandResult> RecordSecondment(RecordSecondment command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RecordQualifications"/>.</summary>
    Task<EmployeeCommandResult> RecordQualifications(RecordQualifications command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RecordQuarterlyGrade"/>.</summary>
    Task<EmployeeCommandResult> RecordQuarterlyGrade(RecordQuarterlyGrade command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="CorrectQuarterlyGrade"/>.</summary>
    Task<EmployeeCommandResult> CorrectQuarterlyGrade(CorrectQuarterlyGrade command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="ProposeExcellent"/>.</summary>
    Task<EmployeeCommandResult> ProposeExcellent(ProposeExcellent command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RecordAnnualGrade"/>.</summary>
    Task<EmployeeCommandResult> RecordAnnualGrade(RecordAnnualGrade command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="CorrectAnnualGrade"/>.</summary>
    Task<EmployeeCommandResult> CorrectAnnualGrade(CorrectAnnualGrade command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="AppealAnnualGrade"/>.</summary>
    Task<EmployeeCommandResult> AppealAnnualGrade(AppealAnnualGrade command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="ResolveAppeal"/>.</summary>
    Task<EmployeeCommandResult> ResolveAppeal(ResolveAppeal command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="OrderLeadershipAdjustment"/>.</summary>
    Task<EmployeeCommandResult> OrderLeadershipAdjustment(OrderLeadershipAdjustment command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RescindLeadershipAdjustment"/>.</summary>
    Task<EmployeeCommandResult> RescindLeadershipAdjustment(RescindLeadershipAdjustment command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="RecordRankingPlace"/>.</summary>
    Task<EmployeeCommandResult> RecordRankingPlace(RecordRankingPlace command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Carries out <see cref="SignAnnualFeedback"/>.</summary>
    Task<EmployeeCommandResult> SignAnnualFeedback(SignAnnualFeedback command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>The employee now; NOT_FOUND before the appointment.</summary>
    Task<EmployeeSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>The post level on <paramref name="asOf"/>; NOT_FOUND before the appointment.</summary>
    Task<PostLevelAnswer> GetPostLevelAsync(DateOnly asOf, CancellationToken cancellationToken = default);

    /// <summary>The published post levels of the committed state, for the silo-local view (<see cref="PostLevelView"/>).</summary>
    Task<PostLevelView> GetPostLevelViewAsync(CancellationToken cancellationToken = default);

    /// <summary>The tenure on <paramref name="asOf"/>, with the earliest eligibility for the next post (AM 第五条).</summary>
    Task<Tenure> GetTenureAsync(DateOnly asOf, CancellationToken cancellationToken = default);

    /// <summary>The quarterly and annual grades recorded.</summary>
    Task<GradeList> ListGradesAsync(CancellationToken cancellationToken = default);
}
