using Personnel.Grains.Abstractions;
using Grpc.Core;
using Personnel.Server.Mapping;
using V1 = Personnel.Api.V1;
using D = Personnel.Domain;

namespace Personnel.Server.Services;

/// <summary>Amendments inside the term: opening the renewal, a change of post, health incapacity, secondment and qualifications.</summary>
public sealed partial class EmployeeService
{
    public override async Task<V1.OpenRenewalResponse> OpenRenewal(V1.OpenRenewalRequest request, ServerCallContext context)
    {
        var on = Dates.Optional(request.DecidedOn, "decided_on");
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new OpenRenewal(), on, context).ConfigureAwait(false);
        return new V1.OpenRenewalResponse { Employee = EmployeeMapping.ToApi(result.Snapshot) };
    }

    public override async Task<V1.ChangePostResponse> ChangePost(V1.ChangePostRequest request, ServerCallContext context)
    {
        var level = EmployeeMapping.FromApi(request.PostLevel, "post_level");
        var on = Dates.Optional(request.EffectiveOn, "effective_on");
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw Refusals.Invalid("reason is missing: a change of post inside the term amends the contract and states why (AM 第九条).");
        }

        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new ChangePost(level, request.Reason), on, context).ConfigureAwait(false);
        return new V1.ChangePostResponse { Employee = EmployeeMapping.ToApi(result.Snapshot) };
    }

    public override async Task<V1.RecordHealthIncapacityResponse> RecordHealthIncapacity(V1.RecordHealthIncapacityRequest request, ServerCallContext context)
    {
        var period = Period(request.StartsOn, request.EndsOn);
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new RecordHealthIncapacity(period), period.End, context)
            .ConfigureAwait(false);
        var response = new V1.RecordHealthIncapacityResponse { Employee = EmployeeMapping.ToApi(result.Snapshot) };
        response.Consequences.AddRange(RuleConsequences.Of(result.Events));
        return response;
    }

    public override async Task<V1.RecordSecondmentResponse> RecordSecondment(V1.RecordSecondmentRequest request, ServerCallContext context)
    {
        GrainCalls.Id(request.EmployeeId, "employee_id");
        Refusals.RequireRequestId(request.RequestId);
        var receiving = GrainCalls.Id(request.ReceivingDepartmentId, "receiving_department_id");
        var period = Period(request.StartsOn, request.EndsOn);

        // The receiving unit grades the person meanwhile (AS 第二十四条), so it must be a department the service knows.
        await GrainCalls.RunAsync(() => grains.GetGrain<IDepartmentGrain>(receiving).GetSnapshotAsync(context.CancellationToken)).ConfigureAwait(false);
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId,
            new RecordSecondment(new D.Common.DepartmentId(receiving), period), period.Start, context).ConfigureAwait(false);
        return new V1.RecordSecondmentResponse { Employee = EmployeeMapping.ToApi(result.Snapshot), AssessingDepartmentId = receiving };
    }

    public override async Task<V1.RecordQualificationsResponse> RecordQualifications(V1.RecordQualificationsRequest request, ServerCallContext context)
    {
        var rank = request.AdministrativeRank == V1.AdministrativeRank.Unspecified
            ? throw Refusals.Invalid("administrative_rank is missing: the eligibility conditions of AM 第五条 read it (ADMINISTRATIVE_RANK_SECTION_CHIEF …).")
            : Enums.ByName<V1.AdministrativeRank, D.Posts.AdministrativeRank>(request.AdministrativeRank, "administrative_rank");
        var since = Dates.Required(request.AdministrativeRankSince, "administrative_rank_since");
        var education = request.Education == V1.Education.Unspecified
            ? throw Refusals.Invalid("education is missing: the eligibility conditions of AM 第五条 read it (EDUCATION_BACHELOR …).")
            : Enums.ByName<V1.Education, D.Posts.Education>(request.Education, "education");
        var on = DecisionDates.NotAfterToday(Dates.Optional(request.RecordedOn, "recorded_on"), clock.Today, "recorded_on") ?? clock.Today;
        if (since > on)
        {
            throw Refusals.Invalid($"administrative_rank_since {since:yyyy-MM-dd} is after recorded_on {on:yyyy-MM-dd}: a rank is recorded once it is held.");
        }

        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new RecordQualifications(rank, since, education), on, context)
            .ConfigureAwait(false);
        var tenure = await GrainCalls.RunAsync(() => grains.GetGrain<IEmployeeGrain>(request.EmployeeId).GetTenureAsync(on, context.CancellationToken))
            .ConfigureAwait(false);
        return new V1.RecordQualificationsResponse
        {
            Employee = EmployeeMapping.ToApi(result.Snapshot),
            NextPostEligibleOn = Dates.ToApi(tenure.EarliestNextPostEligibility),
        };
    }
}
