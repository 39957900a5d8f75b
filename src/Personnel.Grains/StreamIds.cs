using Personnel.Domain.Common;

namespace Personnel.Grains;

/// <summary>The stream and read-model names the grains write; other nodes' changes are routed by them.</summary>
public static class StreamIds
{
    public const string EmployeePrefix = "employee:";
    public const string DepartmentPrefix = "department:";

    /// <summary>The outbox of leadership adjustments waiting for delivery to a head (document kind).</summary>
    public const string LeadershipOutbox = "outbox:leadership-adjustment";

    public static string Employee(string id) => EmployeePrefix + id;

    public static string Department(string id) => DepartmentPrefix + id;

    /// <summary>The Good ledger of a department-quarter (AS 第八条).</summary>
    public static string GoodQuota(string departmentId, Quarter quarter) => $"quota-good:{departmentId}:{quarter}";

    /// <summary>The Excellent ledger of a department-year (AS 第十二条).</summary>
    public static string ExcellentQuota(string departmentId, int year) => $"quota-excellent:{departmentId}:{year}";

    /// <summary>Document kind: one document per employee the department may grade for the quarter (N of AS 第八条).</summary>
    public static string GradableQuarter(string departmentId, Quarter quarter) => $"gradable:{departmentId}:{quarter}";

    /// <summary>Document kind: one document per employee the department may grade for the year (AS 第十二条).</summary>
    public static string GradableYear(string departmentId, int year) => $"gradable-year:{departmentId}:{year}";
}
