using Personnel.Domain.Common;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

public sealed partial class Employee
{
    private readonly List<EmployeeEvent> _history = [];

    /// <summary>Every event applied, committed or not, in order; for an aggregate restored from a snapshot
    /// (<see cref="HasWholeHistory"/> false) only the events applied since the snapshot.</summary>
    public IReadOnlyList<EmployeeEvent> History => _history;

    /// <summary>
    /// The tenure as of <paramref name="asOf"/>, from the history up to that date (RULES §6).
    /// <paramref name="earliestNextPostEligibility"/> judges AM 第五条 (Posts/Eligibility) from the
    /// other facts; without it the eligibility is left unset.
    /// </summary>
    /// <exception cref="InvalidOperationException">Restored from a snapshot (<see cref="HasWholeHistory"/> false): the answer
    /// replays the history up to <paramref name="asOf"/>, so the whole history must be loaded (a programming error).</exception>
    public Tenure TenureOn(DateOnly asOf, Func<Tenure, DateOnly?>? earliestNextPostEligibility = null)
    {
        EnsureAppointed();
        EnsureWholeHistory(nameof(TenureOn));
        if (asOf < AppointedOn)
        {
            throw new RuleViolationException(Rules.EmployeeMustExist, $"{Id} was appointed on {AppointedOn:yyyy-MM-dd}, after {asOf:yyyy-MM-dd}", ViolationKind.NotFound);
        }

        var then = FromHistory(_history.Where(e => e.OccurredOn <= asOf), Policy);
        // The rotation answer is this employee's timeline for the date, the very periods the rotation-due list reads.
        var tenure = then.CurrentTenure(asOf, RotationOn(asOf));
        return earliestNextPostEligibility is null ? tenure : tenure with { EarliestNextPostEligibility = earliestNextPostEligibility(tenure) };
    }

    /// <summary>Whole calendar years at the current grade that count: the grade held all year, the year over and graded so that it counts.</summary>
    public int CountedYearsOn(DateOnly asOf) =>
        _annual.Values.Count(a => new DateOnly(a.Year, 1, 1) >= GradeSince && new DateOnly(a.Year, 12, 31) < asOf
            && a.OccurredOn <= asOf && Policy.IsYearCounted(a.Outcome));

    /// <summary>
    /// The rotations due for the current role (AM 第十二条): heads and deputies after 2 (advisory) and 3
    /// (mandatory) full consecutive terms in the department; middle managers after 2 in the same post
    /// (advisory); a leadership adjustment makes the head's rotation mandatory at once (AM 第十七条).
    /// A term counts only when the whole of it was served in the role. Dues after retirement are dropped.
    /// </summary>
    public IReadOnlyList<RotationDue> RotationSchedule()
    {
        var schedule = new List<RotationDue>();
        if (!IsIn(ContractState.InService))
        {
            return schedule;
        }

        var employment = Policy.Employment;
        if (PostLevel.Post.IsLeadershipMember())
        {
            AddTermDue(schedule, employment.LeadershipAdvisoryRotationTerms, RotationStrength.Advisory, "head/deputy");
            AddTermDue(schedule, employment.LeadershipMandatoryRotationTerms, RotationStrength.Mandatory, "head/deputy");
        }
        else if (PostLevel.Post.IsMiddleManager())
        {
            AddTermDue(schedule, employment.MiddleManagerAdvisoryRotationTerms, RotationStrength.Advisory, "section chief/deputy in the same post");
        }

        if (MandatoryRotationOrderedOn is { } ordered)
        {
            schedule.Add(new RotationDue(ordered, RotationStrength.Mandatory,
                $"{Rules.LeadershipAdjustment.Article}: the yellow cards of {Department} forced a leadership adjustment, ordered on {ordered:yyyy-MM-dd}: the head's rotation is mandatory now"));
        }

        return schedule.OrderBy(r => r.DueOn).ThenBy(r => r.Strength).ToList();
    }

    /// <summary>The rotation that matters on <paramref name="asOf"/>: the strongest already due, else the next one.</summary>
    public static RotationDue? SelectRotation(IReadOnlyList<RotationDue> schedule, DateOnly asOf) =>
        schedule.Where(r => r.DueOn <= asOf).OrderByDescending(r => r.Strength).ThenByDescending(r => r.DueOn).FirstOrDefault()
        ?? schedule.Where(r => r.DueOn > asOf).OrderBy(r => r.DueOn).FirstOrDefault();

    private void AddTermDue(List<RotationDue> schedule, int terms, RotationStrength strength, string role)
    {
        var due = EndOfFullTermInRole(terms);
        if (due < RetirementDate)
        {
            schedule.Add(new RotationDue(due, strength,
                $"{Rules.Rotation.Article}: {terms} consecutive terms as {role} in {Department} since {RoleSince:yyyy-MM-dd}"));
        }
    }

    /// <summary>The end of the <paramref name="n"/>-th full term in the role: recorded terms where known, projected 3-year terms after.</summary>
    private DateOnly EndOfFullTermInRole(int n)
    {
        var full = _terms.Where(t => t.Start >= RoleSince).ToList();
        if (full.Count >= n)
        {
            return full[n - 1].End;
        }

        var years = Policy.Employment.TermYears;
        var nextStart = full.Count > 0 ? full[^1].End.AddDays(1) : TermEnd.AddDays(1);
        return nextStart.AddYears(years * (n - full.Count)).AddDays(-1);
    }

    /// <summary>Every annual record that does not count, with the post level held at the end of its year.</summary>
    private List<UncountedYear> CareerYearsNotCounted() =>
        _annual.Values
            .Where(a => !Policy.IsYearCounted(a.Outcome))
            .OrderBy(a => a.Year)
            .Select(a => new UncountedYear(a.Year, a.Outcome, a.NoGradeReason, PostLevelOn(new DateOnly(a.Year, 12, 31)) ?? PostHistory[^1].Level))
            .ToList();

    private Tenure CurrentTenure(DateOnly asOf, RotationPeriod? rotation)
    {
        var schedule = RotationSchedule();
        var uncounted = _annual.Values
            .Where(a => a.Year >= GradeSince.Year && !Policy.IsYearCounted(a.Outcome))
            .Select(a => new UncountedYear(a.Year, a.Outcome, a.NoGradeReason))
            .ToList();
        return new Tenure(
            asOf, Id, State, Department, PostLevel, PostSince, GradeSince, CountedYearsOn(asOf), uncounted,
            TermNumber, TermStart, TermEnd,
            State == ContractState.InProbation ? ProbationEnd : null,
            State == ContractState.InPromotionTrial ? TrialEnd : null,
            PromotionFrozenUntil is { } until && until > asOf ? until : null,
            rotation?.Due, schedule, RetirementDate, Rank, RankSince, Education)
        {
            ConsecutiveTerms = rotation?.ConsecutiveTerms ?? 0,
            CareerYearsNotCounted = CareerYearsNotCounted(),
        };
    }
}
