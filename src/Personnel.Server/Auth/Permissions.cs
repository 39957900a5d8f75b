using System.Collections.Frozen;
using Personnel.Api.V1;

namespace Personnel.Server.Auth;

/// <summary>What an RPC touches, so the one access check knows which scope rule applies beyond the role.</summary>
public enum Scope
{
    /// <summary>Role alone decides (reads, zone-wide actions).</summary>
    None,

    /// <summary>An employee: department HR may act only on its own department's staff.</summary>
    Employee,

    /// <summary>Grading an employee: as <see cref="Employee"/>, and heads and deputies only by party-affairs (AS 第二条).</summary>
    Grading,

    /// <summary>A department: department HR may act only on its own.</summary>
    Department,
}

/// <summary>The permission of one RPC: the roles that may call it and the scope rule that then applies.</summary>
public sealed record Permission(IReadOnlySet<Role> Roles, Scope Scope);

/// <summary>
/// THE permission matrix (docs/api.md prints it): full method name → roles and scope. The
/// access interceptor refuses any role not listed here before a handler runs; handlers ask
/// <see cref="Access"/> for the scope check, which reads the scope from this table too. An RPC missing
/// from the table is refused to everyone (a test proves every RPC of every service is listed).
/// </summary>
public static class Permissions
{
    private static readonly Role[] Everyone = [Role.Reader, Role.Hr, Role.PartyAffairs, Role.Admin];
    private static readonly Role[] Recorders = [Role.Hr, Role.PartyAffairs, Role.Admin];
    private static readonly Role[] PartyAffairs = [Role.PartyAffairs, Role.Admin];
    private static readonly Role[] AdminOnly = [Role.Admin];

