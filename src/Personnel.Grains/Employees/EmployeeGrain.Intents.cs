using Personnel.Grains.Abstractions;

namespace Personnel.Grains.Employees;

/// <summary>The intents of <see cref="IEmployeeGrain"/>: each is decided by the aggregate and committed by <c>RunAsync</c>.</summary>
public sealed partial class EmployeeGrain
{
    /// <inheritdoc/>
    public Task<EmployeeCommandResult> Appoint(AppointEmployee command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> RecordProbationOutcome(RecordProbationOutcome command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> Promote(PromoteEmployee command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> RecordTrialOutcome(RecordTrialOutcome command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> ChangePost(ChangePost command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> OpenRenewal(OpenRenewal command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> Renew(RenewContract command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> DeclineRenewal(DeclineRenewal command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> Rotate(RotateEmployee command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> Resign(ResignEmployee command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> TransferOut(TransferOut command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> Retire(RetireEmployee command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> Dismiss(DismissEmployee command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> RecordSanction(RecordSanction command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> OpenInvestigation(OpenInvestigation command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> CloseInvestigation(CloseInvestigation command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> RecordLeave(RecordLeave command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> RecordAbsence(RecordAbsence command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> RecordOvertime(RecordOvertime command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> RecordLateness(RecordLateness command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> RecordHealthIncapacity(RecordHealthIncapacity command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> RecordSecondment(RecordSecondment command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> RecordQualifications(RecordQualifications command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> RecordQuarterlyGrade(RecordQuarterlyGrade command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> CorrectQuarterlyGrade(CorrectQuarterlyGrade command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> ProposeExcellent(ProposeExcellent command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> RecordAnnualGrade(RecordAnnualGrade command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> CorrectAnnualGrade(CorrectAnnualGrade command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> AppealAnnualGrade(AppealAnnualGrade command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> ResolveAppeal(ResolveAppeal command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> OrderLeadershipAdjustment(OrderLeadershipAdjustment command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> RescindLeadershipAdjustment(RescindLeadershipAdjustment command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> RecordRankingPlace(RecordRankingPlace command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);

    /// <inheritdoc/>
    public Task<EmployeeCommandResult> SignAnnualFeedback(SignAnnualFeedback command, CommandContext context, CancellationToken cancellationToken) =>
        RunAsync(command, context, cancellationToken);
}
