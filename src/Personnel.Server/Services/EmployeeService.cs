using Personnel.Grains.Abstractions;
using Orleans;
using Grpc.Core;
using Personnel.Server.Auth;
using Personnel.Server.Hosting;
using Personnel.Server.Mapping;
using Personnel.Grains.Queries;
using V1 = Personnel.Api.V1;
using D = Personnel.Domain;

namespace Personnel.Server.Services;

/// <summary>personnel.v1.EmployeeService: validate, call the employee grain, map. Lifecycle RPCs here;
/// records and queries in the partial files beside.</summary>
public sealed partial class EmployeeService(
    IGrainFactory grains, IEmployeeDirectory directory, IEmployeeJournal journal, ShanghaiClock clock, Grains.Views.PostLevelReader postLevels)
    : V1.EmployeeService.EmployeeServiceBase
{
    public override async Task<V1.AppointEmployeeResponse> AppointEmployee(V1.AppointEmployeeRequest request, ServerCallContext context)
    {
        var employeeId = GrainCalls.Id(request.EmployeeId, "employee_id");
        var departmentId = GrainCalls.Id(request.DepartmentId, "department_id");
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            throw Refusals.Invalid("name is missing or longer than 100 characters.");
        }

        var method = Enums.Method(request.Method);
        var level = EmployeeMapping.FromApi(request.PostLevel, "post_level");
        var startsOn = DecisionDates.NotAfterToday(Dates.Optional(request.StartsOn, "starts_on"), clock.Today, "starts_on") ?? clock.Today;
        var retirement = Dates.Required(request.RetirementOn, "retirement_on");
        var rank = request.AdministrativeRank == V1.AdministrativeRank.Unspecified
            ? D.Posts.AdministrativeRank.Other
            : Enums.ByName<V1.AdministrativeRank, D.Posts.AdministrativeRank>(request.AdministrativeRank, "administrative_rank");
        var rankSince = Dates.Optional(request.AdministrativeRankSince, "administrative_rank_since") ?? startsOn;
        var education = request.Education == V1.Education.Unspecified
            ? throw Refusals.Invalid("education is missing: the eligibility conditions of AM 第五条 read it (EDUCATION_BACHELOR …).")
            : Enums.ByName<V1.Education, D.Posts.Education>(request.Education, "education");
        if (request.FirstJob && method != D.Employees.AppointmentMethod.OpenRecruitment)
        {
            throw Refusals.Invalid("first_job applies only to open recruitment (AM 第十三条: 12-month probation for a first job).");
        }

        Access.DemandDepartment(context, departmentId);
        var probation = method != D.Employees.AppointmentMethod.OpenRecruitment
            ? D.Employees.ProbationKind.None
            : request.FirstJob ? D.Employees.ProbationKind.FirstJob : D.Employees.ProbationKind.Standard;
        var appointment = new D.Employees.AppointmentRequest(
            new D.Common.EmployeeId(employeeId), new D.Common.DepartmentId(departmentId), level, method, probation, retirement,
            rank, rankSince, education, request.FirstCompetition);
        var result = await ExecuteAsync(employeeId, request.RequestId,
                new AppointEmployee(appointment, request.Name, Waiver(request.EligibilityWaivedBy, request.EligibilityWaiverReason)), startsOn, context)
            .ConfigureAwait(false);
        return new V1.AppointEmployeeResponse { Employee = EmployeeMapping.ToApi(result.Snapshot) };
    }

    public override async Task<V1.RecordProbationOutcomeResponse> RecordProbationOutcome(V1.RecordProbationOutcomeRequest request, ServerCallContext context)
    {
        var on = Dates.Optional(request.DecidedOn, "decided_on");
        RequireReasonWhenFailed(request.Passed, request.Reason);
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId,
            new RecordProbationOutcome(request.Passed, NullIfEmpty(request.Reason)), on, context).ConfigureAwait(false);
        return new V1.RecordProbationOutcomeResponse { Employee = EmployeeMapping.ToApi(result.Snapshot) };
    }

    public override async Task<V1.PromoteResponse> Promote(V1.PromoteRequest request, ServerCallContext context)
    {
        var level = EmployeeMapping.FromApi(request.PostLevel, "post_level");
        var on = Dates.Optional(request.StartsOn, "starts_on");
        var waiver = Waiver(request.EligibilityWaivedBy, request.EligibilityWaiverReason);
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new PromoteEmployee(level, waiver), on, context).ConfigureAwait(false);
        return new V1.PromoteResponse { Employee = EmployeeMapping.ToApi(result.Snapshot) };
    }

    public override async Task<V1.RecordTrialOutcomeResponse> RecordTrialOutcome(V1.RecordTrialOutcomeRequest request, ServerCallContext context)
    {
        var on = Dates.Optional(request.DecidedOn, "decided_on");
        RequireReasonWhenFailed(request.Passed, request.Reason);
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId,
            new RecordTrialOutcome(request.Passed, NullIfEmpty(request.Reason)), on, context).ConfigureAwait(false);
        return new V1.RecordTrialOutcomeResponse { Employee = EmployeeMapping.ToApi(result.Snapshot) };
    }

    public override async Task<V1.RenewContractResponse> RenewContract(V1.RenewContractRequest request, ServerCallContext context)
    {
        var on = Dates.Optional(request.DecidedOn, "decided_on");
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new RenewContract(), on, context).ConfigureAwait(false);
        return new V1.RenewContractResponse { Employee = EmployeeMapping.ToApi(result.Snapshot) };
    }

    public override async Task<V1.DeclineRenewalResponse> DeclineRenewal(V1.DeclineRenewalRequest request, ServerCallContext context)
    {
        var on = Dates.Optional(request.DecidedOn, "decided_on");
        RequireReasonWhenFailed(passed: false, request.Reason);
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new DeclineRenewal(request.Reason), on, context).ConfigureAwait(false);
        return new V1.DeclineRenewalResponse { Employee = EmployeeMapping.ToApi(result.Snapshot) };
    }

    public override async Task<V1.RotateResponse> Rotate(V1.RotateRequest request, ServerCallContext context)
    {
        var to = GrainCalls.Id(request.ToDepartmentId, "to_department_id");
        var level = EmployeeMapping.FromApi(request.PostLevel, "post_level");
        var on = Dates.Optional(request.StartsOn, "starts_on");
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId,
            new RotateEmployee(new D.Common.DepartmentId(to), level), on, context).ConfigureAwait(false);
        return new V1.RotateResponse { Employee = EmployeeMapping.ToApi(result.Snapshot) };
    }

    public override async Task<V1.SeparateResponse> Separate(V1.SeparateRequest request, ServerCallContext context)
    {
        var on = Dates.Optional(request.EffectiveOn, "effective_on");
        if (request.Kind != V1.SeparationKind.Dismissal && request.DismissalCause != V1.DismissalCause.Unspecified)
        {
            throw Refusals.Invalid($"dismissal_cause is only for kind DISMISSAL, not {request.Kind}.");
        }

        EmployeeCommand command = request.Kind switch
        {
            V1.SeparationKind.Resignation => new ResignEmployee(),
            V1.SeparationKind.TransferOut => new TransferOut(string.IsNullOrWhiteSpace(request.Reason)
                ? throw Refusals.Invalid("reason is missing: a transfer out names the receiving unit in reason.")
                : request.Reason),
            V1.SeparationKind.Retirement => new RetireEmployee(),
            V1.SeparationKind.Dismissal => new DismissEmployee(Enums.Cause(request.DismissalCause),
                string.IsNullOrWhiteSpace(request.Reason) ? throw Refusals.Invalid("reason is missing: a dismissal (AM 第十八条) states its facts.") : request.Reason),
            _ => throw Refusals.Invalid($"kind {(int)request.Kind} is not RESIGNATION, TRANSFER_OUT, RETIREMENT or DISMISSAL (AM 第十五条, 第十八条)."),
        };
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, command, on, context).ConfigureAwait(false);
        return new V1.SeparateResponse { Employee = EmployeeMapping.ToApi(result.Snapshot) };
    }

    /// <summary>Validates the ids, checks the caller's scope, and runs the command on <paramref name="on"/> (today when unset).</summary>
    private Task<EmployeeCommandResult> ExecuteAsync(
        string employeeId, string requestId, EmployeeCommand command, DateOnly? on, ServerCallContext context) =>
        GrainCalls.RunEmployeeCommandAsync(grains, employeeId, requestId, command, DecisionDates.NotAfterToday(on, clock.Today) ?? clock.Today, assessedOn: null, context);

    private static void RequireReasonWhenFailed(bool passed, string reason)
    {
        if (!passed && string.IsNullOrWhiteSpace(reason))
        {
            throw Refusals.Invalid("reason is missing: a negative decision states its reason (AM 第十三条, 第十五条).");
        }
    }

    /// <summary>The zone committee's waiver (AM 第五条) from the wire: none when both fields are empty; both, or neither.</summary>
    private static D.Employees.EligibilityWaiverGrant? Waiver(string waivedBy, string reason)
    {
        if (string.IsNullOrWhiteSpace(waivedBy) && string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(waivedBy) || string.IsNullOrWhiteSpace(reason) || waivedBy.Length > 200 || reason.Length > 500)
        {
            throw Refusals.Invalid("eligibility_waived_by and eligibility_waiver_reason go together: a waiver of AM 第五条 (工委研究同意) "
                + "names who granted it (up to 200 characters) and why (up to 500).");
        }

        return new D.Employees.EligibilityWaiverGrant(waivedBy.Trim(), reason.Trim());
    }

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
