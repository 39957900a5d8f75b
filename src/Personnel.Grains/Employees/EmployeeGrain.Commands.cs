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

    /// <summary>A Good takes one of the department-quarter's quota (AS 第八条): the ledger grants it against
    /// N = the department's gradable people, and the database re-checks the cap in the commit's transaction.</summary>
    private async Task<QuotaPart?> GradeQuarterAsync(RecordQuarterlyGrade command, DateOnly on, CancellationToken cancellationToken)
    {
        EnsureAppointed();
        var quarter = command.Quarter;
        var assessor = AssessorOn(quarter.LastDay);
        if (command.ForDepartment is { } named && named != assessor.Value)
        {
            throw new RuleViolationException(Rules.AssessingUnit,
                $"{Key} is graded for {quarter.Year} Q{quarter.Number} by department '{assessor.Value}', not by '{named}' named for this import; nothing was recorded");
        }

        if (command.Grade != QuarterlyGrade.Good)
        {
            Aggregate.RecordQuarterlyGrade(on, quarter, command.Grade, assessor, comments: command.Comments);
            return null;
        }

        return await TakeGoodAsync(assessor, quarter, on, grant => Aggregate.RecordQuarterlyGrade(on, quarter, QuarterlyGrade.Good, assessor, grant, command.Comments),
            cancellationToken);
    }

    /// <summary>The assessing unit's Good ledger for the quarter, the people it may grade then (N) and the ledger's stream.</summary>
    private async Task<(GoodQuotaLedger Ledger, int Eligible, string Stream)> GoodLedgerAsync(DepartmentId assessor, Quarter quarter, CancellationToken cancellationToken)
    {
        var eligible = await GrainFactory.GetGrain<IDepartmentGrain>(assessor.Value)
            .GetQuarterEligibleAsync(quarter.Year, quarter.Number, cancellationToken);
        var stream = StreamIds.GoodQuota(assessor.Value, quarter);
        var ledger = GoodQuotaLedger.FromHistory(assessor, quarter, await ReadQuotaEventsAsync(stream, cancellationToken));
        return (ledger, eligible, stream);
    }

    /// <summary>Takes one of the quarter's Goods (AS 第八条) for the grade <paramref name="record"/> makes with the grant; the
    /// grant and the capped counter are written in the grade's own commit.</summary>
    private async Task<QuotaPart> TakeGoodAsync(DepartmentId assessor, Quarter quarter, DateOnly on, Action<GoodQuotaGranted> record, CancellationToken cancellationToken)
    {
        var department = assessor.Value;
        var (ledger, eligible, stream) = await GoodLedgerAsync(assessor, quarter, cancellationToken);
        EnsureRoom(Rules.GoodQuota, department, quarter.Year, quarter.Number, QuotaMath.GoodCap(eligible, Policy), ledger, eligible);
        var grant = ledger.Grant(on, Aggregate.Id, eligible, Policy);
        record(grant);
        return new QuotaPart(
            QuotaAppend(stream, grant, on),
            [new SetQuarterEligible(department, quarter.Year, quarter.Number, eligible), new AddQuarterGood(department, quarter.Year, quarter.Number, 1, grant.Cap)],
            new QuotaStanding(department, quarter.Year, quarter.Number, eligible, grant.Cap, grant.Count));
    }

    /// <summary>
    /// A correction (更正) of a recorded quarterly grade: to Good it takes a grant of the assessing unit's Good quota as a
    /// recorded Good does (AS 第八条); from Good it gives the grant back, in the same transaction, so the quarter's count
    /// stays the number of Goods held. A correction between two other grades touches no quota.
    /// </summary>
    private async Task<QuotaPart?> CorrectQuarterAsync(CorrectQuarterlyGrade command, DateOnly on, CancellationToken cancellationToken)
    {
        EnsureAppointed();
        var quarter = command.Quarter;
        var previous = Aggregate.QuarterlyGrades.TryGetValue(quarter, out var recorded) ? recorded.Grade : null;
        var toGood = command.Grade == QuarterlyGrade.Good && previous is not QuarterlyGrade.Good;
        var fromGood = previous == QuarterlyGrade.Good && command.Grade != QuarterlyGrade.Good;
        if (recorded is null || !(toGood || fromGood))
        {
            // The aggregate gives every refusal (nothing recorded, same grade, the year graded …) and records the rest.
            Aggregate.CorrectQuarterlyGrade(on, quarter, command.Grade, command.Reason);
            return null;
        }

        if (toGood)
        {
            return await TakeGoodAsync(recorded.GradedBy, quarter, on,
                grant => Aggregate.CorrectQuarterlyGrade(on, quarter, command.Grade, command.Reason, grant), cancellationToken);
        }

        var department = recorded.GradedBy.Value;
        var (ledger, eligible, stream) = await GoodLedgerAsync(recorded.GradedBy, quarter, cancellationToken);
        var cap = QuotaMath.GoodCap(eligible, Policy);
        Aggregate.CorrectQuarterlyGrade(on, quarter, command.Grade, command.Reason);
        var released = ledger.Release(on, Aggregate.Id, command.Reason);
        return new QuotaPart(
            QuotaAppend(stream, released, on),
            [new AddQuarterGood(department, quarter.Year, quarter.Number, -1, cap)],
            new QuotaStanding(department, quarter.Year, quarter.Number, eligible, cap, ledger.Granted));
    }

    /// <summary>Refuses, before anything is decided, a command that places the person in a department never created.</summary>
    private async Task EnsureDepartmentExistsAsync(DepartmentId department, string placing, CancellationToken cancellationToken)
    {
        try
        {
            await GrainFactory.GetGrain<IDepartmentGrain>(department.Value).GetSnapshotAsync(cancellationToken);
        }
        catch (RuleRefusedException missing) when (missing.Kind == ViolationKind.NotFound)
        {
            throw new RuleViolationException(Rules.PlacedInExistingDepartment,
                $"{Key} would be {placing} department '{department.Value}', which does not exist; nothing was recorded", ViolationKind.NotFound);
        }
    }

    /// <summary>An Excellent takes one of the department-year's quota by its tier (AS 第十二条), asked of the department grain.</summary>
    private async Task<QuotaPart?> GradeYearAsync(RecordAnnualGrade command, DateOnly on, CancellationToken cancellationToken)
    {
        EnsureAppointed();
        var yearEnd = new DateOnly(command.Year, 12, 31);
        var assessor = AssessorOn(yearEnd < on ? yearEnd : on);
        if (command.Grade != AnnualGrade.Excellent)
        {
            // The tier and headcount are read only for an Excellent (its quota and the leadership bar); other
            // grades need no department facts, so none are fetched and none are made up beyond the unit.
            var unit = new DepartmentYearFacts(assessor, command.Year, DepartmentTier.Tier1, 0);
            Aggregate.RecordAnnualGrade(on, command.Year, command.Grade, command.Assessment ?? AnnualAssessment.None, unit);
            return null;
        }

        return await TakeExcellentAsync(assessor, command.Year, on,
            (facts, grant) => Aggregate.RecordAnnualGrade(on, command.Year, command.Grade, command.Assessment ?? AnnualAssessment.None, facts, grant),
            cancellationToken);
    }

    /// <summary>The assessing unit's Excellent ledger for the year, its tier and the people it may grade then, and the ledger's stream.</summary>
    private async Task<(ExcellentQuotaLedger Ledger, DepartmentYearFacts Facts, string Stream)> ExcellentLedgerAsync(
        DepartmentId assessor, int year, CancellationToken cancellationToken)
    {
        var facts = await GrainFactory.GetGrain<IDepartmentGrain>(assessor.Value).GetYearFactsAsync(year, cancellationToken);
        var stream = StreamIds.ExcellentQuota(assessor.Value, year);
        var ledger = ExcellentQuotaLedger.FromHistory(assessor, year, await ReadQuotaEventsAsync(stream, cancellationToken));
        return (ledger, facts, stream);
    }

    /// <summary>Takes one of the year's Excellent grades by the unit's tier (AS 第十二条) for the grade <paramref name="record"/> makes
    /// with the facts and the grant; the grant and the capped counter are written in the grade's own commit.</summary>
    private async Task<QuotaPart> TakeExcellentAsync(
        DepartmentId assessor, int year, DateOnly on, Action<DepartmentYearFacts, ExcellentQuotaGranted> record, CancellationToken cancellationToken)
    {
        var department = assessor.Value;
        var (ledger, facts, stream) = await ExcellentLedgerAsync(assessor, year, cancellationToken);
        EnsureRoom(Rules.ExcellentQuota, department, year, null, QuotaMath.ExcellentCap(facts.Tier, facts.Eligible, Policy), ledger, facts.Eligible);
        var grant = ledger.Grant(on, Aggregate.Id, facts, Policy);
        record(facts, grant);
        return new QuotaPart(
            QuotaAppend(stream, grant, on),
            [new SetYearQuota(department, year, (int)facts.Tier, facts.Eligible), new AddYearExcellent(department, year, 1, grant.Cap)],
            new QuotaStanding(department, year, null, facts.Eligible, grant.Cap, grant.Count));
    }

    /// <summary>
    /// A correction (更正) of a recorded annual grade: to Excellent it takes a grant of the grading unit's Excellent quota as a
    /// recorded Excellent does (AS 第十二条); from Excellent it gives the grant back, in the same transaction, so the year's count
    /// stays the number of Excellents held. Any other correction touches no quota.
    /// </summary>
    private async Task<QuotaPart?> CorrectYearAsync(CorrectAnnualGrade command, DateOnly on, CancellationToken cancellationToken)
    {
        EnsureAppointed();
        var year = command.Year;
        var previous = Aggregate.AnnualGrades.TryGetValue(year, out var recorded) ? recorded.Grade : null;
        var toExcellent = command.Grade == AnnualGrade.Excellent && previous is not (null or AnnualGrade.Excellent);
        var fromExcellent = previous == AnnualGrade.Excellent && command.Grade != AnnualGrade.Excellent;
        if (recorded is null || Aggregate.CorrectionRefusal(on, year) is not null || !(toExcellent || fromExcellent))
        {
            // The aggregate gives every refusal (nothing recorded, the same grade, a later year graded …) and records the rest.
            Aggregate.CorrectAnnualGrade(on, year, command.Grade, command.Reason);
            return null;
        }

        if (toExcellent)
        {
            return await TakeExcellentAsync(recorded.GradedBy, year, on,
                (facts, grant) => Aggregate.CorrectAnnualGrade(on, year, command.Grade, command.Reason, facts, grant), cancellationToken);
        }

        var department = recorded.GradedBy.Value;
        var (ledger, facts, stream) = await ExcellentLedgerAsync(recorded.GradedBy, year, cancellationToken);
        var cap = QuotaMath.ExcellentCap(ledger.Tier ?? facts.Tier, facts.Eligible, Policy);
        Aggregate.CorrectAnnualGrade(on, year, command.Grade, command.Reason);
        var released = ledger.Release(on, Aggregate.Id, command.Reason);
        return new QuotaPart(
            QuotaAppend(stream, released, on),
            [new AddYearExcellent(department, year, -1, cap)],
            new QuotaStanding(department, year, null, facts.Eligible, cap, ledger.Granted));
    }

    /// <summary>The ledger stream is appended at any version: its invariant (the cap) is enforced by the
    /// capped counter in the same transaction, so concurrent grants of one department do not conflict
    /// with each other; the employee's own stream still guards against a second grade of the person.
    /// A grant's Count is the count this grant saw; the counter holds the exact figure.</summary>
    private static StreamAppend QuotaAppend(string stream, QuotaEvent grant, DateOnly on) =>
        new(stream, ExpectedVersion.Any,
            [new NewEvent(GrainJson.Discriminator<QuotaEvent>(grant.GetType()), JsonSerializer.Serialize(grant, GrainJson.Options), on)]);

    /// <summary>A full ledger is refused the same way whether this node's read or the database's counter saw it first.</summary>
    private void EnsureRoom(Rule rule, string department, int year, int? quarter, int cap, QuotaLedger ledger, int eligible)
    {
        if (ledger.IsFullFor(Aggregate.Id, cap))
        {
            throw new QuotaExhaustedException($"{rule.Summary} ({rule.Article})", department, year, quarter, cap, ledger.Granted, eligible);
        }
    }

    private async Task<IReadOnlyList<QuotaEvent>> ReadQuotaEventsAsync(string stream, CancellationToken cancellationToken)
    {
        var recorded = await Store.ReadStreamAsync(stream, 1, cancellationToken);
        return recorded.Select(r => JsonSerializer.Deserialize<QuotaEvent>(r.Payload, GrainJson.Options)!).ToList();
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
