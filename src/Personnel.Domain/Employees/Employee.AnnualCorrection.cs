using Personnel.Domain.Common;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

public sealed partial class Employee
{
    private readonly Dictionary<int, AnnualGradeCorrected> _annualCorrections = [];

    /// <summary>
    /// Corrects (更正) the recorded annual grade of <paramref name="year"/> to <paramref name="grade"/>, with the reason, outside
    /// review and appeal (AS 第二十八条). The consequences only the old grade called for are undone — a demotion reversed, a
    /// termination it caused reinstated, the rest withdrawn (<see cref="AnnualConsequenceWithdrawn"/>) — and those only the new
    /// grade calls for are applied on <paramref name="on"/>; what both call for stays as recorded. The new grade meets the
    /// constraints of RULES §5 a recorded one meets (AS 第十三条; for Excellent the notice, the bar and the quota grant from
    /// <paramref name="department"/>'s ledger, AS 第九条, 第十二条). Refused while the consequences cannot be undone cleanly
    /// (<see cref="CorrectionRefusal"/>).
    /// </summary>
    /// <remarks>The assessment facts behind a forced Incompetent (AS 第十五条) are not part of the record, so a correction away
    /// from Incompetent rests on the graders' stated reason; it is audited with who recorded it.</remarks>
    public void CorrectAnnualGrade(
        DateOnly on, int year, AnnualGrade grade, string reason, DepartmentYearFacts? department = null, ExcellentQuotaGranted? excellentQuota = null)
    {
        EnsureAppointed();
        RuleViolationException.ThrowIfInvalid(Enum.IsDefined(grade), Rules.WellFormedInput, $"annual grade {(int)grade} does not exist");
        RuleViolationException.ThrowIfInvalid(!string.IsNullOrWhiteSpace(reason), Rules.AnnualGradeCorrection,
            $"a correction of {Id}'s {year} grade states its reason");
        if (CorrectionRefusal(on, year) is { } refusal)
        {
            throw refusal;
        }

        var recorded = _annual[year];
        var from = recorded.Grade!.Value;
        RuleViolationException.ThrowUnless(from != grade, Rules.AnnualGradeCorrection, $"{Id}'s {year} grade is already {grade}: nothing to correct");
        CheckGradeAgainstReason(true, NoGradeReasonFor(DatePeriod.OfYear(year), on, annual: true), year.ToString());
        CheckAveragePoorMajority(grade, year);
        if (grade == AnnualGrade.Excellent)
        {
            RuleViolationException.ThrowIfInvalid(department is not null && department.DepartmentId == recorded.GradedBy && department.Year == year,
                Rules.ExcellentQuota, $"an Excellent for {Id} in {year} needs the facts of {recorded.GradedBy} {year}, the unit that graded it");
            CheckExcellent(on, year, department!, excellentQuota);
        }
        else
        {
            RuleViolationException.ThrowIfInvalid(excellentQuota is null, Rules.ExcellentQuota, $"an Excellent grant was given for {grade}");
        }

        var events = new List<EmployeeEvent> { new AnnualGradeCorrected(on, year, recorded.GradedBy, from, grade, reason.Trim()) };
        var kept = Recompute(on, year, from.ToOutcome(), grade.ToOutcome(), events);
        var applied = ConsequencesOf(on, year, grade.ToOutcome(), LevelAfter(events).Grade, kept);
        if (applied.Any(c => c is ContractTerminated))
        {
            EnsureAllowed(ContractTrigger.Terminate, on);
        }

        Raise([.. events, .. applied]);
    }

    /// <summary>
    /// Why the grade of <paramref name="year"/> cannot be corrected on <paramref name="on"/>, or null: nothing recorded (NOT_FOUND),
    /// no grade recorded (set afterwards, 补定等次, instead), a date before the grade, a later year graded (its consecutive
    /// consequences rest on this one), review or appeal (their own path, AS 第二十八条), a contract closed other than by this
    /// year's termination, or a termination past the retirement date (no reinstatement possible).
    /// </summary>
    public RuleViolationException? CorrectionRefusal(DateOnly on, int year)
    {
        var rule = Rules.AnnualGradeCorrection;
        if (!_annual.TryGetValue(year, out var recorded))
        {
            return new RuleViolationException(rule, $"{Id} has no grade for {year} to correct: record it", ViolationKind.NotFound);
        }

        var decidedOn = ResultDecidedOn(year);
        var later = _annual.Values.FirstOrDefault(a => a.Year > year);
        var refusal =
            recorded.Grade is null ? $"{Id} has no grade for {year} ({recorded.NoGradeReason}): a withheld grade is set afterwards (补定等次), not corrected"
            : on < decidedOn ? $"the correction on {on:yyyy-MM-dd} precedes the {year} grade it corrects, decided on {decidedOn:yyyy-MM-dd}"
            : later is not null ? $"{Id}'s {later.Year} grade, recorded on {later.OccurredOn:yyyy-MM-dd}, rests on the {year} grade (consecutive years, AS 第十九条–第二十二条): the {year} grade is changed only by review or appeal (复核、申诉)"
            : _appeals.TryGetValue(year, out var resolved) ? $"{Id}'s {year} grade {(resolved ? "was" : "is being")} reviewed or appealed (复核、申诉): it changes on that path (AS 第二十八条), not by a correction"
            : null;
        if (refusal is not null)
        {
            return new RuleViolationException(rule, refusal);
        }

        if (RefusalOf(ContractTrigger.CorrectAnnualGrade, on) is { } closed)
        {
            return closed;
        }

        if (State == ContractState.Terminated && _terminationYear != year)
        {
            return new RuleViolationException(rule, $"{Id}'s contract was terminated for {_terminationYear - 1} and {_terminationYear}, not on the {year} grade alone");
        }

        return State == ContractState.Terminated && on >= RetirementDate
            ? new RuleViolationException(rule, $"{Id}'s contract was terminated on the {year} grade and the retirement date {RetirementDate:yyyy-MM-dd} has passed: it can no longer be reinstated")
            : null;
    }

