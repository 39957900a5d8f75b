using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;

namespace Personnel.Grains.Employees;

public sealed partial class EmployeeGrain
{
    /// <inheritdoc/>
    public Task<EmployeeSnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        EnsureAppointed();
        return Task.FromResult(Snapshot(_version));
    }

    /// <inheritdoc/>
    public Task<PostLevelAnswer> GetPostLevelAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        EnsureAppointed();
        var level = _employee.PostLevelOn(asOf)
            ?? throw new RuleViolationException(Rules.EmployeeMustExist, $"{Key} held no post on {asOf:yyyy-MM-dd}", ViolationKind.NotFound);
        var since = _employee.PostHistory.Last(p => p.From <= asOf).From;

        // A demotion that found the grade at its floor is due as a post adjustment until the post changes.
        var floor = _employee.History.OfType<DemotionFloorReached>().LastOrDefault(d => d.OccurredOn <= asOf);
        var atFloor = floor is not null && floor.OccurredOn >= since;
        return Task.FromResult(new PostLevelAnswer(Key, asOf, level, since, _employee.State, atFloor));
    }

    /// <inheritdoc/>
    public Task<Tenure> GetTenureAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        EnsureAppointed();
        return Task.FromResult(_employee.TenureOn(asOf, NextPostEligibility));
    }

    /// <inheritdoc/>
    public Task<GradeList> ListGradesAsync(CancellationToken cancellationToken)
    {
        EnsureAppointed();
        return Task.FromResult(new GradeList(
            _employee.QuarterlyGrades.Values.OrderBy(g => g.Quarter).ToList(),
            _employee.AnnualGrades.Values.OrderBy(g => g.Year).ToList()));
    }

    /// <summary>The earliest date the person may compete for the next management post up (AM 第五条), judged by
    /// the profile's eligibility rules on the rank held and the years that did not count.</summary>
    private DateOnly? NextPostEligibility(Tenure tenure)
    {
        var post = tenure.PostLevel.Post;
        if (post.Sequence() != PostSequence.Management || post <= Post.DepartmentHead)
        {
            return null;
        }

        var next = post == Post.Probationer ? Post.Staff : post - 1;
        var candidate = new Candidate
        {
            RankHistory = [new RankHeld(tenure.Rank, tenure.RankSince)],
            Education = tenure.Education,
            UncountedYears = tenure.YearsNotCounted.Select(y => y.Year).ToHashSet(),
        };
        return PostEligibility.EarliestEligibility(next, candidate, _services.Profile.Posts);
    }
}
