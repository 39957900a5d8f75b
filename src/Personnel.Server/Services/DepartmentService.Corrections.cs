using Personnel.Grains.Abstractions;
using Grpc.Core;
using Personnel.Server.Auth;
using Personnel.Server.Mapping;
using V1 = Personnel.Api.V1;
using D = Personnel.Domain;

namespace Personnel.Server.Services;

/// <summary>Correcting a department's latest assessed year (AM 第十七条): the yellow card and the leadership
/// adjustment are judged again, and the answer says which follow now and which were withdrawn or rescinded.</summary>
public sealed partial class DepartmentService
{
    public override async Task<V1.CorrectDepartmentAssessmentResponse> CorrectDepartmentAssessment(
        V1.CorrectDepartmentAssessmentRequest request, ServerCallContext context)
    {
        var id = GrainCalls.Id(request.DepartmentId, "department_id");
        var requestId = Refusals.RequireRequestId(request.RequestId);
        var year = GrainCalls.Year(request.Year);
        var tier = Enums.Tier(request.Tier);
        var cityRank = CityRankOf(request.CityRank, request.CityGroupSize);

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw Refusals.Invalid("reason is missing: a correction of a department assessment states why (AM 第十七条).");
        }

        var on = DecisionDates.NotAfterToday(Dates.Optional(request.DecidedOn, "decided_on"), clock.Today, "decided_on") ?? clock.Today;
        var result = await ExecuteAsync(id, new CorrectDepartmentAssessment(year, tier, cityRank, request.Reason),
            new CommandContext(requestId, Access.Caller(context).KeyId, on), context).ConfigureAwait(false);
        var corrected = result.Snapshot.Years.Single(y => y.Year == year);
        var response = new V1.CorrectDepartmentAssessmentResponse
        {
            Assessment = ToApi(corrected),
            YellowCard = corrected.HasYellowCard,
            LeadershipAdjustment = corrected.LeadershipAdjustment is not null,
            YellowCardWithdrawn = result.Events.Any(e => e.Type == Domain.Common.EventTypes.Department.YellowCardWithdrawn),
            LeadershipAdjustmentRescinded = result.Events.Any(e => e.Type == Domain.Common.EventTypes.Department.LeadershipAdjustmentRescinded),
        };
        response.Consequences.AddRange(RuleConsequences.Of(result.Events));
        return response;
    }
}
