using Personnel.Api.V1;
using Grpc.Core;
using Personnel.Server.Services;
using Personnel.Grains.Abstractions;

namespace Personnel.Server.Auth;

/// <summary>
/// The scope half of the permission matrix: which department's staff a key may touch, and who grades
/// heads and deputies (AS 第二条), and which unit grades a period (AS 第二十四条). Which rule applies comes from <see cref="Permissions.Table"/> through the
/// <see cref="Caller"/>; handlers only say what the call touches.
/// </summary>
public static class Access
{
    /// <summary>Gets the authenticated caller of the call.</summary>
    public static Caller Caller(ServerCallContext context) => AccessInterceptor.GetCaller(context.GetHttpContext());

    /// <summary>Which employees the caller may act on, for the employee grain to check against the state its command
    /// runs on (<see cref="CommandContext.Scope"/>); null when the role alone decides.</summary>
    /// <param name="caller">The authenticated caller.</param>
    /// <param name="assessedOn">For a grading call, the assessing day of the period it grades (the quarter's last day; the
    /// year's, see <see cref="YearAssessedOn"/>): department HR then grades whom its department assesses that day, which
    /// for a seconded person is the receiving unit and for one transferred in the new department (AS 第二十四条).</param>
    public static EmployeeScope? EmployeeScope(Caller caller, DateOnly? assessedOn = null)
    {
        var department = caller.Role == Role.Hr ? caller.DepartmentId : null;
        var leadersExcluded = caller.Scope == Scope.Grading && caller.Role != Role.PartyAffairs;
        return caller.Scope is Scope.Employee or Scope.Grading && (department is not null || leadersExcluded)
            ? new EmployeeScope(department, leadersExcluded, caller.Scope == Scope.Grading ? assessedOn : null)
            : null;
    }

    /// <summary>The day whose assessing unit grades <paramref name="year"/> when acting on <paramref name="on"/>: the year's
    /// last day, or <paramref name="on"/> when earlier, as the employee grain decides it (AS 第二十四条).</summary>
    public static DateOnly YearAssessedOn(int year, DateOnly on)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        return on < yearEnd ? on : yearEnd;
    }

    /// <summary>The refusal of an employee outside the caller's scope: PERMISSION_DENIED naming the rule and the facts.</summary>
    public static RpcException Denied(Caller caller, OutOfScopeException denied)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(denied);
        if (denied.IsLeader)
        {
            return Refusals.Refuse(StatusCode.PermissionDenied, "LEADER_GRADED_BY_PARTY_AFFAIRS",
                $"Heads and deputies are graded by party-affairs (AS 第二条): employee '{denied.EmployeeId}' holds the post {denied.Post}, "
                + $"and key '{caller.KeyId}' has role {Permissions.Name(caller.Role)}.", "AS 第二条");
        }

        if (denied.AssessedOn is { } day)
        {
            var why = string.Equals(denied.DepartmentId, denied.HomeDepartmentId, StringComparison.Ordinal)
                ? $"employee '{denied.EmployeeId}' belongs to department '{denied.HomeDepartmentId}', which assesses the period ending {day:yyyy-MM-dd}"
                : $"employee '{denied.EmployeeId}' of department '{denied.HomeDepartmentId}' is assessed for the period ending {day:yyyy-MM-dd} "
                  + $"by department '{denied.DepartmentId}' (secondment or transfer)";
            return Refusals.Refuse(StatusCode.PermissionDenied, "OUTSIDE_ASSESSING_UNIT",
                $"Department HR grades the people its department assesses; a seconded person is graded by the receiving unit and a person "
                + $"transferred in by the new department (AS 第二十四条): key '{caller.KeyId}' is HR of department "
                + $"'{caller.DepartmentId}', and {why}.", "AS 第二十四条");
        }

        return Refusals.Refuse(StatusCode.PermissionDenied, "OUTSIDE_OWN_DEPARTMENT",
                $"Department HR records only its own staff: key '{caller.KeyId}' is HR of department '{caller.DepartmentId}', "
                + $"and employee '{denied.EmployeeId}' belongs to department '{denied.DepartmentId}'.");
    }

    /// <summary>Refuses the call when the caller is another department's HR.</summary>
    public static void DemandDepartment(ServerCallContext context, string departmentId) =>
        DemandDepartment(Caller(context), departmentId, $"the request names department '{departmentId}'");

    private static void DemandDepartment(Caller caller, string departmentId, string facts)
    {
        if (caller.Role == Role.Hr && caller.DepartmentId is { } own && !string.Equals(own, departmentId, StringComparison.Ordinal))
        {
            throw Refusals.Refuse(StatusCode.PermissionDenied, "OUTSIDE_OWN_DEPARTMENT",
                $"Department HR records only its own staff: key '{caller.KeyId}' is HR of department '{own}', "
                + $"and {facts}.");
        }
    }
}
