using System.Globalization;
using Personnel.Grains.Abstractions;
using Grpc.Core;
using Personnel.Server.Mapping;
using V1 = Personnel.Api.V1;
using D = Personnel.Domain;

namespace Personnel.Server.Services;

/// <summary>Reads: the employee, the post level (the township apps' question), tenure and history.</summary>
public sealed partial class EmployeeService
{
    private const int DefaultHistoryPage = 100;

    public override async Task<V1.GetEmployeeResponse> GetEmployee(V1.GetEmployeeRequest request, ServerCallContext context)
    {
        var id = GrainCalls.Id(request.EmployeeId, "employee_id");
        var snapshot = await GrainCalls.RunAsync(() => grains.GetGrain<IEmployeeGrain>(id).GetSnapshotAsync(context.CancellationToken))
            .ConfigureAwait(false);
        return new V1.GetEmployeeResponse { Employee = EmployeeMapping.ToApi(snapshot) };
    }

    public override async Task<V1.GetPostLevelResponse> GetPostLevel(V1.GetPostLevelRequest request, ServerCallContext context)
    {
        var id = GrainCalls.Id(request.EmployeeId, "employee_id");
        var asOf = Dates.Optional(request.AsOf, "as_of") ?? clock.Today;

        // This silo's view answers without a grain call; a missing or aged entry is fetched from the grain first.
        var answer = await GrainCalls.RunAsync(() => postLevels.AnswerAsync(id, asOf, context.CancellationToken)).ConfigureAwait(false);
        return new V1.GetPostLevelResponse
        {
            EmployeeId = answer.EmployeeId,
            PostLevel = EmployeeMapping.ToApi(answer.PostLevel),
            AsOf = Dates.ToApi(answer.AsOf),
            Since = Dates.ToApi(answer.Since),
            State = Enums.ToApi(answer.State),
            DemotionDueAtFloor = answer.DemotionDueAtFloor,
        };
    }

    public override async Task<V1.GetTenureResponse> GetTenure(V1.GetTenureRequest request, ServerCallContext context)
    {
        var id = GrainCalls.Id(request.EmployeeId, "employee_id");
        var asOf = Dates.Optional(request.AsOf, "as_of") ?? clock.Today;
        var t = await GrainCalls.RunAsync(() => grains.GetGrain<IEmployeeGrain>(id).GetTenureAsync(asOf, context.CancellationToken))
            .ConfigureAwait(false);
        var response = new V1.GetTenureResponse
        {
            EmployeeId = t.EmployeeId.Value,
            AsOf = Dates.ToApi(t.AsOf),
            PostLevel = EmployeeMapping.ToApi(t.PostLevel),
            PostSince = Dates.ToApi(t.PostSince),
            GradeSince = Dates.ToApi(t.GradeSince),
            CountedYears = t.CountedYears,
            TermNumber = t.TermNumber,
            TermEndsOn = Dates.ToApi(t.TermEnd),
            ProbationEndsOn = Dates.ToApi(t.ProbationEnd),
            TrialEndsOn = Dates.ToApi(t.TrialEnd),
            PromotionFrozenUntil = Dates.ToApi(t.PromotionFrozenUntil),
            NextPostEligibleOn = Dates.ToApi(t.EarliestNextPostEligibility),
            RetirementOn = Dates.ToApi(t.RetirementDate),
        };
        if (t.Rotation is { } rotation)
        {
            response.RotationDue = new V1.RotationDue
            {
                DueOn = Dates.ToApi(rotation.DueOn),
                Strength = rotation.Strength == D.Employees.RotationStrength.Mandatory ? V1.RotationStrength.Mandatory : V1.RotationStrength.Advisory,
                Reason = rotation.Reason,
                ConsecutiveTerms = t.ConsecutiveTerms,
            };
        }

        response.UncountedYears.AddRange(t.YearsNotCounted.Select(ToApi));
        response.CareerUncountedYears.AddRange(t.CareerYearsNotCounted.Select(ToApi));
        return response;
    }

    private static V1.UncountedYear ToApi(D.Employees.UncountedYear year) => new()
    {
        Year = year.Year,
        Reason = year.Reason,
        PostLevel = year.HeldAt is { } level ? EmployeeMapping.ToApi(level) : null,
    };

    public override async Task<V1.ListHistoryResponse> ListHistory(V1.ListHistoryRequest request, ServerCallContext context)
    {
        var id = GrainCalls.Id(request.EmployeeId, "employee_id");
        if (request.AfterVersion < 0)
        {
            throw Refusals.Invalid($"after_version {request.AfterVersion} is negative: 0 lists from the first event.");
        }

        if (request.PageSize is < 0 or > 1000)
        {
            throw Refusals.Invalid($"page_size {request.PageSize} must be 0 (meaning {DefaultHistoryPage}) to 1000.");
        }

        var pageSize = request.PageSize == 0 ? DefaultHistoryPage : request.PageSize;
        // One more than the page says whether another follows.
        var events = await journal.ReadAsync(id, request.AfterVersion, pageSize + 1, context.CancellationToken).ConfigureAwait(false);
        if (events.Count == 0 && request.AfterVersion == 0)
        {
            throw Refusals.NotFound("EMPLOYEE_NOT_FOUND", $"There is no employee '{id}': an employee exists once appointed (聘任, AM 第九条).");
        }

        var response = new V1.ListHistoryResponse
        {
            NextAfterVersion = events.Count > pageSize ? events[pageSize - 1].Version : 0,
        };
        response.Entries.AddRange(events.Take(pageSize).Select(e => new V1.HistoryEntry
        {
            Version = e.Version,
            Type = e.Type,
            OccurredOn = Dates.ToApi(e.OccurredOn),
            RecordedAt = e.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            RecordedBy = e.RecordedBy,
            PayloadJson = e.PayloadJson,
        }));
        return response;
    }
}
