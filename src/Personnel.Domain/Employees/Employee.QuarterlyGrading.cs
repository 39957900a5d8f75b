using Personnel.Domain.Common;
using Personnel.Domain.Grading;

namespace Personnel.Domain.Employees;

public sealed partial class Employee
{
    private readonly Dictionary<Quarter, QuarterlyGradeRecorded> _quarterly = [];

    public IReadOnlyDictionary<Quarter, QuarterlyGradeRecorded> QuarterlyGrades => _quarterly;

    /// <summary>
    /// Records a quarterly grade, or no grade (<paramref name="grade"/> null) when a reason of the
    /// measures applies: probation (AS 第二十三条), leave over half (第二十五条), investigation
    /// (第二十六条), 记过 or heavier (第二十七条). A Good needs the department ledger's grant
    /// (<see cref="GoodQuotaLedger.Grant"/>, AS 第八条) and no warning period in the quarter.
    /// <paramref name="gradedBy"/> must be the assessing unit (AS 第二十四条).
    /// </summary>
    public void RecordQuarterlyGrade(
        DateOnly on, Quarter quarter, QuarterlyGrade? grade, DepartmentId gradedBy, GoodQuotaGranted? goodQuota = null, string? comments = null)
    {
        EnsureAppointed();
        RuleViolationException.ThrowIfInvalid(grade is null || Enum.IsDefined(grade.Value), Rules.WellFormedInput, $"quarterly grade {(int?)grade} does not exist");
        RuleViolationException.ThrowIfInvalid(
            quarter.LastDay >= AppointedOn, Rules.WellFormedInput,
            $"{quarter} ended before the appointment on {AppointedOn:yyyy-MM-dd}");
        var opens = quarter.LastDay.AddDays(1).AddMonths(-1);
        RuleViolationException.ThrowUnless(
            on >= opens, Rules.QuarterlyAssessmentTiming, $"{quarter} may be graded from {opens:yyyy-MM-dd}, not on {on:yyyy-MM-dd}");
        EnsureAllowed(ContractTrigger.RecordQuarterlyGrade, on);
        var assessor = AssessingUnitOn(quarter.LastDay);
        RuleViolationException.ThrowUnless(
            gradedBy == assessor, Rules.AssessingUnit, $"{Id} is graded for {quarter} by {assessor}, not {gradedBy}");
        EnsureNotGradedYet(_quarterly.TryGetValue(quarter, out var existing) ? existing.NoGradeReason : null, existing is not null, quarter.ToString());

        var reason = NoGradeReasonFor(quarter.Period, on, annual: false);
        CheckGradeAgainstReason(grade.HasValue, reason, quarter.ToString());
        CheckComments(comments, reason, quarter.ToString());
        CheckGoodQuota(quarter, grade, gradedBy, goodQuota);
        RaiseWithFollowUp(on, quarter, grade,
            new QuarterlyGradeRecorded(on, quarter, gradedBy, grade, reason, string.IsNullOrWhiteSpace(comments) ? null : comments));
    }

    /// <summary>
    /// Corrects (更正) the recorded grade of <paramref name="quarter"/> to <paramref name="grade"/>, with the reason. The grade
    /// corrected is replaced in every answer (pay, lists, the year's conditions) and both records stay in the history. A
    /// corrected Good needs the department ledger's grant, as a recorded one does (AS 第八条); one corrected away from Good
    /// gives its grant back (the grain releases it). Refused once the year's annual grade is recorded: it rests on the
    /// quarters (AS 第十三条), and is changed only through review and appeal (AS 第二十八条).
    /// </summary>
    public void CorrectQuarterlyGrade(DateOnly on, Quarter quarter, QuarterlyGrade grade, string reason, GoodQuotaGranted? goodQuota = null)
    {
        EnsureAppointed();
        RuleViolationException.ThrowIfInvalid(Enum.IsDefined(grade), Rules.WellFormedInput, $"quarterly grade {(int)grade} does not exist");
        RuleViolationException.ThrowIfInvalid(!string.IsNullOrWhiteSpace(reason), Rules.QuarterlyGradeCorrection,
            $"a correction of {Id}'s {quarter} grade states its reason");
        if (!_quarterly.TryGetValue(quarter, out var recorded))
        {
            throw new RuleViolationException(Rules.QuarterlyGradeCorrection, $"{Id} has no grade for {quarter} to correct: record it", ViolationKind.NotFound);
        }

        RuleViolationException.ThrowUnless(recorded.Grade is not null, Rules.QuarterlyGradeCorrection,
            $"{Id} has no grade for {quarter} ({recorded.NoGradeReason}): a withheld grade is set afterwards (补定等次), not corrected");
        RuleViolationException.ThrowUnless(recorded.Grade != grade, Rules.QuarterlyGradeCorrection,
            $"{Id}'s {quarter} grade is already {grade}: nothing to correct");
        RuleViolationException.ThrowUnless(!_annual.TryGetValue(quarter.Year, out var annual), Rules.QuarterlyGradeCorrection,
            $"{Id}'s {quarter.Year} annual grade was recorded on {annual?.OccurredOn:yyyy-MM-dd} on these quarters: it stands unless reviewed or appealed (AS 第二十八条)");
        RuleViolationException.ThrowUnless(on >= recorded.OccurredOn, Rules.QuarterlyGradeCorrection,
            $"the correction on {on:yyyy-MM-dd} precedes the grade it corrects, recorded on {recorded.OccurredOn:yyyy-MM-dd}");
        EnsureAllowed(ContractTrigger.RecordQuarterlyGrade, on);
        CheckGoodQuota(quarter, grade, recorded.GradedBy, goodQuota);
        RaiseWithFollowUp(on, quarter, grade,
            new QuarterlyGradeCorrected(on, quarter, recorded.GradedBy, recorded.Grade!.Value, grade, reason.Trim()));
    }