    /// <summary>Gets the matrix, keyed by <c>package.Service/Method</c>.</summary>
    public static FrozenDictionary<string, Permission> Table { get; } = new Dictionary<string, Permission>
    {
        // Employees: HR records its own staff; party-affairs and admin any.
        ["personnel.v1.EmployeeService/AppointEmployee"] = new(Set(Recorders), Scope.Department),
        ["personnel.v1.EmployeeService/GetEmployee"] = new(Set(Everyone), Scope.None),
        ["personnel.v1.EmployeeService/GetPostLevel"] = new(Set(Everyone), Scope.None),
        ["personnel.v1.EmployeeService/GetTenure"] = new(Set(Everyone), Scope.None),
        ["personnel.v1.EmployeeService/ListHistory"] = new(Set(Everyone), Scope.None),
        ["personnel.v1.EmployeeService/RecordProbationOutcome"] = new(Set(Recorders), Scope.Employee),
        ["personnel.v1.EmployeeService/Promote"] = new(Set(Recorders), Scope.Employee),
        ["personnel.v1.EmployeeService/RecordTrialOutcome"] = new(Set(Recorders), Scope.Employee),
        ["personnel.v1.EmployeeService/RenewContract"] = new(Set(Recorders), Scope.Employee),
        ["personnel.v1.EmployeeService/DeclineRenewal"] = new(Set(Recorders), Scope.Employee),
        ["personnel.v1.EmployeeService/Rotate"] = new(Set(PartyAffairs), Scope.None),
        ["personnel.v1.EmployeeService/Separate"] = new(Set(Recorders), Scope.Employee),
        ["personnel.v1.EmployeeService/RecordSanction"] = new(Set(Recorders), Scope.Employee),
        ["personnel.v1.EmployeeService/RecordInvestigation"] = new(Set(Recorders), Scope.Employee),
        ["personnel.v1.EmployeeService/RecordLeave"] = new(Set(Recorders), Scope.Employee),
        ["personnel.v1.EmployeeService/RecordAbsence"] = new(Set(Recorders), Scope.Employee),
        ["personnel.v1.EmployeeService/RecordOvertime"] = new(Set(Recorders), Scope.Employee),
        ["personnel.v1.EmployeeService/RecordLateness"] = new(Set(Recorders), Scope.Employee),

        // Grading: HR grades its own staff except heads and deputies, whom party-affairs grades (AS 第二条).
        ["personnel.v1.GradingService/RecordQuarterlyGrade"] = new(Set(Recorders), Scope.Grading),
        ["personnel.v1.GradingService/CorrectQuarterlyGrade"] = new(Set(Recorders), Scope.Grading),
        ["personnel.v1.GradingService/StartExcellentNotice"] = new(Set(Recorders), Scope.Grading),
        ["personnel.v1.GradingService/RecordAnnualGrade"] = new(Set(Recorders), Scope.Grading),
        ["personnel.v1.GradingService/CorrectAnnualGrade"] = new(Set(Recorders), Scope.Grading),
        ["personnel.v1.GradingService/ListGrades"] = new(Set(Everyone), Scope.None),
        ["personnel.v1.GradingService/AppealAnnualGrade"] = new(Set(Recorders), Scope.Grading),
        ["personnel.v1.GradingService/ResolveAppeal"] = new(Set(Recorders), Scope.Grading),
        ["personnel.v1.GradingService/ImportQuarterlyGrades"] = new(Set(Recorders), Scope.Grading),

        // Departments: party-affairs keeps tiers, city ranks and yellow cards.
        ["personnel.v1.DepartmentService/CreateDepartment"] = new(Set(PartyAffairs), Scope.None),
        ["personnel.v1.DepartmentService/GetDepartment"] = new(Set(Everyone), Scope.None),
        ["personnel.v1.DepartmentService/ListDepartments"] = new(Set(Everyone), Scope.None),
        ["personnel.v1.DepartmentService/RecordDepartmentAssessment"] = new(Set(PartyAffairs), Scope.None),
        ["personnel.v1.DepartmentService/GetQuotas"] = new(Set(Everyone), Scope.None),

        ["personnel.v1.RotationService/ListRotationDue"] = new(Set(Everyone), Scope.None),
        ["personnel.v1.PayService/GetCoefficients"] = new(Set(Everyone), Scope.None),
        ["personnel.v1.PayService/AllocateAnnualPerformancePay"] = new(Set(PartyAffairs), Scope.None),
        ["personnel.v1.EventService/WatchEvents"] = new(Set(Everyone), Scope.None),

        ["personnel.v1.KeyService/CreateApiKey"] = new(Set(AdminOnly), Scope.None),
        ["personnel.v1.KeyService/RevokeApiKey"] = new(Set(AdminOnly), Scope.None),
        ["personnel.v1.KeyService/ListApiKeys"] = new(Set(AdminOnly), Scope.None),

        // Added later, kept together at the end: contract amendments and records inside the term.
        ["personnel.v1.EmployeeService/OpenRenewal"] = new(Set(Recorders), Scope.Employee),
        ["personnel.v1.EmployeeService/ChangePost"] = new(Set(Recorders), Scope.Employee),
        ["personnel.v1.EmployeeService/RecordHealthIncapacity"] = new(Set(Recorders), Scope.Employee),
        ["personnel.v1.EmployeeService/RecordSecondment"] = new(Set(Recorders), Scope.Employee),
        ["personnel.v1.EmployeeService/RecordQualifications"] = new(Set(Recorders), Scope.Employee),
        // The ranking place and the signed feedback are part of the assessment: heads and deputies by party-affairs (AS 第二条).
        ["personnel.v1.EmployeeService/RecordRankingPlace"] = new(Set(Recorders), Scope.Grading),
        ["personnel.v1.EmployeeService/SignAnnualFeedback"] = new(Set(Recorders), Scope.Grading),
        // Party-affairs corrects a department's assessment (AM 第十七条).
        ["personnel.v1.DepartmentService/CorrectDepartmentAssessment"] = new(Set(PartyAffairs), Scope.None),
        // The web console: find people by name, and learn which role the signed-in key has (never its secret).
        ["personnel.v1.EmployeeService/SearchEmployees"] = new(Set(Everyone), Scope.None),
        ["personnel.v1.EmployeeService/ListEmployees"] = new(Set(Everyone), Scope.None),
        ["personnel.v1.KeyService/GetCallerKey"] = new(Set(Everyone), Scope.None),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The role's name as docs/api.md and error messages spell it.</summary>
    public static string Name(Role role) => role switch
    {
        Role.Hr => "hr",
        Role.PartyAffairs => "party-affairs",
        Role.Reader => "reader",
        Role.Admin => "admin",
        _ => role.ToString(),
    };

    private static HashSet<Role> Set(Role[] roles) => [.. roles];
}
