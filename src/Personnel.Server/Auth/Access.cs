using Personnel.Api.V1;
using Personnel.Rpc;
using Personnel.Grains.Abstractions;

namespace Personnel.Server.Auth;

/// <summary>
/// The scope half of the permission matrix: which department's staff a key may touch, and who grades
/// heads and deputies (AS 第二条). Which rule applies comes from <see cref="Permissions.Table"/> through the
/// <see cref="Caller"/>; handlers only say what the call touches.
/// </summary>
public static class Access
{
    /// <summary>Gets the authenticated caller of the call.</summary>
    public static Caller Caller(ServerCallContext context) => AuthenticationMiddleware.GetCaller(context.GetHttpContext());

    /// <summary>Which employees the caller may act on, for the employee grain to check against the state its command
    /// runs on (<see cref="CommandContext.Scope"/>); null when the role alone decides.</summary>
    public static EmployeeScope? EmployeeScope(Caller caller)
    {
        var department = caller.Role == Role.Hr ? caller.DepartmentId : null;
        var leadersExcluded = caller.Scope == Scope.Grading && caller.Role != Role.PartyAffairs;
        return caller.Scope is Scope.Employee or Scope.Grading && (department is not null || leadersExcluded)
            ? new EmployeeScope(department, leadersExcluded)
            : null;
    }

    /// <summary>The refusal of an employee outside the caller's scope: PERMISSION_DENIED naming the rule and the facts.</summary>
    public static RpcException Denied(Caller caller, OutOfScopeException denied)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(denied);
        return denied.IsLeader
            ? new RpcException(new Status(StatusCode.PermissionDenied,
                $"Heads and deputies are graded by party-affairs (AS 第二条): employee '{denied.EmployeeId}' holds the post {denied.Post}, "
                + $"and key '{caller.KeyId}' has role {Permissions.Name(caller.Role)}."))
            : new RpcException(new Status(StatusCode.PermissionDenied,
                $"Department HR records only its own staff (DESIGN.md, Security): key '{caller.KeyId}' is HR of department '{caller.DepartmentId}', "
                + $"and employee '{denied.EmployeeId}' belongs to department '{denied.DepartmentId}'."));
    }

    /// <summary>Refuses the call when the caller is another department's HR.</summary>
    public static void DemandDepartment(ServerCallContext context, string departmentId) =>
        DemandDepartment(Caller(context), departmentId, $"the request names department '{departmentId}'");

    private static void DemandDepartment(Caller caller, string departmentId, string facts)
    {
        if (caller.Role == Role.Hr && caller.DepartmentId is { } own && !string.Equals(own, departmentId, StringComparison.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"Department HR records only its own staff (DESIGN.md, Security): key '{caller.KeyId}' is HR of department '{own}', "
                + $"and {facts}."));
        }
    }
}
