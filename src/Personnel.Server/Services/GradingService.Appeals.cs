using Personnel.Grains.Abstractions;
using Grpc.Core;
using Personnel.Server.Mapping;
using V1 = Personnel.Api.V1;
using D = Personnel.Domain;

namespace Personnel.Server.Services;

/// <summary>Listing grades, appeals (AS 第二十八条) and the department import.</summary>
public sealed partial class GradingService
{
    public override async Task<V1.ListGradesResponse> ListGrades(V1.ListGradesRequest request, ServerCallContext context)
    {
        var id = GrainCalls.Id(request.EmployeeId, "employee_id");
        var from = request.FromYear == 0 ? int.MinValue : GrainCalls.Year(request.FromYear, "from_year");
        var to = request.ToYear == 0 ? int.MaxValue : GrainCalls.Year(request.ToYear, "to_year");
        if (from > to)
        {
            throw Refusals.Invalid($"from_year {request.FromYear} is after to_year {request.ToYear}.");
        }

        var grain = grains.GetGrain<IEmployeeGrain>(id);
        var snapshot = await GrainCalls.RunAsync(() => grain.GetSnapshotAsync(context.CancellationToken)).ConfigureAwait(false);
        var list = await GrainCalls.RunAsync(() => grain.ListGradesAsync(context.CancellationToken)).ConfigureAwait(false);
        var trail = await journal.GradeTrailAsync(id, context.CancellationToken).ConfigureAwait(false);
        var response = new V1.ListGradesResponse();
        foreach (var q in list.Quarterly.Where(q => q.Quarter.Year >= from && q.Quarter.Year <= to))
        {
            var record = new V1.QuarterlyGradeRecord
            {
                EmployeeId = snapshot.EmployeeId,
                DepartmentId = q.GradedBy.Value,
                Year = q.Quarter.Year,
                Quarter = q.Quarter.Number,
                DecidedOn = Dates.ToApi(q.OccurredOn),
                PayPercent = PayPercent(q.Grade),
                RecordedBy = trail.QuarterRecordedBy.GetValueOrDefault(q.Quarter, ""),
                Comments = q.Comments ?? "",
            };
            if (q.Grade is { } g)
            {
                record.Grade = Enums.ToApi(g);
            }
            else
            {
                record.NoGrade = new V1.NoGrade { Reason = Enums.ToApi(q.NoGradeReason) };
            }

            response.Quarterly.Add(record);
        }

        foreach (var a in list.Annual.Where(a => a.Year >= from && a.Year <= to))
        {
            var record = new V1.AnnualGradeRecord
            {
                EmployeeId = snapshot.EmployeeId,
                DepartmentId = a.GradedBy.Value,
                Year = a.Year,
                DecidedOn = Dates.ToApi(a.OccurredOn),
                YearCounted = a.Grade is D.Grading.AnnualGrade.Excellent or D.Grading.AnnualGrade.Competent,
                UnderAppeal = trail.YearsUnderAppeal.Contains(a.Year),
                RecordedBy = trail.YearRecordedBy.GetValueOrDefault(a.Year, ""),
                Comments = a.Comments ?? "",
                SetAfterInvestigation = a.SetAfterInvestigation,
            };
            if (a.Grade is { } g)
            {
                record.Grade = Enums.ToApi(g);
            }
            else
            {
                record.NoGrade = new V1.NoGrade { Reason = Enums.ToApi(a.NoGradeReason) };
            }

            response.Annual.Add(record);
        }

        return response;
    }

    public override async Task<V1.AppealAnnualGradeResponse> AppealAnnualGrade(V1.AppealAnnualGradeRequest request, ServerCallContext context)
    {
        var year = GrainCalls.Year(request.Year);
        if (request.Kind is not (V1.AppealKind.Review or V1.AppealKind.Appeal))
        {
            throw Refusals.Invalid($"kind {(int)request.Kind} is not REVIEW (复核) or APPEAL (申诉) (AS 第二十八条).");
        }

        var on = Dates.Optional(request.FiledOn, "filed_on");
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new AppealAnnualGrade(year), on, YearAssessedOn(year, on), context).ConfigureAwait(false);
        return new V1.AppealAnnualGradeResponse
        {
            Record = new V1.AnnualGradeRecord
            {
                EmployeeId = result.Snapshot.EmployeeId,
                DepartmentId = await GradedByAsync(result, year, context).ConfigureAwait(false),
                Year = year,
                Grade = V1.AnnualGrade.Incompetent,
                UnderAppeal = true,
                YearCounted = false,
            },
        };
    }

    public override async Task<V1.ResolveAppealResponse> ResolveAppeal(V1.ResolveAppealRequest request, ServerCallContext context)
    {
        var year = GrainCalls.Year(request.Year);
        D.Grading.AnnualGrade? revised = request.ChangeCase == V1.ResolveAppealRequest.ChangeOneofCase.ChangedTo
            ? Enums.Annual(request.ChangedTo, "changed_to")
            : null;
        var on = Dates.Optional(request.ResolvedOn, "resolved_on");
        var outcome = revised is null ? D.Employees.AppealOutcome.Upheld : D.Employees.AppealOutcome.Revised;
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new ResolveAppeal(year, outcome, revised), on, YearAssessedOn(year, on), context)
            .ConfigureAwait(false);
        var grade = revised ?? D.Grading.AnnualGrade.Incompetent;
        var response = new V1.ResolveAppealResponse
        {
            Record = new V1.AnnualGradeRecord
            {
                EmployeeId = result.Snapshot.EmployeeId,
                DepartmentId = await GradedByAsync(result, year, context).ConfigureAwait(false),
                Year = year,
                Grade = Enums.ToApi(grade),
                Comments = request.Explanation,
                DecidedOn = Dates.ToApi(on ?? clock.Today),
                YearCounted = grade is D.Grading.AnnualGrade.Excellent or D.Grading.AnnualGrade.Competent,
                UnderAppeal = false,
            },
        };
        response.Consequences.AddRange(EmployeeMapping.Consequences(result.Events));
        return response;
    }

    /// <summary>The unit that graded <paramref name="year"/> (AS 第二十四条), as <see cref="ListGrades"/> shows it.</summary>
    private async Task<string> GradedByAsync(EmployeeCommandResult result, int year, ServerCallContext context)
    {
        var list = await GrainCalls.RunAsync(() => grains.GetGrain<IEmployeeGrain>(result.Snapshot.EmployeeId).ListGradesAsync(context.CancellationToken))
            .ConfigureAwait(false);
        return list.Annual.LastOrDefault(a => a.Year == year)?.GradedBy.Value ?? result.Snapshot.DepartmentId;
    }

    private static string CodeName(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.Aborted => "ABORTED",
        _ => code.ToString().ToUpperInvariant(),
    };
}