    /// <summary>The day <paramref name="year"/>'s result as it stands was decided: its last correction, else its recording.</summary>
    private DateOnly ResultDecidedOn(int year) =>
        _annualCorrections.TryGetValue(year, out var corrected) ? corrected.OccurredOn : _annual[year].OccurredOn;

    /// <summary>
    /// Undoes the consequences recorded for <paramref name="year"/> that <paramref name="to"/> does not call for, adding the events
    /// to <paramref name="events"/>; returns the ones both outcomes call for, which stay as recorded. A commendation is never
    /// kept across a change to or from Excellent: the year's merit follows Excellent alone (AS 第十九条).
    /// </summary>
    private HashSet<Consequence> Recompute(DateOnly on, int year, AnnualOutcome from, AnnualOutcome to, List<EmployeeEvent> events)
    {
        var recorded = RecordedConsequences(year);
        var kept = recorded.Intersect(DueConsequences(year, to)).ToHashSet();
        if ((from == AnnualOutcome.Excellent) != (to == AnnualOutcome.Excellent))
        {
            kept.Remove(Consequence.Commendation);
        }

        foreach (var consequence in recorded.Except(kept).Order())
        {
            switch (consequence)
            {
                case Consequence.Demotion when _demotions.ContainsKey(year):
                    var grade = PostLevel.Grade;
                    if (grade.RaiseOne(Policy.DemotionUnit) is { } restored)
                    {
                        events.Add(new DemotionReversed(on, year, grade, restored));
                    }

                    break;
                case Consequence.ContractTermination:
                    events.Add(new EmployeeReinstated(on, year));
                    break;
                default:
                    events.Add(new AnnualConsequenceWithdrawn(on, year, consequence));
                    break;
            }
        }

        return kept;
    }

    /// <summary>The post level once <paramref name="events"/> apply: a reversed demotion raises it.</summary>
    private PostLevel LevelAfter(List<EmployeeEvent> events) =>
        events.OfType<DemotionReversed>().LastOrDefault() is { } reversed ? PostLevel with { Grade = reversed.To } : PostLevel;

    /// <summary>The consequences in effect for <paramref name="year"/>'s annual grade, by kind.</summary>
    private SortedSet<Consequence> RecordedConsequences(int year)
    {
        var kinds = new SortedSet<Consequence>();
        foreach (var @event in _consequences)
        {
            Consequence? kind = @event switch
            {
                CommendationAwarded e when e.Year == year => Consequence.Commendation,
                Admonished e when e.Year == year => Consequence.Admonishment,
                YearNotCounted e when e.Year == year => Consequence.YearNotCounted,
                PromotionFrozen e when e.Year == year => Consequence.PromotionFreeze,
                DemotionFloorReached e when e.Year == year => Consequence.Demotion,
                _ => null,
            };
            if (kind is { } k)
            {
                kinds.Add(k);
            }
        }

        if (_demotions.ContainsKey(year))
        {
            kinds.Add(Consequence.Demotion);
        }

        if (_postAdjustments.Any(p => IsPostAdjustmentOf(p, year)))
        {
            kinds.Add(Consequence.PostAdjustment);
        }

        if (State == ContractState.Terminated && _terminationYear == year)
        {
            kinds.Add(Consequence.ContractTermination);
        }

        return kinds;
    }

    /// <summary>True when <paramref name="due"/> was made due by <paramref name="year"/>'s annual grade: it names the year, or,
    /// recorded before post adjustments named one, it came with the grade under AS 第二十条 or 第二十二条.</summary>
    private bool IsPostAdjustmentOf(PostAdjustmentDue due, int year) =>
        due.Year == year
        || (due.Year is null && due.RuleCode is "AS-20" or "AS-22" && _annual.TryGetValue(year, out var recorded) && due.OccurredOn == recorded.OccurredOn);

    /// <summary>Applies a withdrawal: the consequence leaves the consequences in effect; a freeze is recomputed from the rest.</summary>
    private void Withdraw(AnnualConsequenceWithdrawn withdrawn)
    {
        var year = withdrawn.Year;
        switch (withdrawn.Consequence)
        {
            case Consequence.Commendation:
                _consequences.RemoveAll(e => (e is CommendationAwarded c && c.Year == year) || (e is MeritAwarded m && m.Year == year));
                _merits.RemoveAll(m => m.Year == year);
                break;
            case Consequence.Admonishment:
                _consequences.RemoveAll(e => e is Admonished a && a.Year == year);
                break;
            case Consequence.YearNotCounted:
                _consequences.RemoveAll(e => e is YearNotCounted y && y.Year == year);
                break;
            case Consequence.PromotionFreeze:
                _consequences.RemoveAll(e => e is PromotionFrozen f && f.Year == year);
                PromotionFrozenUntil = _consequences.OfType<PromotionFrozen>().Select(f => (DateOnly?)f.Until).Max();
                break;
            case Consequence.Demotion:
                _consequences.RemoveAll(e => e is DemotionFloorReached f && f.Year == year);
                break;
            case Consequence.PostAdjustment:
                _postAdjustments.RemoveAll(p => IsPostAdjustmentOf(p, year));
                break;
            default:
                throw new InvalidOperationException($"{withdrawn.Consequence} is undone by its own event, not withdrawn");
        }
    }
}
