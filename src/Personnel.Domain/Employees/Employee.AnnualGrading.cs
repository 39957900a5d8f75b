using Personnel.Domain.Common;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

public sealed partial class Employee
{
    private readonly SortedDictionary<int, AnnualGradeRecorded> _annual = [];
    private readonly Dictionary<int, ExcellentProposed> _proposals = [];

    public IReadOnlyDictionary<int, AnnualGradeRecorded> AnnualGrades => _annual;

    /// <summary>
    /// Starts the public notice (公示) of a proposed Excellent grade (AS 第九条(四)); the decision may
    /// follow after the profile's working days (5). The person must be able to be Excellent: a Good
    /// quarter that year (第十三条), no warning that year (第二十七条), a grade not yet set — or one set otherwise that may
    /// still be corrected to Excellent (<see cref="CorrectAnnualGrade"/>), whose notice this is.
    /// </summary>
    public void ProposeExcellent(DateOnly on, int year)
    {
        EnsureAppointed();
        RuleViolationException.ThrowIfInvalid(year >= AppointedOn.Year && year <= on.Year, Rules.WellFormedInput,
            $"year {year} is outside the contract up to {on:yyyy-MM-dd}");
        EnsureAllowed(ContractTrigger.ProposeExcellent, on);
        if (_annual.TryGetValue(year, out var graded))
        {
            var uncorrectable = graded.Grade == AnnualGrade.Excellent ? null : CorrectionRefusal(on, year);
            RuleViolationException.ThrowUnless(graded.Grade is not (null or AnnualGrade.Excellent) && uncorrectable is null, Rules.OneGradePerPeriod,
                $"{Id} already has a result for {year}{(uncorrectable is null ? "" : $", which can no longer be corrected: {uncorrectable.Message}")}");
        }

        CheckExcellentPreconditions(year);
        var days = Policy.ExcellentNoticeWorkingDays;
        var earliest = on;
        while (Policy.Calendar.WorkingDaysBetween(on, earliest) < days)
        {
            earliest = earliest.AddDays(1);
        }

        Raise(new ExcellentProposed(on, year, earliest));
    }

    /// <summary>
    /// Records the annual grade, or no grade (<paramref name="grade"/> null) when a reason of the
    /// measures applies, and applies its consequences (AM 第十七条; AS 第十九条–第二十二条). Every
    /// constraint of RULES §5 is checked: the Average/Poor majority (AS 第十三条), the Excellent
    /// conditions (Good quarter, tier quota via <paramref name="excellentQuota"/>, leadership bar,
    /// warning, 5-working-day notice), the cases that force Incompetent (第十五条, 第二十八条).
    /// </summary>
    public void RecordAnnualGrade(
        DateOnly on, int year, AnnualGrade? grade, AnnualAssessment assessment, DepartmentYearFacts department,
        ExcellentQuotaGranted? excellentQuota = null)
    {
        EnsureAppointed();
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(department);
        RuleViolationException.ThrowIfInvalid(grade is null || Enum.IsDefined(grade.Value), Rules.WellFormedInput, $"annual grade {(int?)grade} does not exist");
        RuleViolationException.ThrowIfInvalid(year >= AppointedOn.Year, Rules.WellFormedInput,
            $"{year} ended before the appointment on {AppointedOn:yyyy-MM-dd}");
        RuleViolationException.ThrowIfInvalid(department.Year == year, Rules.WellFormedInput,
            $"the department facts are for {department.Year}, the grade for {year}");
        var opens = new DateOnly(year, 12, 1);
        RuleViolationException.ThrowUnless(on >= opens, Rules.AnnualAssessmentTiming,
            $"{year} may be graded from {opens:yyyy-MM-dd}, not on {on:yyyy-MM-dd}");
        EnsureAllowed(ContractTrigger.RecordAnnualGrade, on);
        var assessor = AssessingUnitOn(new DateOnly(year, 12, 31) < on ? new DateOnly(year, 12, 31) : on);
        RuleViolationException.ThrowUnless(department.DepartmentId == assessor, Rules.AssessingUnit,
            $"{Id} is graded for {year} by {assessor}, not {department.DepartmentId}");
        EnsureNotGradedYet(_annual.TryGetValue(year, out var existing) ? existing.NoGradeReason : null, existing is not null, year.ToString());
        if (assessment.SetAfterInvestigation)
        {
            CheckSetAfterInvestigation(DatePeriod.OfYear(year), on, year.ToString());
        }

        var reason = NoGradeReasonFor(DatePeriod.OfYear(year), on, annual: true);
        CheckComments(assessment.Comments, reason, year.ToString());
        if (reason is null)
        {
            CheckMandatoryIncompetent(grade, assessment, year);
        }

        CheckGradeAgainstReason(grade.HasValue, reason, year.ToString());
        CheckAveragePoorMajority(grade, year);
        if (grade == AnnualGrade.Excellent)
        {
            CheckExcellent(on, year, department, excellentQuota);
        }
        else
        {
            RuleViolationException.ThrowIfInvalid(excellentQuota is null, Rules.ExcellentQuota, $"an Excellent grant was given for {grade?.ToString() ?? "no grade"}");
        }

        // A result replacing one withheld for the investigation is a grade set afterwards, flagged or not.
        var afterInvestigation = assessment.SetAfterInvestigation || existing?.NoGradeReason == NoGradeReason.UnderInvestigation;
        var recorded = new AnnualGradeRecorded(
            on, year, department.DepartmentId, grade, reason, string.IsNullOrWhiteSpace(assessment.Comments) ? null : assessment.Comments, afterInvestigation);
        var consequences = ConsequencesOf(on, year, recorded.Outcome, PostLevel.Grade);
        if (consequences.Any(c => c is ContractTerminated))
        {
            EnsureAllowed(ContractTrigger.Terminate, on);
        }

        Raise([recorded, .. consequences]);
    }