    /// <summary>A Good needs no warning period in the quarter (AS 第二十七条) and the assessing unit's grant for this person and
    /// quarter (AS 第八条); any other grade comes without a grant.</summary>
    private void CheckGoodQuota(Quarter quarter, QuarterlyGrade? grade, DepartmentId gradedBy, GoodQuotaGranted? goodQuota)
    {
        if (grade == QuarterlyGrade.Good)
        {
            var warning = _sanctions.FirstOrDefault(s => s.Kind == SanctionKind.Warning && s.Period.Overlaps(quarter.Period));
            RuleViolationException.ThrowUnless(warning is null, Rules.SanctionEffects,
                $"a warning (警告) runs {warning?.Period}, during {quarter}: no Good");
            RuleViolationException.ThrowUnless(goodQuota is not null, Rules.GoodQuota,
                $"a Good for {Id} in {quarter} needs a grant from the Good quota ledger of {gradedBy}");
            RuleViolationException.ThrowIfInvalid(
                goodQuota!.EmployeeId == Id && goodQuota.Quarter == quarter && goodQuota.DepartmentId == gradedBy, Rules.GoodQuota,
                $"the grant is for {goodQuota.EmployeeId} in {goodQuota.DepartmentId} {goodQuota.Quarter}, not {Id} in {gradedBy} {quarter}");
        }
        else
        {
            RuleViolationException.ThrowIfInvalid(goodQuota is null, Rules.GoodQuota, $"a Good grant was given for a {grade?.ToString() ?? "no grade"}");
        }
    }

    /// <summary>Raises a quarter's grade (recorded or corrected) with the follow-up it calls for, if any (AS 第十八条).</summary>
    private void RaiseWithFollowUp(DateOnly on, Quarter quarter, QuarterlyGrade? grade, EmployeeEvent graded)
    {
        if (FollowUpOf(grade) is { } followUp)
        {
            Raise(graded, new QuarterlyFollowUpDue(on, quarter, followUp));
        }
        else
        {
            Raise(graded);
        }
    }

    /// <summary>The follow-up a quarterly grade calls for (AS 第十八条); none for FairlyGood or no grade.</summary>
    private static QuarterlyFollowUp? FollowUpOf(QuarterlyGrade? grade) => grade switch
    {
        QuarterlyGrade.Good => QuarterlyFollowUp.PraiseOrReward,
        QuarterlyGrade.Average => QuarterlyFollowUp.TalkAndRectification,
        QuarterlyGrade.Poor => QuarterlyFollowUp.CriticismPossibleAdmonishment,
        _ => null,
    };

