using Personnel.Grains.Departments;

namespace Personnel.Grains.Queries;

/// <summary>Questions about departments answered from the read models, without activating their grains.</summary>
public interface IDepartmentDirectory
{
    /// <summary>Lists departments in id order after <paramref name="afterDepartmentId"/> (keyset paging).</summary>
    Task<IReadOnlyList<DepartmentListEntry>> ListAsync(string? afterDepartmentId, int limit, CancellationToken cancellationToken);

    /// <summary>The department's leadership adjustments (AM 第十七条) still waiting for delivery to a head, oldest first;
    /// rescissions on their way to a head are not adjustments and are left out.</summary>
    Task<IReadOnlyList<LeadershipOutboxEntry>> PendingLeadershipAdjustmentsAsync(string departmentId, CancellationToken cancellationToken);
}
