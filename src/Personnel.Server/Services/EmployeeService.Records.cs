using Personnel.Grains.Abstractions;
using Grpc.Core;
using Personnel.Server.Mapping;
using V1 = Personnel.Api.V1;
using D = Personnel.Domain;

namespace Personnel.Server.Services;

/// <summary>Sanctions, investigations, leave and absences.</summary>
public sealed partial class EmployeeService
{
    public override async Task<V1.RecordSanctionResponse> RecordSanction(V1.RecordSanctionRequest request, ServerCallContext context)
    {
        var kind = Enums.Sanction(request.Kind, "kind");
        var source = Enums.Source(request.Source);
        if (request.Kind == V1.SanctionKind.SeriousWarning && source != D.Employees.SanctionAuthority.Party)
        {
            throw Refusals.Invalid("kind SERIOUS_WARNING (严重警告) is a party sanction: record it with source PARTY (AS 第二十七条).");
        }

        var startsOn = Dates.Required(request.StartsOn, "starts_on");
        var endsOn = Dates.Optional(request.EndsOn, "ends_on");
        if (endsOn < startsOn)
        {
            throw Refusals.Invalid($"ends_on {endsOn:yyyy-MM-dd} is before starts_on {startsOn:yyyy-MM-dd}.");
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw Refusals.Invalid("reason is missing: a sanction states what it was imposed for.");
        }

        var result = await ExecuteAsync(request.EmployeeId, request.RequestId,
            new RecordSanction(startsOn, kind, source, request.Reason, endsOn), startsOn, context).ConfigureAwait(false);
        var response = new V1.RecordSanctionResponse();
        response.Consequences.AddRange(EmployeeMapping.Consequences(result.Events));
        return response;
    }

    public override async Task<V1.RecordInvestigationResponse> RecordInvestigation(V1.RecordInvestigationRequest request, ServerCallContext context)
    {
        EmployeeCommand command;
        DateOnly on;
        switch (request.ActionCase)
        {
            case V1.RecordInvestigationRequest.ActionOneofCase.OpenedOn:
                on = Dates.Required(request.OpenedOn, "opened_on");
                command = new OpenInvestigation(string.IsNullOrWhiteSpace(request.Reason)
                    ? throw Refusals.Invalid("reason is missing: opening an investigation (AS 第二十六条) states why.")
                    : request.Reason);
                break;
            case V1.RecordInvestigationRequest.ActionOneofCase.Closed:
                on = Dates.Required(request.Closed.ClosedOn, "closed.closed_on");
                var outcome = request.Closed.Sanction switch
                {
                    V1.SanctionKind.Unspecified => D.Employees.InvestigationOutcome.NoSanction,
                    V1.SanctionKind.Warning => D.Employees.InvestigationOutcome.Warning,
                    var other when Enum.IsDefined(other) => D.Employees.InvestigationOutcome.Sanctioned,
                    var other => throw Refusals.Invalid($"closed.sanction {(int)other} is not a sanction kind."),
                };
                command = new CloseInvestigation(outcome);
                break;
            default:
                throw Refusals.Invalid("action is missing: set opened_on to open an investigation, or closed to close it (AS 第二十六条).");
        }

        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, command, on, context).ConfigureAwait(false);
        var response = new V1.RecordInvestigationResponse();
        response.Consequences.AddRange(EmployeeMapping.Consequences(result.Events));
        return response;
    }

    public override async Task<V1.RecordLeaveResponse> RecordLeave(V1.RecordLeaveRequest request, ServerCallContext context)
    {
        var kind = Enums.ByName<V1.LeaveKind, D.Employees.LeaveKind>(request.Kind, "kind");
        var period = Period(request.StartsOn, request.EndsOn);
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new RecordLeave(kind, period), period.Start, context)
            .ConfigureAwait(false);
        var response = new V1.RecordLeaveResponse();
        response.Consequences.AddRange(EmployeeMapping.Consequences(result.Events));
        return response;
    }

    public override async Task<V1.RecordAbsenceResponse> RecordAbsence(V1.RecordAbsenceRequest request, ServerCallContext context)
    {
        var kind = Enums.ByName<V1.AbsenceKind, D.Employees.AbsenceKind>(request.Kind, "kind");
        var period = Period(request.StartsOn, request.EndsOn);
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new RecordAbsence(kind, period), period.End, context)
            .ConfigureAwait(false);
        var response = new V1.RecordAbsenceResponse { Employee = EmployeeMapping.ToApi(result.Snapshot) };
        response.Consequences.AddRange(EmployeeMapping.Consequences(result.Events));
        return response;
    }

    public override async Task<V1.RecordOvertimeResponse> RecordOvertime(V1.RecordOvertimeRequest request, ServerCallContext context)
    {
        var day = Dates.Required(request.Day, "day");
        if (!decimal.TryParse(request.Hours, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var hours))
        {
            throw Refusals.Invalid($"hours {Refusals.Quote(request.Hours)} is not a number of hours like \"9.5\".");
        }

        await ExecuteAsync(request.EmployeeId, request.RequestId, new RecordOvertime(day, hours), Dates.Optional(request.RecordedOn, "recorded_on"), context)
            .ConfigureAwait(false);
        return new V1.RecordOvertimeResponse();
    }

    public override async Task<V1.RecordLatenessResponse> RecordLateness(V1.RecordLatenessRequest request, ServerCallContext context)
    {
        var day = Dates.Required(request.Day, "day");
        var kind = Enums.ByName<V1.LatenessKind, D.Employees.LatenessKind>(request.Kind, "kind");
        await ExecuteAsync(request.EmployeeId, request.RequestId, new RecordLateness(day, kind), Dates.Optional(request.RecordedOn, "recorded_on"), context)
            .ConfigureAwait(false);
        return new V1.RecordLatenessResponse();
    }

    private static D.Common.DatePeriod Period(Google.Type.Date? startsOn, Google.Type.Date? endsOn)
    {
        var start = Dates.Required(startsOn, "starts_on");
        var end = Dates.Required(endsOn, "ends_on");
        return end >= start
            ? new D.Common.DatePeriod(start, end)
            : throw Refusals.Invalid($"ends_on {end:yyyy-MM-dd} is before starts_on {start:yyyy-MM-dd}.");
    }
}
