using System.Text.Json;
using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Grains.Employees;

public sealed partial class EmployeeGrain
{
    /// <summary>The grant a Good or an Excellent takes, written in the grade's commit.</summary>
    private sealed record QuotaPart(StreamAppend Append, IReadOnlyList<ReadModelWrite> Writes, QuotaStanding Standing);

    private sealed record Plan(Commit Commit, EmployeeCommandResult Result, DateOnly On, Dictionary<string, string> Gradability);

    /// <summary>Runs the command on the aggregate and builds its commit; a refusal leaves the aggregate as loaded.</summary>
    private async Task<Plan> PlanAsync(EmployeeCommand command, CommandContext context, string fingerprint, CancellationToken cancellationToken)
    {
        var on = context.Today;
        var before = _gradability is { } known && known.On == on && known.Version == CommittedVersion ? known.Map : Gradability(on);
        var timelineBefore = Aggregate.RotationTimelineRevision;
        QuotaPart? quota;
        try
        {
            quota = await ApplyAsync(command, on, cancellationToken);
        }
        catch
        {
            if (Aggregate.UncommittedEvents.Count > 0)
            {
                await RefreshNow();
            }

            throw;
        }

        var newEvents = new List<NewEvent>();
        if (command is AppointEmployee appoint)
        {
            State.Name = appoint.Name;
            newEvents.Add(new NewEvent(NamedEventType, JsonSerializer.Serialize(new EmployeeNamed(appoint.Name), GrainJson.Options), on));
        }

        newEvents.AddRange(Aggregate.UncommittedEvents.Select(e =>
            new NewEvent(GrainJson.Discriminator<EmployeeEvent>(e.GetType()), EventJson.Serialize<EmployeeEvent>(e), e.OccurredOn)));
        var version = CommittedVersion + newEvents.Count;
        var appends = new List<StreamAppend> { new(StreamId, CommittedVersion, newEvents) };
        var after = Gradability(on);
        var writes = new List<ReadModelWrite>(Project(on, version, before, after, timelineBefore));
        if (quota is not null)
        {
            appends.Add(quota.Append);
            writes.AddRange(quota.Writes);
        }

        var appended = newEvents.Select((e, i) => new AppendedEvent(StreamId, CommittedVersion + i + 1, e.Type, e.Payload, e.OccurredOn)).ToList();
        var result = new EmployeeCommandResult(Snapshot(version), appended, quota?.Standing);
        var commit = new Commit(context.RequestId, fingerprint, context.RecordedBy, appends, writes, JsonSerializer.Serialize(result, GrainJson.Options));
        return new Plan(commit, result, on, after);
    }

