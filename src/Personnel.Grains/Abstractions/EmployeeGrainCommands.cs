namespace Personnel.Grains.Abstractions;

/// <summary>
/// Sends a command record held as its base type (an import row, a test's table of steps) to the intent method that
/// carries it out: the switch is exhaustive over the closed set of <see cref="EmployeeCommand"/>s.
/// </summary>
public static class EmployeeGrainCommands
{
    /// <summary>Calls the method of <paramref name="grain"/> for <paramref name="command"/>'s intent.</summary>
    public static Task<EmployeeCommandResult> ExecuteAsync(
        this IEmployeeGrain grain, EmployeeCommand command, CommandContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return command switch
        {
            AppointEmployee c => grain.Appoint(c, context, cancellationToken),
            RecordProbationOutcome c => grain.RecordProbationOutcome(c, context, cancellationToken),
            PromoteEmployee c => grain.Promote(c, context, cancellationToken),
            RecordTrialOutcome c => grain.RecordTrialOutcome(c, context, cancellationToken),
            ChangePost c => grain.ChangePost(c, context, cancellationToken),
            OpenRenewal c => grain.OpenRenewal(c, context, cancellationToken),
            RenewContract c => grain.Renew(c, context, cancellationToken),
            DeclineRenewal c => grain.DeclineRenewal(c, context, cancellationToken),
            RotateEmployee c => grain.Rotate(c, context, cancellationToken),
            ResignEmployee c => grain.Resign(c, context, cancellationToken),
            TransferOut c => grain.TransferOut(c, context, cancellationToken),
            RetireEmployee c => grain.Retire(c, context, cancellationToken),
            DismissEmployee c => grain.Dismiss(c, context, cancellationToken),
            RecordSanction c => grain.RecordSanction(c, context, cancellationToken),
            OpenInvestigation c => grain.OpenInvestigation(c, context, cancellationToken),
            CloseInvestigation c => grain.CloseInvestigation(c, context, cancellationToken),
            RecordLeave c => grain.RecordLeave(c, context, cancellationToken),
            RecordAbsence c => grain.RecordAbsence(c, context, cancellationToken),
            RecordOvertime c => grain.RecordOvertime(c, context, cancellationToken),
            RecordLateness c => grain.RecordLateness(c, context, cancellationToken),
            RecordHealthIncapacity c => grain.RecordHealthIncapacity(c, context, cancellationToken),
            RecordSecondment c => grain.RecordSecondment(c, context, cancellationToken),
            RecordQualifications c => grain.RecordQualifications(c, context, cancellationToken),
            RecordQuarterlyGrade c => grain.RecordQuarterlyGrade(c, context, cancellationToken),
            CorrectQuarterlyGrade c => grain.CorrectQuarterlyGrade(c, context, cancellationToken),
            ProposeExcellent c => grain.ProposeExcellent(c, context, cancellationToken),
            RecordAnnualGrade c => grain.RecordAnnualGrade(c, context, cancellationToken),
            CorrectAnnualGrade c => grain.CorrectAnnualGrade(c, context, cancellationToken),
            AppealAnnualGrade c => grain.AppealAnnualGrade(c, context, cancellationToken),
            ResolveAppeal c => grain.ResolveAppeal(c, context, cancellationToken),
            OrderLeadershipAdjustment c => grain.OrderLeadershipAdjustment(c, context, cancellationToken),
            RescindLeadershipAdjustment c => grain.RescindLeadershipAdjustment(c, context, cancellationToken),
            RecordRankingPlace c => grain.RecordRankingPlace(c, context, cancellationToken),
            SignAnnualFeedback c => grain.SignAnnualFeedback(c, context, cancellationToken),
            null => throw new ArgumentNullException(nameof(command)),
            _ => throw new ArgumentException($"no intent carries {command.GetType().Name}", nameof(command)),
        };
    }
}
