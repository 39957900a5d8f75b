namespace Personnel.Domain.Departments;

/// <summary>A department's yearly assessment tier (部门考核等次, 一至四等): tier 1 is best (AM 第十七条; AS 第十二条).</summary>
public enum DepartmentTier
{
    /// <summary>一等.</summary>
    Tier1 = 1,

    /// <summary>二等.</summary>
    Tier2 = 2,

    /// <summary>三等.</summary>
    Tier3 = 3,

    /// <summary>四等.</summary>
    Tier4 = 4,
}
