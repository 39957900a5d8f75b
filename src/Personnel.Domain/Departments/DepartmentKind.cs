namespace Personnel.Domain.Departments;

/// <summary>What a department is: a zone department, or an agency a district department dispatches to a street/township (派驻机构, SP).</summary>
public enum DepartmentKind
{
    /// <summary>区级职能部门.</summary>
    ZoneDepartment,

    /// <summary>司法所.</summary>
    JudicialOffice,

    /// <summary>综合行政执法中队.</summary>
    LawEnforcementSquad,

    /// <summary>市场监管所.</summary>
    MarketSupervisionOffice,

    /// <summary>Another dispatched agency (派驻机构).</summary>
    OtherDispatchedAgency,
}

public static class DepartmentKindFacts
{
    public static bool IsDispatchedAgency(this DepartmentKind kind) => kind != DepartmentKind.ZoneDepartment;
}
