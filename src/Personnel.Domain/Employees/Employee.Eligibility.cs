using Personnel.Domain.Grading;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

public sealed partial class Employee
{
    /// <summary>
    /// The tenure as of <paramref name="asOf"/> (RULES §6) with <see cref="Tenure.EarliestNextPostEligibility"/> judged by
    /// AM 第五条 under <paramref name="eligibility"/>: the next management post up that has a rank-and-tenure condition
    /// (<see cref="NextManagementPost"/>), the ranks recorded up to that date and every year not counted up to then.
    /// Null at the top of the sequence, in the rank sequence, or when the next post needs an education the person lacks.
    /// </summary>
    public Tenure TenureOn(DateOnly asOf, EligibilityPolicy eligibility)
    {
        ArgumentNullException.ThrowIfNull(eligibility);
        return TenureOn(asOf, tenure =>
        {
            if (NextManagementPost(tenure.PostLevel.Post, eligibility) is not { } next
                || (eligibility.PostsRequiringJuniorCollege.Contains(next) && tenure.Education < Education.JuniorCollege))
            {
                return null;
            }

            return PostEligibility.EarliestEligibility(next, CandidateOn(asOf), eligibility);
        });
    }

    /// <summary>
    /// The facts AM 第五条 judges this person on as of <paramref name="asOf"/>: the ranks recorded by then (at the
    /// appointment and by <see cref="RecordQualifications"/>), the education, and the calendar years whose annual result,
    /// decided by then, does not count (RULES §6). For <see cref="PostEligibility.Assess"/>.
    /// </summary>
    public Candidate CandidateOn(DateOnly asOf)
    {
        EnsureAppointed();
        var known = _history.Where(e => e.OccurredOn <= asOf).ToList();
        var ranks = new List<RankHeld>();
        var education = Education;
        foreach (var @event in known)
        {
            (AdministrativeRank Rank, DateOnly Since, Education Education)? recorded = @event switch
            {
                EmployeeAppointed a => (a.Rank, a.RankSince, a.Education),
                QualificationsRecorded q => (q.Rank, q.RankSince, q.Education),
                _ => null,
            };
            if (recorded is not { } r)
            {
                continue;
            }

            education = r.Education;

            // A record that restates the rank held keeps the date it was first held from; an earlier date replaces later ones.
            ranks.RemoveAll(held => held.Since >= r.Since);
            if (ranks.Count == 0 || ranks[^1].Rank != r.Rank)
            {
                ranks.Add(new RankHeld(r.Rank, r.Since));
            }
        }

        var uncounted = known.OfType<AnnualGradeRecorded>().Select(a => a.Year).Distinct()
            .Where(year => !Policy.IsYearCounted(OutcomeAsKnown(year, known)))
            .ToHashSet();
        return new Candidate { RankHistory = ranks, Education = education, UncountedYears = uncounted };
    }

    /// <summary>
    /// The next management post up from <paramref name="post"/> for which <paramref name="eligibility"/> sets a
    /// rank-and-tenure condition (AM 第五条): staff and probationers look to deputy section chief, a deputy section
    /// chief to section chief, and so on up to department head; null for a head and for the rank sequence.
    /// </summary>
    public static Post? NextManagementPost(Post post, EligibilityPolicy eligibility)
    {
        ArgumentNullException.ThrowIfNull(eligibility);
        if (post.Sequence() != PostSequence.Management)
        {
            return null;
        }

        for (var higher = post - 1; higher >= Post.ZoneLeadership; higher--)
        {
            if (eligibility.ManagementPosts.Any(r => r.Post == higher))
            {
                return higher;
            }
        }

        return null;
    }

    /// <summary>The outcome of <paramref name="year"/> as the events <paramref name="known"/> tell it: an appeal decided later does not count yet.</summary>
    private static AnnualOutcome OutcomeAsKnown(int year, List<EmployeeEvent> known)
    {
        var revised = known.OfType<AppealResolved>().LastOrDefault(r => r.Year == year && r.RevisedGrade is not null);
        return revised is not null ? revised.RevisedGrade.ToOutcome() : known.OfType<AnnualGradeRecorded>().Last(a => a.Year == year).Outcome;
    }
}
