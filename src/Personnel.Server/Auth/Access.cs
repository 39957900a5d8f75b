using Personnel.Api.V1;
using Personnel.Rpc;
using Personnel.Storage;

namespace Personnel.Server.Auth;

/// <summary>
/// The scope half of the permission matrix: which department's staff a key may touch, and who grades
/// heads and deputies (AS 第二条). Which rule applies comes from <see cref="Permissions.Table"/> through the
/// <see cref="Caller"/>; handlers only say what the call touches.
/// </summary>
public sealed class Access(IEventStore store)
{
    private static readonly HashSet<string> PartyGradedPosts = new(StringComparer.Ordinal) { "DepartmentHead", "DeputyHead" };

    /// <summary>Gets the authenticated caller of the call.</summary>
    public static Caller Caller(ServerCallContext context) => AuthenticationMiddleware.GetCaller(context.GetHttpContext());

    /// <summary>Refuses the call when the caller may not act on this employee.</summary>
    public async Task DemandEmployeeAsync(ServerCallContext context, string employeeId)
    {
        var caller = Caller(context);
        if (caller.Scope is not (Scope.Employee or Scope.Grading) || string.IsNullOrEmpty(employeeId))
        {
            return;
        }

        // An unknown employee passes here; the call itself then answers NOT_FOUND.
        var view = await store.ReadModels.GetEmployeeAsync(employeeId, context.CancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return;
        }

        DemandDepartment(caller, view.DepartmentId, $"employee '{employeeId}' belongs to department '{view.DepartmentId}'");
        if (caller.Scope == Scope.Grading && PartyGradedPosts.Contains(view.Post) && caller.Role != Role.PartyAffairs)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"Heads and deputies are graded by party-affairs (AS 第二条): employee '{employeeId}' holds the post {view.Post}, "
                + $"and key '{caller.KeyId}' has role {Permissions.Name(caller.Role)}."));
        }
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
