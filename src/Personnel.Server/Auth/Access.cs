using Personnel.Api.V1;
using Personnel.Domain.Profiles;
using Personnel.Rpc;
using Personnel.Storage;

namespace Personnel.Server.Auth;

/// <summary>
/// The scope half of the permission matrix: which department's staff a key may touch, and who grades
/// heads and deputies (AS 第二条), and which unit grades a period (AS 第二十四条). Which rule applies comes from
/// <see cref="Permissions.Table"/> through the <see cref="Caller"/>; handlers only say what the call touches.
/// </summary>
public sealed class Access(IEventStore store, PolicyProfile profile)
{
    private static readonly HashSet<string> PartyGradedPosts = new(StringComparer.Ordinal) { "DepartmentHead", "DeputyHead" };

    /// <summary>The name event the employee grain writes beside the domain events (EmployeeGrain.NamedEventType); not a domain event.</summary>
    private const string NamedEventType = "employee-named";

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

    /// <summary>
    /// Refuses a grading call when the caller may not grade this employee for the period whose assessing day is
    /// <paramref name="assessedOn"/> (the quarter's last day; the year's last day, or the decision day when earlier).
    /// Department HR grades the people its department assesses then, which is not always its own staff: a seconded
    /// person is graded by the receiving unit, a person moved in during the year by the new department (AS 第二十四条).
    /// Heads and deputies stay with party-affairs (AS 第二条).
    /// </summary>
    public async Task DemandGradingAsync(ServerCallContext context, string employeeId, DateOnly assessedOn)
    {
        var caller = Caller(context);
        if (caller.Scope != Scope.Grading || string.IsNullOrEmpty(employeeId))
        {
            await DemandEmployeeAsync(context, employeeId).ConfigureAwait(false);
            return;
        }

        // An unknown employee passes here; the call itself then answers NOT_FOUND.
        var view = await store.ReadModels.GetEmployeeAsync(employeeId, context.CancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return;
        }

        if (caller.Role == Role.Hr && caller.DepartmentId is { } own)
        {
            // Only a department's HR needs the assessing unit; the others grade anyone, so the history is read for them alone.
            var assessor = await AssessingUnitAsync(employeeId, assessedOn, context.CancellationToken).ConfigureAwait(false);
            if (!string.Equals(own, assessor, StringComparison.Ordinal))
            {
                var why = string.Equals(assessor, view.DepartmentId, StringComparison.Ordinal)
                    ? $"employee '{employeeId}' belongs to department '{view.DepartmentId}', which assesses the period ending {assessedOn:yyyy-MM-dd}"
                    : $"employee '{employeeId}' of department '{view.DepartmentId}' is assessed for the period ending {assessedOn:yyyy-MM-dd} "
                      + $"by department '{assessor}' (secondment or transfer)";
                throw new RpcException(new Status(StatusCode.PermissionDenied,
                    $"Department HR grades the people its department assesses; a seconded person is graded by the receiving unit and a person "
                    + $"transferred in by the new department (AS 第二十四条; DESIGN.md, Security): key '{caller.KeyId}' is HR of department '{own}', "
                    + $"and {why}."));
            }
        }

        if (PartyGradedPosts.Contains(view.Post) && caller.Role != Role.PartyAffairs)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"Heads and deputies are graded by party-affairs (AS 第二条): employee '{employeeId}' holds the post {view.Post}, "
                + $"and key '{caller.KeyId}' has role {Permissions.Name(caller.Role)}."));
        }
    }

    /// <summary>The day whose assessing unit grades <paramref name="year"/> when acting on <paramref name="on"/>: the year's
    /// last day, or <paramref name="on"/> when earlier, as the employee grain decides it (AS 第二十四条).</summary>
    public static DateOnly YearAssessedOn(int year, DateOnly on)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        return on < yearEnd ? on : yearEnd;
    }

    /// <summary>The unit that assesses the employee for the period ending on <paramref name="day"/>, from the recorded history (AS 第二十四条).</summary>
    private async Task<string> AssessingUnitAsync(string employeeId, DateOnly day, CancellationToken cancellationToken)
    {
        var recorded = await store.ReadStreamAsync(Grains.StreamIds.Employee(employeeId), 1, cancellationToken).ConfigureAwait(false);
        var employee = Domain.Employees.Employee.FromHistory(
            recorded.Where(e => e.Type != NamedEventType).Select(e => Domain.Employees.EventJson.Deserialize<Domain.Employees.EmployeeEvent>(e.Payload)), profile.Grading);
        return employee.AssessingUnitOn(day).Value;
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
