using Personnel.Grains.Abstractions;
using Grpc.Core;
using Personnel.Server.Auth;
using Personnel.Server.Mapping;
using V1 = Personnel.Api.V1;

namespace Personnel.Server.Services;

/// <summary>The yearly ranking place (ranking-based profiles) and the signed feedback of the year's result.</summary>
public sealed partial class EmployeeService
{
    public override async Task<V1.RecordRankingPlaceResponse> RecordRankingPlace(V1.RecordRankingPlaceRequest request, ServerCallContext context)
    {
        var year = GrainCalls.Year(request.Year);
        if (request.GroupSize < 1 || request.Place < 1 || request.Place > request.GroupSize)
        {
            throw Refusals.Invalid($"place {request.Place} of group_size {request.GroupSize}: the place is 1 (best) to the group size (洋沙湖 三(五)19).");
        }

        if (request.PlaceFromBottom < 0 || request.Place + request.PlaceFromBottom > request.GroupSize + 1)
        {
            throw Refusals.Invalid($"place_from_bottom {request.PlaceFromBottom} cannot hold with place {request.Place} of {request.GroupSize}: "
                + "1 is the last, 0 means group_size - place + 1.");
        }

        var on = Dates.Optional(request.DecidedOn, "decided_on");
        int? fromBottom = request.PlaceFromBottom == 0 ? null : request.PlaceFromBottom;
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId,
            new RecordRankingPlace(year, request.Place, request.GroupSize, fromBottom), on, year, context).ConfigureAwait(false);
        var response = new V1.RecordRankingPlaceResponse { Employee = EmployeeMapping.ToApi(result.Snapshot) };
        response.Consequences.AddRange(RuleConsequences.Of(result.Events));
        return response;
    }

    public override async Task<V1.SignAnnualFeedbackResponse> SignAnnualFeedback(V1.SignAnnualFeedbackRequest request, ServerCallContext context)
    {
        var year = GrainCalls.Year(request.Year);
        var on = Dates.Optional(request.SignedOn, "signed_on");
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new SignAnnualFeedback(year), on, year, context).ConfigureAwait(false);
        return new V1.SignAnnualFeedbackResponse { Employee = EmployeeMapping.ToApi(result.Snapshot) };
    }

    /// <summary>As <see cref="ExecuteAsync"/>, for a part of the year's assessment: the caller must be allowed to grade the
    /// person for <paramref name="year"/>, which the assessing unit of the year decides (AS 第二条, 第二十四条).</summary>
    private Task<EmployeeCommandResult> ExecuteAsync(
        string employeeId, string requestId, EmployeeCommand command, DateOnly? on, int year, ServerCallContext context) =>
        GrainCalls.RunEmployeeCommandAsync(grains, employeeId, requestId, command, DecisionDates.NotAfterToday(on, clock.Today) ?? clock.Today, Access.YearAssessedOn(year, on ?? clock.Today), context);
}
