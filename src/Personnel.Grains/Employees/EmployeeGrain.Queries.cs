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
        return Task.FromResult(Snapshot(CommittedVersion));
    }

    /// <inheritdoc/>
    public Task<PostLevelAnswer> GetPostLevelAsync(DateOnly asOf, CancellationToken cancellationToken) =>
        Task.FromResult(PostLevels.Answer(asOf));

    /// <inheritdoc/>
    public Task<PostLevelView> GetPostLevelViewAsync(CancellationToken cancellationToken) => Task.FromResult(PostLevels);

    /// <inheritdoc/>
    public async Task<Tenure> GetTenureAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        EnsureAppointed();
        // Tenure on a date replays the history up to it; next-post eligibility (AM 第五条) is judged on the whole rank
        // history and every uncounted year.
        await EnsureWholeHistoryAsync();
        return Aggregate.TenureOn(asOf, _services.Profile.Posts);
    }

    /// <inheritdoc/>
    public Task<GradeList> ListGradesAsync(CancellationToken cancellationToken)
    {
        EnsureAppointed();
        return Task.FromResult(new GradeList(
            Aggregate.QuarterlyGrades.Values.OrderBy(g => g.Quarter).ToList(),
            Aggregate.AnnualGrades.Values.OrderBy(g => g.Year).ToList()));
    }
}
