using Personnel.Domain.Common;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

/// <summary>
/// The rotation answer of every date (AM 第十二条, 第十七条), kept as the events are applied: a list of periods, each a
/// stretch of dates with one answer. A rotation becomes due, or mandatory, with the passage of time alone, so the answer
/// for a date is never "what was due at the last write" but the period covering that date. <see cref="TenureOn"/> and
/// the rotation-due read model both read these periods, so the single answer and the list cannot disagree.
/// </summary>
public sealed partial class Employee
{
    private readonly List<RotationPeriod> _rotationTimeline = [];
    private RotationInputs? _rotationInputs;

    /// <summary>Counts the recomputations of <see cref="RotationTimeline"/>: when it has not moved, neither has the timeline.</summary>
    public int RotationTimelineRevision { get; private set; }

    /// <summary>The rotation answer of every date from the appointment on, oldest first; the last period is open-ended.</summary>
    public IReadOnlyList<RotationPeriod> RotationTimeline => _rotationTimeline;

    /// <summary>The rotation answer on <paramref name="date"/>: the period covering it; null before the appointment.</summary>
    public RotationPeriod? RotationOn(DateOnly date)
    {
        for (var i = _rotationTimeline.Count - 1; i >= 0; i--)
        {
            if (_rotationTimeline[i].From <= date)
            {
                return _rotationTimeline[i];
            }
        }

        return null;
    }

    /// <summary>
    /// After an event on <paramref name="from"/>: when anything the rotation rules read has changed, the answers from that
    /// date on are recomputed from the schedule now known (the periods before it stay as they were decided). An event that
    /// changes none of it (a grade, a leave) leaves the timeline as it is.
    /// </summary>
    private void UpdateRotationTimeline(DateOnly from)
    {
        var inputs = RotationInputsNow();
        if (inputs is null || inputs == _rotationInputs)
        {
            return;
        }

        _rotationInputs = inputs;
        RotationTimelineRevision++;
        _rotationTimeline.RemoveAll(p => p.From >= from);
        if (_rotationTimeline.Count > 0)
        {
            _rotationTimeline[^1] = _rotationTimeline[^1] with { Until = from };
        }

        var schedule = RotationSchedule();
        var roleTerms = _terms.Where(t => t.Start >= RoleSince).Select(t => t.Start).ToList();
        var starts = schedule.Select(r => r.DueOn).Concat(roleTerms).Where(d => d > from).Append(from).Distinct().Order().ToList();
        for (var i = 0; i < starts.Count; i++)
        {
            var on = starts[i];
            var period = new RotationPeriod(
                on, i + 1 < starts.Count ? starts[i + 1] : null, Department, _postLevel!,
                SelectRotation(schedule, on), roleTerms.Count(s => s <= on));
            if (_rotationTimeline.Count > 0 && _rotationTimeline[^1].Until == on && _rotationTimeline[^1].SameAnswer(period))
            {
                _rotationTimeline[^1] = _rotationTimeline[^1] with { Until = period.Until };
            }
            else
            {
                _rotationTimeline.Add(period);
            }
        }
    }

    /// <summary>
    /// The rotation inputs of the state as it is; null before the appointment. After every applied event
    /// <see cref="_rotationInputs"/> equals this (<see cref="UpdateRotationTimeline"/> runs last in <see cref="Apply"/>), which is
    /// why a snapshot need not carry it: <see cref="FromSnapshotJson"/> recomputes it here.
    /// </summary>
    private RotationInputs? RotationInputsNow() =>
        IsAppointed
            ? new RotationInputs(
                IsIn(ContractState.InService), Department, _postLevel!, RoleSince, _terms.Count, TermEnd, RetirementDate, MandatoryRotationOrderedOn)
            : null;

    /// <summary>What the rotation schedule is computed from: when none of it changes, neither does any answer.</summary>
    private readonly record struct RotationInputs(
        bool InService, DepartmentId Department, PostLevel PostLevel, DateOnly RoleSince, int Terms, DateOnly TermEnd,
        DateOnly RetirementDate, DateOnly? OrderedOn);
}

/// <summary>
/// From <see cref="From"/> (inclusive) until <see cref="Until"/> (exclusive; null: open-ended) the rotation answer is
/// <see cref="Due"/> (null: none, e.g. after separation) for the person in <see cref="Department"/> at
/// <see cref="PostLevel"/>, with <see cref="ConsecutiveTerms"/> contract terms begun in the role (AM 第十二条 连续任职).
/// </summary>
public sealed record RotationPeriod(
    DateOnly From, DateOnly? Until, DepartmentId Department, PostLevel PostLevel, RotationDue? Due, int ConsecutiveTerms)
{
    /// <summary>True when <paramref name="date"/> falls in this period.</summary>
    public bool Covers(DateOnly date) => From <= date && (Until is not { } until || date < until);

    /// <summary>True when <paramref name="other"/> answers the same for its dates (so the two may be one period).</summary>
    public bool SameAnswer(RotationPeriod other) =>
        Department == other.Department && PostLevel == other.PostLevel && Due == other.Due && ConsecutiveTerms == other.ConsecutiveTerms;
}
