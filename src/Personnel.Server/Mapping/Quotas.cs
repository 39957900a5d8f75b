using Personnel.Grains.Abstractions;
using V1 = Personnel.Api.V1;

namespace Personnel.Server.Mapping;

/// <summary>Quota standings on the wire.</summary>
public static class Quotas
{
    public static V1.Quota ToApi(QuotaStanding q) => new()
    {
        DepartmentId = q.DepartmentId,
        Year = q.Year,
        Quarter = q.Quarter ?? 0,
        Eligible = q.Eligible,
        Cap = q.Cap,
        Granted = q.Count,
    };
}
