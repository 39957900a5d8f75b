using System.Text.Json;
using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Grains.Employees;

/// <summary>Grading: quarterly and annual grades and their corrections, with the Good and Excellent quota grants their
/// commits carry (AS 第八条, 第十二条).</summary>
public sealed partial class EmployeeGrain
{
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
}
