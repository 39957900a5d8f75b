using System.Text.Json;

namespace Personnel.Domain.Employees;

/// <summary>
/// The aggregate's fields to and from its <see cref="EmployeeMemento"/>: every field of every partial file is here, except
/// <c>_history</c> and <c>_uncommitted</c> (not state) and <c>_rotationInputs</c> (recomputed: <see cref="RotationInputsNow"/>).
/// A field added to the aggregate is added here too, and <see cref="SnapshotFormat"/> bumped; the domain tests' snapshot
/// equivalence test compares every field by reflection, so a field left out fails it.
/// </summary>
public sealed partial class Employee
{
    private EmployeeMemento ToMemento() => new(
        SnapshotFormat, FingerprintOf(Policy), Version, State, RotationTimelineRevision,
        IsAppointed ? Id : null, IsAppointed ? Department : null, _postLevel,
        PostSince, GradeSince, RoleSince, Method, AppointedOn, RetirementDate, ProbationEnd, TrialEnd, TrialBefore,
        PromotionFrozenUntil, Rank, RankSince, Education, SeparatedOn, _terminationYear,
        [.. _postHistory], [.. _terms], [.. _waivers], [.. _leadershipOrders],
        [.. _gradeSinceBeforeDemotion.Select(g => new GradeSinceBeforeDemotion(g.Key, g.Value))],
        [.. _demotions.Values], [.. _floorsReached],
        [.. _quarterly.Values], [.. _annual.Values], [.. _annualCorrections.Values], [.. _proposals.Values],
        [.. _appeals.Select(a => new AppealOfYear(a.Key, a.Value))],
        [.. _merits], [.. _consequences], [.. _rankings.Values], [.. _feedback.Values],
        [.. _sanctions], [.. _investigations], [.. _leaves], [.. _absences], [.. _overtime], [.. _lateness],
        [.. _incapacities], [.. _secondments], [.. _postAdjustments], [.. _rotationTimeline]);

    /// <summary>Sets every field from <paramref name="m"/> on this new aggregate; a list missing its values is corrupt.</summary>
    private void Restore(EmployeeMemento m)
    {
        Version = m.Version;
        State = m.State;
        RotationTimelineRevision = m.RotationTimelineRevision;
        if (m.Id is { } id)
        {
            Id = id;
        }

        if (m.Department is { } department)
        {
            Department = department;
        }

        _postLevel = m.PostLevel;
        (PostSince, GradeSince, RoleSince) = (m.PostSince, m.GradeSince, m.RoleSince);
        (Method, AppointedOn, RetirementDate) = (m.Method, m.AppointedOn, m.RetirementDate);
        (ProbationEnd, TrialEnd, TrialBefore, PromotionFrozenUntil) = (m.ProbationEnd, m.TrialEnd, m.TrialBefore, m.PromotionFrozenUntil);
        (Rank, RankSince, Education) = (m.Rank, m.RankSince, m.Education);
        SeparatedOn = m.SeparatedOn;
        _terminationYear = m.TerminationYear;
        if (IsAppointed != (m.PostLevel is not null && m.Id is not null && m.Department is not null))
        {
            throw new JsonException($"the snapshot's contract is {m.State}, which does not match its post level, id and department");
        }

        _postHistory.AddRange(Listed(m.PostHistory));
        _terms.AddRange(Listed(m.Terms));
        _waivers.AddRange(Listed(m.Waivers));
        _leadershipOrders.AddRange(Listed(m.LeadershipOrders));
        Fill(_gradeSinceBeforeDemotion, m.GradeSinceBeforeDemotion, g => g.Year, g => g.Since);
        Fill(_demotions, m.Demotions, d => d.Year, d => d);
        _floorsReached.AddRange(Listed(m.FloorsReached));
        Fill(_quarterly, m.Quarterly, q => q.Quarter, q => q);
        Fill(_annual, m.Annual, a => a.Year, a => a);
        Fill(_annualCorrections, m.AnnualCorrections, c => c.Year, c => c);
        Fill(_proposals, m.Proposals, p => p.Year, p => p);
        Fill(_appeals, m.Appeals, a => a.Year, a => a.Resolved);
        _merits.AddRange(Listed(m.Merits));
        _consequences.AddRange(Listed(m.Consequences));
        Fill(_rankings, m.Rankings, r => r.Year, r => r);
        Fill(_feedback, m.Feedback, f => f.Year, f => f);
        _sanctions.AddRange(Listed(m.Sanctions));
        _investigations.AddRange(Listed(m.Investigations));
        _leaves.AddRange(Listed(m.Leaves));
        _absences.AddRange(Listed(m.Absences));
        _overtime.AddRange(Listed(m.Overtime));
        _lateness.AddRange(Listed(m.Lateness));
        _incapacities.AddRange(Listed(m.Incapacities));
        _secondments.AddRange(Listed(m.Secondments));
        _postAdjustments.AddRange(Listed(m.PostAdjustments));
        _rotationTimeline.AddRange(Listed(m.RotationTimeline));
        _rotationInputs = RotationInputsNow();
        HasWholeHistory = m.Version == 0;
    }

    /// <summary>The list's values; null (written as <c>null</c>, or holding one) is corrupt.</summary>
    private static IReadOnlyList<T> Listed<T>(IReadOnlyList<T>? values) =>
        values is not null && values.All(v => v is not null)
            ? values
            : throw new JsonException($"the snapshot's list of {typeof(T).Name} is null or holds null");

    /// <summary>Fills a dictionary from the values, each carrying its key, in their order; a key twice is corrupt.</summary>
    private static void Fill<TKey, TValue, T>(IDictionary<TKey, TValue> target, IReadOnlyList<T>? values, Func<T, TKey> key, Func<T, TValue> value)
    {
        foreach (var item in Listed(values))
        {
            if (!target.TryAdd(key(item), value(item)))
            {
                throw new JsonException($"the snapshot lists {typeof(T).Name} of {key(item)} twice");
            }
        }
    }
}
