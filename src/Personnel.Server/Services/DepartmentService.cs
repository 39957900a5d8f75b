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

/// <summary>personnel.v1.DepartmentService: departments, their yearly assessment and quotas (AM 第十七条; AS 第八条, 第十二条).</summary>
public sealed partial class DepartmentService(
    IGrainFactory grains, IDepartmentDirectory departments, IEmployeeDirectory employees, ShanghaiClock clock) : V1.DepartmentService.DepartmentServiceBase
{
    public override async Task<V1.CreateDepartmentResponse> CreateDepartment(V1.CreateDepartmentRequest request, ServerCallContext context)
    {
        var id = GrainCalls.Id(request.DepartmentId, "department_id");
        var requestId = Refusals.RequireRequestId(request.RequestId);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            throw Refusals.Invalid("name is missing or longer than 100 characters.");
        }

        var kind = request.Kind switch
        {
            V1.DepartmentKind.ZoneDepartment => D.Departments.DepartmentKind.ZoneDepartment,
            V1.DepartmentKind.DispatchedAgency => D.Departments.DepartmentKind.OtherDispatchedAgency,
            V1.DepartmentKind.JudicialOffice => D.Departments.DepartmentKind.JudicialOffice,
            V1.DepartmentKind.LawEnforcementSquad => D.Departments.DepartmentKind.LawEnforcementSquad,
            V1.DepartmentKind.MarketSupervisionOffice => D.Departments.DepartmentKind.MarketSupervisionOffice,
            _ => throw Refusals.Invalid($"kind {(int)request.Kind} is not a department kind: ZONE_DEPARTMENT, JUDICIAL_OFFICE, "
                + "LAW_ENFORCEMENT_SQUAD, MARKET_SUPERVISION_OFFICE or DISPATCHED_AGENCY."),
        };
        var on = DecisionDates.NotAfterToday(Dates.Optional(request.CreatedOn, "created_on"), clock.Today, "created_on") ?? clock.Today;
        var result = await ExecuteAsync(id, new CreateDepartment(request.Name, kind), new CommandContext(requestId, Access.Caller(context).KeyId, on), context)
            .ConfigureAwait(false);
        return new V1.CreateDepartmentResponse { Department = await ToApiAsync(result.Snapshot, context.CancellationToken).ConfigureAwait(false) };
    }

    public override async Task<V1.GetDepartmentResponse> GetDepartment(V1.GetDepartmentRequest request, ServerCallContext context)
    {
        var id = GrainCalls.Id(request.DepartmentId, "department_id");
        var snapshot = await GrainCalls.RunAsync(() => grains.GetGrain<IDepartmentGrain>(id).GetSnapshotAsync(context.CancellationToken))
            .ConfigureAwait(false);
        return new V1.GetDepartmentResponse { Department = await ToApiAsync(snapshot, context.CancellationToken).ConfigureAwait(false) };
    }

    public override async Task<V1.RecordDepartmentAssessmentResponse> RecordDepartmentAssessment(
        V1.RecordDepartmentAssessmentRequest request, ServerCallContext context)
    {
        var id = GrainCalls.Id(request.DepartmentId, "department_id");
        var requestId = Refusals.RequireRequestId(request.RequestId);
        var year = GrainCalls.Year(request.Year);
        var tier = Enums.Tier(request.Tier);
        var cityRank = CityRankOf(request.CityRank, request.CityGroupSize);

        var on = DecisionDates.NotAfterToday(Dates.Optional(request.DecidedOn, "decided_on"), clock.Today, "decided_on") ?? clock.Today;
        var result = await ExecuteAsync(id, new RecordDepartmentAssessment(year, tier, cityRank),
            new CommandContext(requestId, Access.Caller(context).KeyId, on), context).ConfigureAwait(false);
        var assessed = result.Snapshot.Years.FirstOrDefault(y => y.Year == year);
        var response = new V1.RecordDepartmentAssessmentResponse
        {
            Assessment = assessed is null ? null : ToApi(assessed),
            YellowCard = result.YellowCardGrounds.Count > 0,
            LeadershipAdjustment = result.LeadershipAdjustment is not null,
        };
        response.Consequences.AddRange(EmployeeMapping.Consequences(result.Events));
        return response;
    }

    public override async Task<V1.ListDepartmentsResponse> ListDepartments(V1.ListDepartmentsRequest request, ServerCallContext context)
    {
        var limit = Pages.Size(request.PageSize, 100);
        var after = Pages.Cursor(request.PageToken);
        var entries = await departments.ListAsync(after, limit + 1, context.CancellationToken).ConfigureAwait(false);
        var response = new V1.ListDepartmentsResponse();
        foreach (var entry in entries.Take(limit))
        {
            response.Departments.Add(new V1.DepartmentListEntry
            {
                DepartmentId = entry.DepartmentId,
                Name = entry.Name,
                Kind = KindToApi(entry.Kind),
                CreatedOn = Dates.ToApi(entry.CreatedOn),
            });
        }

        if (entries.Count > limit)
        {
            response.NextPageToken = Pages.Token(entries[limit - 1].DepartmentId);
        }

        return response;
    }

    public override async Task<V1.GetQuotasResponse> GetQuotas(V1.GetQuotasRequest request, ServerCallContext context)
    {
        var id = GrainCalls.Id(request.DepartmentId, "department_id");
        var year = GrainCalls.Year(request.Year);
        var quotas = await GrainCalls.RunAsync(() => grains.GetGrain<IDepartmentGrain>(id).GetQuotasAsync(year, context.CancellationToken))
            .ConfigureAwait(false);
        var response = new V1.GetQuotasResponse { Excellent = quotas.Excellent is { } e ? Quotas.ToApi(e) : null };
        response.Good.AddRange(quotas.Quarters.Select(Quotas.ToApi));
        return response;
    }

    /// <summary>The city-level rank in the peer group (AM 第十七条), or none when both numbers are 0.</summary>
    private static D.Departments.CityRank? CityRankOf(int rank, int groupSize)
    {
        if (rank == 0 && groupSize == 0)
        {
            return null;
        }

        if (rank < 1 || groupSize < rank)
        {
            throw Refusals.Invalid($"city_rank {rank} of city_group_size {groupSize}: the rank is 1 to the group size "
                + "(both 0 when the department has no city rank this year).");
        }

        return new D.Departments.CityRank(rank, groupSize);
    }

    private async Task<DepartmentCommandResult> ExecuteAsync(string id, DepartmentCommand command, CommandContext commandContext, ServerCallContext context) =>
        await GrainCalls.RunAsync(() => grains.GetGrain<IDepartmentGrain>(id).ExecuteAsync(command, commandContext, context.CancellationToken))
            .ConfigureAwait(false);

    private async Task<V1.Department> ToApiAsync(DepartmentSnapshot snapshot, CancellationToken cancellationToken)
    {
        var department = new V1.Department
        {
            DepartmentId = snapshot.DepartmentId,
            Name = snapshot.Name,
            Kind = KindToApi(snapshot.Kind),
            Version = snapshot.Version,
            Headcount = await employees.HeadcountAsync(snapshot.DepartmentId, cancellationToken).ConfigureAwait(false),
        };
        department.Assessments.AddRange(snapshot.Years.Select(ToApi));
        department.PendingLeadershipAdjustments.AddRange(await PendingAdjustmentsAsync(snapshot.DepartmentId, cancellationToken).ConfigureAwait(false));
        return department;
    }

    /// <summary>The department's leadership adjustments still waiting for delivery to a head, oldest first.</summary>
    private async Task<IEnumerable<V1.PendingLeadershipAdjustment>> PendingAdjustmentsAsync(string departmentId, CancellationToken cancellationToken) =>
        (await departments.PendingLeadershipAdjustmentsAsync(departmentId, cancellationToken).ConfigureAwait(false))
            .Select(e => new V1.PendingLeadershipAdjustment { Year = e.Year, OrderedOn = Dates.ToApi(e.On) });

    private static V1.DepartmentAssessment ToApi(D.Departments.DepartmentYear year) => new()
    {
        Year = year.Year,
        Tier = Enums.ToApi(year.Tier),
        CityRank = year.CityRank?.Place ?? 0,
        CityGroupSize = year.CityRank?.GroupSize ?? 0,
        YellowCard = year.HasYellowCard,
        LeadershipAdjustment = year.LeadershipAdjustment is not null,
        LeadershipAdjustmentDeliveredTo = year.LeadershipAdjustmentDeliveredTo ?? string.Empty,
        LeadershipAdjustmentDischargedBy = year.LeadershipAdjustmentDischargedBy ?? string.Empty,
        LeadershipAdjustmentSettledOn = year.LeadershipAdjustmentSettledOn is { } settled ? Dates.ToApi(settled) : null,
    };

    private static V1.DepartmentKind KindToApi(D.Departments.DepartmentKind kind) => kind switch
    {
        D.Departments.DepartmentKind.ZoneDepartment => V1.DepartmentKind.ZoneDepartment,
        D.Departments.DepartmentKind.JudicialOffice => V1.DepartmentKind.JudicialOffice,
        D.Departments.DepartmentKind.LawEnforcementSquad => V1.DepartmentKind.LawEnforcementSquad,
        D.Departments.DepartmentKind.MarketSupervisionOffice => V1.DepartmentKind.MarketSupervisionOffice,
        _ => V1.DepartmentKind.DispatchedAgency,
    };
}