    private async Task<QuotaPart?> ApplyAsync(EmployeeCommand command, DateOnly on, CancellationToken cancellationToken)
    {
        var e = Aggregate;
        switch (command)
        {
            case AppointEmployee c:
                RuleViolationException.ThrowIfInvalid(c.Request is not null, Rules.WellFormedInput, "the appointment request is missing");
                RuleViolationException.ThrowIfInvalid(c.Request!.EmployeeId.Value == Key, Rules.WellFormedInput,
                    $"the request appoints {c.Request.EmployeeId}, but this is employee {Key}");
                RuleViolationException.ThrowIfInvalid(!string.IsNullOrWhiteSpace(c.Name) && c.Name.Length <= 100 && c.Name.Trim() == c.Name,
                    Rules.WellFormedInput, $"the name '{c.Name}' must be 1–100 characters without surrounding spaces");
                await EnsureDepartmentExistsAsync(c.Request.DepartmentId, "appointed into", cancellationToken);
                e.Hire(on, c.Request, _services.Profile.Posts, c.Waiver);
                return null;
            case RecordProbationOutcome c when c.Passed:
                e.PassProbation(on);
                return null;
            case RecordProbationOutcome c:
                e.FailProbation(on, c.Reason ?? string.Empty);
                return null;
            case PromoteEmployee c:
                e.Promote(on, c.To, _services.Profile.Posts, c.Waiver);
                return null;
            case RecordTrialOutcome c when c.Passed:
                e.PassTrial(on);
                return null;
            case RecordTrialOutcome c:
                e.FailTrial(on, c.Reason ?? string.Empty);
                return null;
            case ChangePost c:
                e.ChangePost(on, c.To, c.Reason);
                return null;
            case Abstractions.OpenRenewal:
                e.OpenRenewal(on);
                return null;
            case Abstractions.RenewContract:
                OpenRenewalIfNeeded(on);
                e.Renew(on);
                return null;
            case DeclineRenewal c:
                OpenRenewalIfNeeded(on);
                e.DeclineRenewal(on, c.Reason);
                return null;
            case RotateEmployee c:
                await EnsureDepartmentExistsAsync(c.To, "rotated into", cancellationToken);
                e.Rotate(on, c.To, c.Level);
                return null;
            case ResignEmployee:
                e.Resign(on);
                return null;
            case TransferOut c:
                e.TransferOut(on, c.Destination);
                return null;
            case RetireEmployee:
                e.Retire(on);
                return null;
            case DismissEmployee c:
                e.Dismiss(on, c.Cause, c.Reason);
                return null;
            case RecordSanction c:
                e.RecordSanction(c.ImposedOn, c.Kind, c.Authority, c.Reason, c.PeriodEnd);
                return null;
            case OpenInvestigation c:
                e.OpenInvestigation(on, c.Reason);
                return null;
            case CloseInvestigation c:
                e.CloseInvestigation(on, c.Outcome);
                return null;
            case RecordLeave c:
                e.RecordLeave(on, c.Kind, c.Period);
                return null;
            case RecordAbsence c:
                e.RecordAbsence(on, c.Kind, c.Period);
                return null;
            case RecordOvertime c:
                e.RecordOvertime(on, c.Day, c.Hours);
                return null;
            case RecordLateness c:
                e.RecordLateness(on, c.Day, c.Kind);
                return null;
            case RecordHealthIncapacity c:
                e.RecordHealthIncapacity(on, c.Period);
                return null;
            case RecordSecondment c:
                e.RecordSecondment(on, c.ReceivingUnit, c.Period);
                return null;
            case RecordQualifications c:
                e.RecordQualifications(on, c.Rank, c.RankSince, c.Education);
                return null;
            case RecordQuarterlyGrade c:
                return await GradeQuarterAsync(c, on, cancellationToken);
            case CorrectQuarterlyGrade c:
                return await CorrectQuarterAsync(c, on, cancellationToken);
            case ProposeExcellent c:
                e.ProposeExcellent(on, c.Year);
                return null;
            case RecordAnnualGrade c:
                return await GradeYearAsync(c, on, cancellationToken);
            case CorrectAnnualGrade c:
                return await CorrectYearAsync(c, on, cancellationToken);
            case AppealAnnualGrade c:
                e.AppealAnnualGrade(on, c.Year);
                return null;
            case ResolveAppeal c:
                e.ResolveAppeal(on, c.Year, c.Outcome, c.RevisedGrade);
                return null;
            case OrderLeadershipAdjustment c:
                e.OrderLeadershipAdjustment(on, c.Department, c.Year);
                return null;
            case RescindLeadershipAdjustment c:
                e.RescindLeadershipAdjustment(on, c.Department, c.Year);
                return null;
            case RecordRankingPlace c:
                e.RecordRankingPlace(on, c.Year, c.Place, c.GroupSize, RankingPolicyOrRefuse(), c.PlaceFromBottom);
                return null;
            case SignAnnualFeedback c:
                e.SignAnnualFeedback(on, c.Year);
                return null;
            default:
                throw new RuleViolationException(Rules.WellFormedInput, $"unknown employee command {command.GetType().Name}", ViolationKind.InvalidArgument);
        }
    }

    /// <summary>The running profile's ranking rules; a grade-based profile has none, and a ranking place would bring
    /// no consequence there, so it is refused rather than recorded to no effect.</summary>
    private Personnel.Domain.Ranking.RankingPolicy RankingPolicyOrRefuse()
    {
        var profile = _services.Profile;
        return profile.Consequences is { Basis: Personnel.Domain.Profiles.ConsequenceBasis.Ranking, Ranking: { } ranking }
            ? ranking
            : throw new RuleViolationException(Rules.RankingConsequences,
                $"the running policy profile '{profile.Name}' judges the year by grade, not by ranking; ranking places are recorded "
                + "under a ranking-based profile such as yangshahu-2020");
    }

    /// <summary>The API decides a renewal in one call: the decision opens it first (AM 第九条: within the renewal window
    /// before the term ends, refused earlier naming the window) unless it is open already.</summary>
    private void OpenRenewalIfNeeded(DateOnly on)
    {
        EnsureAppointed();
        if (!Aggregate.IsIn(ContractState.AwaitingRenewal))
        {
            Aggregate.OpenRenewal(on);
        }
    }

    private DepartmentId AssessorOn(DateOnly day) => day >= Aggregate.AppointedOn ? Aggregate.AssessingUnitOn(day) : Aggregate.Department;

    private void EnsureAppointed()
    {
        if (!Aggregate.IsAppointed)
        {
            throw new RuleViolationException(Rules.EmployeeMustExist, $"{Key} has not been appointed", ViolationKind.NotFound);
        }
    }
}