    /// <summary>
    /// Why the person gets no grade for <paramref name="period"/> as of <paramref name="on"/>, or null.
    /// Annual periods look at sanctions by the year they were imposed (AS 第二十七条(一)); quarters at
    /// the sanction periods (第二十七条(二)).
    /// </summary>
    public NoGradeReason? NoGradeReasonFor(DatePeriod period, DateOnly on, bool annual)
    {
        if (IsUnderInvestigation && _investigations[^1].Opened <= on)
        {
            return NoGradeReason.UnderInvestigation;
        }

        if (ProbationEnd is { } probationEnd)
        {
            var probation = new DatePeriod(AppointedOn, probationEnd);
            var inProbation = Policy.ProbationNoGradeWhen == ProbationOverlap.AnyDayOfPeriod
                ? probation.Overlaps(period)
                : probation.Contains(period.End);
            if (inProbation)
            {
                return NoGradeReason.InProbation;
            }
        }

        var sanctioned = annual
            ? _sanctions.Any(s => (s.Kind is >= SanctionKind.Demerit and < SanctionKind.Expulsion && s.OccurredOn.Year == period.Start.Year)
                || (s.Kind is >= SanctionKind.MajorDemerit and < SanctionKind.Expulsion && s.OccurredOn.Year == period.Start.Year - 1))
            : _sanctions.Any(s => s.Kind is >= SanctionKind.Demerit and < SanctionKind.Expulsion && s.Period.Overlaps(period));
        if (sanctioned)
        {
            return NoGradeReason.Sanctioned;
        }

        var leaveDays = _leaves.Where(l => l.Kind is LeaveKind.Sick or LeaveKind.Personal).Sum(l => l.Period.OverlapDays(period));
        return leaveDays * 2 > period.Days ? NoGradeReason.LeaveOverHalf : null;
    }

    /// <summary>A period is graded once; a grade withheld for an investigation closed with no sanction or a warning may be set afterwards (补定等次).</summary>
    private void EnsureNotGradedYet(NoGradeReason? existingReason, bool exists, string period)
    {
        if (!exists)
        {
            return;
        }

        var reopened = existingReason == NoGradeReason.UnderInvestigation
            && _investigations.Count > 0
            && _investigations[^1].Outcome is InvestigationOutcome.NoSanction or InvestigationOutcome.Warning;
        if (!reopened)
        {
            throw new RuleViolationException(Rules.OneGradePerPeriod,
                $"{Id} already has a result for {period}; a grade recorded wrongly is corrected (更正) with its reason, not recorded again", ViolationKind.AlreadyExists);
        }
    }

    private static void CheckGradeAgainstReason(bool hasGrade, NoGradeReason? reason, string period)
    {
        if (reason is { } r && hasGrade)
        {
            throw new RuleViolationException(RuleOf(r), $"no grade for {period}: {Describe(r)}; comments only");
        }

        RuleViolationException.ThrowUnless(
            hasGrade || reason is not null, Rules.GradeRequired,
            $"no reason to withhold the grade for {period} applies (probation, leave over half, investigation, sanction)");
    }

    /// <summary>Comments (评语) are written with any result, except under investigation: no comments, no grade (AS 第二十六条).</summary>
    private static void CheckComments(string? comments, NoGradeReason? reason, string period)
    {
        RuleViolationException.ThrowUnless(
            string.IsNullOrWhiteSpace(comments) || reason != NoGradeReason.UnderInvestigation, Rules.InvestigationNoGrade,
            $"no comments for {period}: an investigation is open");
        RuleViolationException.ThrowIfInvalid(
            comments is null || comments.Length <= 2000, Rules.WellFormedInput, $"the comments for {period} run {comments?.Length} characters, over 2000");
    }

    /// <summary>
    /// A grade set afterwards (补定等次, AS 第二十六条) needs an investigation that covered <paramref name="period"/> and closed,
    /// by <paramref name="on"/>, with no sanction or a warning.
    /// </summary>
    private void CheckSetAfterInvestigation(DatePeriod period, DateOnly on, string label)
    {
        var closed = _investigations.LastOrDefault(i => i.Opened <= period.End && i.Closed is { } c && c <= on);
        RuleViolationException.ThrowUnless(
            closed is { Outcome: InvestigationOutcome.NoSanction or InvestigationOutcome.Warning }, Rules.InvestigationNoGrade,
            closed is null
                ? $"{label} is set afterwards, but no investigation covering it has closed by {on:yyyy-MM-dd}"
                : $"{label} is set afterwards, but the investigation opened {closed.Opened:yyyy-MM-dd} closed with {closed.Outcome}: only no sanction or a warning lets the grade be set afterwards");
    }

    private static Rule RuleOf(NoGradeReason reason) => reason switch
    {
        NoGradeReason.InProbation => Rules.ProbationNoGrade,
        NoGradeReason.UnderInvestigation => Rules.InvestigationNoGrade,
        NoGradeReason.Sanctioned => Rules.SanctionEffects,
        NoGradeReason.LeaveOverHalf => Rules.LeaveOverHalf,
        _ => Rules.GradeRequired,
    };

    private static string Describe(NoGradeReason reason) => reason switch
    {
        NoGradeReason.InProbation => "the person is in probation",
        NoGradeReason.UnderInvestigation => "an investigation is open",
        NoGradeReason.Sanctioned => "a sanction of 记过 or heavier applies",
        NoGradeReason.LeaveOverHalf => "sick or personal leave exceeds half the period",
        _ => reason.ToString(),
    };
}