    /// <summary>Appeals (复核/申诉) an Incompetent annual grade (AS 第二十八条).</summary>
    public void AppealAnnualGrade(DateOnly on, int year)
    {
        EnsureAppointed();
        EnsureAllowed(ContractTrigger.AppealAnnualGrade, on);
        RuleViolationException.ThrowUnless(
            _annual.TryGetValue(year, out var recorded) && recorded.Grade == AnnualGrade.Incompetent, Rules.AppealOfIncompetent,
            $"{Id} has no Incompetent grade for {year} to appeal");
        RuleViolationException.ThrowUnless(on >= recorded!.OccurredOn, Rules.WellFormedInput,
            $"the grade of {year} was set on {recorded.OccurredOn:yyyy-MM-dd}, after {on:yyyy-MM-dd}");
        if (_appeals.ContainsKey(year))
        {
            throw new RuleViolationException(Rules.AppealOfIncompetent, $"the grade of {year} has already been appealed", ViolationKind.AlreadyExists);
        }

        Raise(new AnnualGradeAppealed(on, year));
    }

    /// <summary>
    /// Decides an appeal (AS 第二十八条). A revision to Competent or BasicallyCompetent undoes the
    /// Incompetent consequences (the demotion, a termination it caused) and applies the new grade's.
    /// </summary>
    public void ResolveAppeal(DateOnly on, int year, AppealOutcome outcome, AnnualGrade? revisedGrade = null)
    {
        EnsureAppointed();
        EnsureAllowed(ContractTrigger.ResolveAppeal, on);
        RuleViolationException.ThrowUnless(
            _appeals.TryGetValue(year, out var resolved) && !resolved, Rules.AppealOfIncompetent, $"no appeal of {year} is pending for {Id}");
        if (outcome == AppealOutcome.Upheld)
        {
            RuleViolationException.ThrowIfInvalid(revisedGrade is null, Rules.AppealOfIncompetent, "an upheld grade is not revised");
            Raise(new AppealResolved(on, year, outcome, null));
            return;
        }

        RuleViolationException.ThrowIfInvalid(
            revisedGrade is AnnualGrade.Competent or AnnualGrade.BasicallyCompetent, Rules.AppealOfIncompetent,
            $"an appeal revises Incompetent to Competent or BasicallyCompetent, not {revisedGrade?.ToString() ?? "nothing"} (Excellent needs its notice and quota)");
        var events = new List<EmployeeEvent> { new AppealResolved(on, year, outcome, revisedGrade) };
        var grade = PostLevel.Grade;
        if (_demotions.ContainsKey(year) && grade.RaiseOne(Policy.DemotionUnit) is { } restored)
        {
            events.Add(new DemotionReversed(on, year, grade, restored));
            grade = restored;
        }

        // The termination rested on this year and the next or the previous one both being Incompetent.
        if (State == ContractState.Terminated && (_terminationYear == year || _terminationYear == year + 1))
        {
            events.Add(new EmployeeReinstated(on, year));
        }

        events.AddRange(ConsequencesOf(on, year, revisedGrade.ToOutcome(), grade));
        Raise([.. events]);
    }

