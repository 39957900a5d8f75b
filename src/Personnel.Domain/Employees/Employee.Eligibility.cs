using Personnel.Domain.Common;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

public sealed partial class Employee
{
    /// <summary>
    /// Appoints as <see cref="Hire(DateOnly, AppointmentRequest)"/> does, judging AM 第五条 first when the person competes
    /// for the post (竞争上岗): conditions not met are refused unless <paramref name="waiver"/> records the zone committee
    /// waiving them (工委研究同意), in which case <see cref="EligibilityWaived"/> is recorded beside the appointment.
    /// Open recruitment and direct appointment are not competitions and carry no waiver.
    /// </summary>
    public void Hire(DateOnly on, AppointmentRequest request, EligibilityPolicy eligibility, EligibilityWaiverGrant? waiver)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(eligibility);
        if (IsAppointed || request.Method != AppointmentMethod.Competition || request.RankSince > on)
        {
            // Hire refuses these with their own rule; a waiver outside a competition has nothing to waive.
            RuleViolationException.ThrowIfInvalid(
                IsAppointed || request.RankSince > on || waiver is null, Rules.EligibilityWaiver,
                $"{request.Method} is not a competition (竞争上岗), so AM 第五条 is not judged and there is nothing for {waiver?.GrantedBy} to waive");
            Hire(on, request);
            return;
        }

        var candidate = new Candidate { RankHistory = [new RankHeld(request.Rank, request.RankSince)], Education = request.Education };
        var waived = JudgeEligibility(on, request.PostLevel.Post, candidate, eligibility, waiver);
        Hire(on, request);
        if (waived is not null)
        {
            Raise(waived);
        }
    }

    /// <summary>
    /// Promotes as <see cref="Promote(DateOnly, PostLevel)"/> does, judging AM 第五条 for the new post first (a raise of
    /// grade in the same post is not a new post and is not judged): conditions not met are refused unless
    /// <paramref name="waiver"/> records the zone committee waiving them.
    /// </summary>
    /// <exception cref="InvalidOperationException">A new post on an aggregate restored from a snapshot: judging it reads the
    /// whole history (<see cref="CandidateOn"/>), which must be loaded first.</exception>
    public void Promote(DateOnly on, PostLevel to, EligibilityPolicy eligibility, EligibilityWaiverGrant? waiver)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(eligibility);
        EnsureAppointed();
        EnsureNotBeforeAppointment(on);
        EligibilityWaived? waived = null;
        if (to.Post != PostLevel.Post)
        {
            waived = JudgeEligibility(on, to.Post, CandidateOn(on), eligibility, waiver);
        }
        else
        {
            RuleViolationException.ThrowIfInvalid(
                waiver is null, Rules.EligibilityWaiver,
                $"{to} keeps the post {PostLevel.Post}: AM 第五条 judges a new post, so there is nothing for {waiver?.GrantedBy} to waive");
        }

        Promote(on, to);
        if (waived is not null)
        {
            Raise(waived);
        }
    }

    /// <summary>
    /// AM 第五条 for <paramref name="post"/> on <paramref name="on"/>: null when every condition is met; the waiver
    /// event when unmet conditions are waived; refused (FAILED_PRECONDITION, naming each unmet condition) otherwise.
    /// </summary>
    private EligibilityWaived? JudgeEligibility(DateOnly on, Post post, Candidate candidate, EligibilityPolicy eligibility, EligibilityWaiverGrant? grant)
    {
        var verdict = PostEligibility.Assess(post, candidate, on, eligibility);
        var unmet = verdict.Unmet.ToList();
        if (unmet.Count == 0)
        {
            RuleViolationException.ThrowIfInvalid(
                grant is null, Rules.EligibilityWaiver,
                $"the candidate meets every condition for {post.ChineseName()} on {on:yyyy-MM-dd}: there is nothing for {grant?.GrantedBy} to waive");
            return null;
        }

        var facts = string.Join("; ", unmet.Select(c => c.Facts));
        if (grant is null)
        {
            throw new RuleViolationException(unmet[0].Rule,
                $"not eligible for {post.ChineseName()} on {on:yyyy-MM-dd}: {facts}. Only a waiver by the zone committee (工委研究同意) lets the appointment stand");
        }

        var waiver = new EligibilityWaiver(grant.GrantedBy, on, grant.Reason, unmet.Select(c => c.Condition).ToHashSet());
        return new EligibilityWaived(on, post, waiver.GrantedBy, waiver.Reason, [.. unmet.Select(c => c.Condition)], facts);
    }

    /// <summary>
    /// The tenure as of <paramref name="asOf"/> (RULES §6) with <see cref="Tenure.EarliestNextPostEligibility"/> judged by
    /// AM 第五条 under <paramref name="eligibility"/>: the next management post up that has a rank-and-tenure condition
    /// (<see cref="NextManagementPost"/>), the ranks recorded up to that date and every year not counted up to then.
    /// Null at the top of the sequence, in the rank sequence, or when the next post needs an education the person lacks.
    /// </summary>
    /// <exception cref="InvalidOperationException">Restored from a snapshot: as <see cref="TenureOn(DateOnly, Func{Tenure, DateOnly?})"/>.</exception>
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
    /// <exception cref="InvalidOperationException">Restored from a snapshot (<see cref="HasWholeHistory"/> false): the ranks
    /// and years are read from the history, so the whole history must be loaded (a programming error).</exception>
    public Candidate CandidateOn(DateOnly asOf)
    {
        EnsureAppointed();
        EnsureWholeHistory(nameof(CandidateOn));
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

    /// <summary>The outcome of <paramref name="year"/> as the events <paramref name="known"/> tell it: the last of the recorded grade,
    /// an appeal's revision and a correction; one decided later does not count yet.</summary>
    private static AnnualOutcome OutcomeAsKnown(int year, List<EmployeeEvent> known)
    {
        var outcome = AnnualOutcome.NoGrade;
        foreach (var @event in known)
        {
            outcome = @event switch
            {
                AnnualGradeRecorded a when a.Year == year => a.Outcome,
                AppealResolved { RevisedGrade: { } revised } r when r.Year == year => revised.ToOutcome(),
                AnnualGradeCorrected c when c.Year == year => c.To.ToOutcome(),
                _ => outcome,
            };
        }

        return outcome;
    }
}

/// <summary>Who in the zone committee waived AM 第五条 conditions (工委研究同意) and why.</summary>
public sealed record EligibilityWaiverGrant(string GrantedBy, string Reason);