    private void CheckMandatoryIncompetent(AnnualGrade? grade, AnnualAssessment assessment, int year)
    {
        if (grade == AnnualGrade.Incompetent)
        {
            return;
        }

        RuleViolationException.ThrowUnless(!assessment.RefusedToParticipate, Rules.RefusalToParticipate,
            $"{Id} refused to take part in the {year} assessment: Incompetent, not {grade?.ToString() ?? "no grade"}");
        RuleViolationException.ThrowUnless(assessment.MandatoryIncompetentCases.Count == 0, Rules.MandatoryIncompetent,
            $"{string.Join(", ", assessment.MandatoryIncompetentCases)} in {year}: Incompetent, not {grade?.ToString() ?? "no grade"}");
        if (assessment.Evaluation is { ConfirmedByOrganisation: true } evaluation)
        {
            var threshold = Policy.DemocraticEvaluationThreshold;
            RuleViolationException.ThrowUnless(!threshold.IsExceededBy(evaluation.IncompetentOrPoorVotes, evaluation.Votes), Rules.MandatoryIncompetent,
                $"{evaluation.IncompetentOrPoorVotes} of {evaluation.Votes} votes Incompetent/Poor, more than {threshold}, confirmed: Incompetent, not {grade?.ToString() ?? "no grade"}");
        }
    }

    private void CheckAveragePoorMajority(AnnualGrade? grade, int year)
    {
        if (grade is not (AnnualGrade.Excellent or AnnualGrade.Competent))
        {
            return;
        }

        var quarters = _quarterly.Values.Where(q => q.Quarter.Year == year).ToList();
        var weak = quarters.Count(q => q.Grade is QuarterlyGrade.Average or QuarterlyGrade.Poor);
        var basis = Policy.AveragePoorMajorityBase == QuarterMajorityBase.FourQuarters ? 4 : quarters.Count(q => q.Grade is not null);
        RuleViolationException.ThrowUnless(weak * 2 <= basis, Rules.AveragePoorMajority,
            $"{weak} Average/Poor quarters of {basis} in {year}: BasicallyCompetent or Incompetent, not {grade}");
    }

    private void CheckExcellentPreconditions(int year)
    {
        RuleViolationException.ThrowUnless(
            _quarterly.Values.Any(q => q.Quarter.Year == year && q.Grade == QuarterlyGrade.Good), Rules.ExcellentNeedsGood,
            $"{Id} had no quarterly Good in {year}");
        var warning = _sanctions.FirstOrDefault(s => s.Kind == SanctionKind.Warning && s.OccurredOn.Year == year);
        RuleViolationException.ThrowUnless(warning is null, Rules.SanctionEffects,
            $"a warning (警告) was imposed on {warning?.OccurredOn:yyyy-MM-dd}: not Excellent in {year}");
    }

    private void CheckExcellent(DateOnly on, int year, DepartmentYearFacts department, ExcellentQuotaGranted? quota)
    {
        CheckExcellentPreconditions(year);
        RuleViolationException.ThrowUnless(
            !(PostLevel.Post.IsLeadershipMember() && Policy.TiersBarringLeadershipExcellent.Contains(department.Tier)), Rules.LeadershipExcellentBar,
            $"{Id} is {PostLevel.Post} of {department.DepartmentId}, a tier {(int)department.Tier} department in {year}");
        RuleViolationException.ThrowUnless(_proposals.TryGetValue(year, out var proposal), Rules.ExcellentPublicNotice,
            $"no public notice of {Id} as proposed Excellent for {year}");
        var noticed = Policy.Calendar.WorkingDaysBetween(proposal!.OccurredOn, on);
        RuleViolationException.ThrowUnless(noticed >= Policy.ExcellentNoticeWorkingDays, Rules.ExcellentPublicNotice,
            $"the notice from {proposal.OccurredOn:yyyy-MM-dd} has run {noticed} working days by {on:yyyy-MM-dd}; {Policy.ExcellentNoticeWorkingDays} are needed (earliest {proposal.EarliestDecision:yyyy-MM-dd})");
        RuleViolationException.ThrowUnless(quota is not null, Rules.ExcellentQuota,
            $"an Excellent for {Id} in {year} needs a grant from the Excellent quota ledger of {department.DepartmentId}");
        RuleViolationException.ThrowIfInvalid(
            quota!.EmployeeId == Id && quota.Year == year && quota.DepartmentId == department.DepartmentId && quota.Tier == department.Tier,
            Rules.ExcellentQuota,
            $"the grant is for {quota.EmployeeId} in {quota.DepartmentId} {quota.Year} tier {(int)quota.Tier}, not {Id} in {department.DepartmentId} {year} tier {(int)department.Tier}");
    }
}
