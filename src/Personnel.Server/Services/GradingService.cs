using Personnel.Domain.Profiles;
using Personnel.Grains.Abstractions;
using Orleans;
using Grpc.Core;
using Personnel.Server.Auth;
using Personnel.Server.Hosting;
using Personnel.Server.Mapping;
using V1 = Personnel.Api.V1;
using D = Personnel.Domain;

namespace Personnel.Server.Services;

/// <summary>personnel.v1.GradingService: quarterly and annual grades (AS 第七条–第二十八条). Appeals, listing
/// and the import are in the partial file beside.</summary>
public sealed partial class GradingService(
    IGrainFactory grains, Grains.Queries.IEmployeeJournal journal, ShanghaiClock clock, PolicyProfile profile) : V1.GradingService.GradingServiceBase
{
    public override async Task<V1.RecordQuarterlyGradeResponse> RecordQuarterlyGrade(V1.RecordQuarterlyGradeRequest request, ServerCallContext context) =>
        (await RecordQuarterlyAsync(request, context).ConfigureAwait(false)).Response;

    public override async Task<V1.StartExcellentNoticeResponse> StartExcellentNotice(V1.StartExcellentNoticeRequest request, ServerCallContext context)
    {
        var year = GrainCalls.Year(request.Year);
        var on = Dates.Optional(request.StartedOn, "started_on");
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new ProposeExcellent(year), on, YearAssessedOn(year, on), context)
            .ConfigureAwait(false);
        var proposed = Recorded<D.Employees.ExcellentProposed>(result, D.Common.EventTypes.Employee.ExcellentProposed);
        return new V1.StartExcellentNoticeResponse { EarliestDecisionOn = Dates.ToApi(proposed.EarliestDecision) };
    }

    public override async Task<V1.RecordAnnualGradeResponse> RecordAnnualGrade(V1.RecordAnnualGradeRequest request, ServerCallContext context)
    {
        var year = GrainCalls.Year(request.Year);
        D.Grading.AnnualGrade? grade = request.OutcomeCase switch
        {
            V1.RecordAnnualGradeRequest.OutcomeOneofCase.Grade => Enums.Annual(request.Grade),
            V1.RecordAnnualGradeRequest.OutcomeOneofCase.NoGrade => NoGrade(request.NoGrade),
            _ => throw Refusals.Invalid("outcome is missing: set grade, or no_grade with its reason (AS 第十条)."),
        };
        var assessment = Assessment(request);
        var on = Dates.Optional(request.DecidedOn, "decided_on");
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new RecordAnnualGrade(year, grade, assessment), on, YearAssessedOn(year, on), context)
            .ConfigureAwait(false);
        var recorded = Recorded<D.Employees.AnnualGradeRecorded>(result, D.Common.EventTypes.Employee.AnnualGradeRecorded);
        var record = new V1.AnnualGradeRecord
        {
            EmployeeId = result.Snapshot.EmployeeId,
            DepartmentId = recorded.GradedBy.Value,
            Year = year,
            Comments = request.Comments,
            DecidedOn = Dates.ToApi(on ?? clock.Today),
            YearCounted = !result.Events.Any(e => e.Type == D.Common.EventTypes.Employee.YearNotCounted),
            RecordedBy = Access.Caller(context).KeyId,
            SetAfterInvestigation = recorded.SetAfterInvestigation,
        };
        SetOutcome(record, request);
        var response = new V1.RecordAnnualGradeResponse { Record = record };
        response.Consequences.AddRange(EmployeeMapping.Consequences(result.Events));
        if (result.Quota is { Quarter: null } quota)
        {
            response.ExcellentQuota = Quotas.ToApi(quota);
        }

        return response;
    }

    public override async Task<V1.CorrectQuarterlyGradeResponse> CorrectQuarterlyGrade(V1.CorrectQuarterlyGradeRequest request, ServerCallContext context)
    {
        var quarter = GrainCalls.Quarter(request.Year, request.Quarter);
        var grade = Enums.Quarterly(request.Grade);
        var on = Dates.Optional(request.DecidedOn, "decided_on");
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new CorrectQuarterlyGrade(quarter, grade, CorrectionReason(request.Reason)), on,
            quarter.LastDay, context).ConfigureAwait(false);
        var corrected = Recorded<D.Employees.QuarterlyGradeCorrected>(result, D.Common.EventTypes.Employee.QuarterlyGradeCorrected);
        var response = new V1.CorrectQuarterlyGradeResponse
        {
            PreviousGrade = Enums.ToApi<D.Grading.QuarterlyGrade, V1.QuarterlyGrade>(corrected.From),
            Record = new V1.QuarterlyGradeRecord
            {
                EmployeeId = result.Snapshot.EmployeeId,
                DepartmentId = corrected.GradedBy.Value,
                Year = quarter.Year,
                Quarter = quarter.Number,
                Grade = Enums.ToApi<D.Grading.QuarterlyGrade, V1.QuarterlyGrade>(corrected.To),
                DecidedOn = Dates.ToApi(corrected.OccurredOn),
                PayPercent = PayPercent(corrected.To),
                RecordedBy = Access.Caller(context).KeyId,
            },
        };
        if (result.Quota is { Quarter: not null } quota)
        {
            response.GoodQuota = Quotas.ToApi(quota);
        }

        response.FollowUps.AddRange(EmployeeMapping.Consequences(result.Events));
        return response;
    }

    public override async Task<V1.CorrectAnnualGradeResponse> CorrectAnnualGrade(V1.CorrectAnnualGradeRequest request, ServerCallContext context)
    {
        var year = GrainCalls.Year(request.Year);
        var grade = Enums.Annual(request.Grade);
        var on = Dates.Optional(request.DecidedOn, "decided_on");
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new CorrectAnnualGrade(year, grade, CorrectionReason(request.Reason)), on,
            YearAssessedOn(year, on), context).ConfigureAwait(false);
        var corrected = Recorded<D.Employees.AnnualGradeCorrected>(result, D.Common.EventTypes.Employee.AnnualGradeCorrected);
        var list = await GrainCalls.RunAsync(() => grains.GetGrain<IEmployeeGrain>(result.Snapshot.EmployeeId).ListGradesAsync(context.CancellationToken))
            .ConfigureAwait(false);
        var now = list.Annual.LastOrDefault(a => a.Year == year);
        var response = new V1.CorrectAnnualGradeResponse
        {
            PreviousGrade = Enums.ToApi(corrected.From),
            Record = new V1.AnnualGradeRecord
            {
                EmployeeId = result.Snapshot.EmployeeId,
                DepartmentId = corrected.GradedBy.Value,
                Year = year,
                Grade = Enums.ToApi(corrected.To),
                Comments = now?.Comments ?? "",
                DecidedOn = Dates.ToApi(corrected.OccurredOn),
                YearCounted = profile.Grading.IsYearCounted(D.Employees.GradeOutcomes.ToOutcome(corrected.To)),
                RecordedBy = Access.Caller(context).KeyId,
                SetAfterInvestigation = now?.SetAfterInvestigation ?? false,
            },
        };
        response.Consequences.AddRange(EmployeeMapping.Consequences(result.Events));
        response.Withdrawn.AddRange(EmployeeMapping.Withdrawn(result.Events));
        if (result.Quota is { Quarter: null } quota)
        {
            response.ExcellentQuota = Quotas.ToApi(quota);
        }

        return response;
    }

    /// <summary>A correction's reason (更正理由): required, at most 500 characters, trimmed.</summary>
    private static string CorrectionReason(string reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Length > 500
            ? throw Refusals.Invalid("reason is missing or longer than 500 characters: a correction (更正) states why the recorded grade was wrong.")
            : reason.Trim();

    /// <summary>Records one quarterly grade; the import reuses it row by row.</summary>
    private async Task<(V1.RecordQuarterlyGradeResponse Response, bool Replayed)> RecordQuarterlyAsync(
        V1.RecordQuarterlyGradeRequest request, ServerCallContext context)
    {
        var quarter = GrainCalls.Quarter(request.Year, request.Quarter);
        D.Grading.QuarterlyGrade? grade = request.OutcomeCase switch
        {
            V1.RecordQuarterlyGradeRequest.OutcomeOneofCase.Grade => Enums.Quarterly(request.Grade),
            V1.RecordQuarterlyGradeRequest.OutcomeOneofCase.NoGrade => NoGrade<D.Grading.QuarterlyGrade>(request.NoGrade),
            _ => throw Refusals.Invalid("outcome is missing: set grade, or no_grade with its reason (AS 第八条, 第二十三条–第二十七条)."),
        };
        var on = Dates.Optional(request.DecidedOn, "decided_on");
        var result = await ExecuteAsync(request.EmployeeId, request.RequestId, new RecordQuarterlyGrade(quarter, grade, NullIfBlank(request.Comments),
                request.DepartmentId.Length == 0 ? null : GrainCalls.Id(request.DepartmentId, "department_id")), on, quarter.LastDay, context)
            .ConfigureAwait(false);
        var record = new V1.QuarterlyGradeRecord
        {
            EmployeeId = result.Snapshot.EmployeeId,
            DepartmentId = Recorded<D.Employees.QuarterlyGradeRecorded>(result, D.Common.EventTypes.Employee.QuarterlyGradeRecorded).GradedBy.Value,
            Year = quarter.Year,
            Quarter = quarter.Number,
            Comments = request.Comments,
            DecidedOn = Dates.ToApi(on ?? clock.Today),
            PayPercent = PayPercent(grade),
            RecordedBy = Access.Caller(context).KeyId,
        };
        if (grade is null)
        {
            record.NoGrade = request.NoGrade;
        }
        else
        {
            record.Grade = request.Grade;
        }

        var response = new V1.RecordQuarterlyGradeResponse { Record = record };
        if (result.Quota is { Quarter: not null } quota)
        {
            response.GoodQuota = Quotas.ToApi(quota);
        }

        response.FollowUps.AddRange(EmployeeMapping.Consequences(result.Events));
        return (response, result.Replayed);
    }

    /// <summary>Validates the ids, checks the caller may grade the person for the period whose assessing day is
    /// <paramref name="assessedOn"/> (AS 第二条, 第二十四条), and runs the command on <paramref name="on"/> (today when unset).</summary>
    private Task<EmployeeCommandResult> ExecuteAsync(
        string employeeId, string requestId, EmployeeCommand command, DateOnly? on, DateOnly assessedOn, ServerCallContext context) =>
        GrainCalls.RunEmployeeCommandAsync(grains, employeeId, requestId, command, DecisionDates.NotAfterToday(on, clock.Today) ?? clock.Today, assessedOn, context);

    private DateOnly YearAssessedOn(int year, DateOnly? on) => Access.YearAssessedOn(year, on ?? clock.Today);

    /// <summary>The event of <paramref name="type"/> the command recorded (or first recorded, on a retry): a grade's unit is the
    /// assessing unit.</summary>
    private static T Recorded<T>(EmployeeCommandResult result, string type)
        where T : D.Employees.EmployeeEvent =>
        (T)D.Employees.EventJson.Deserialize<D.Employees.EmployeeEvent>(
            (result.Events.FirstOrDefault(e => e.Type == type) ?? throw new InvalidOperationException($"The command recorded no {type} event.")).Payload);

    /// <summary>The quarterly pay percentage of a grade under the running profile (PM 第五条), as the domain decides it.</summary>
    private int PayPercent(D.Grading.QuarterlyGrade? grade) => D.Pay.PerformancePay.QuarterlyPayPercent(grade, profile.Pay);

    // The grain decides the reason from the person's record; the request's reason is validated for form.
    private static T? NoGrade<T>(V1.NoGrade noGrade)
        where T : struct
    {
        Enums.RequireReason(noGrade);
        return null;
    }

    private static D.Grading.AnnualGrade? NoGrade(V1.NoGrade noGrade) => NoGrade<D.Grading.AnnualGrade>(noGrade);

    private static void SetOutcome(V1.AnnualGradeRecord record, V1.RecordAnnualGradeRequest request)
    {
        if (request.OutcomeCase == V1.RecordAnnualGradeRequest.OutcomeOneofCase.Grade)
        {
            record.Grade = request.Grade;
        }
        else
        {
            record.NoGrade = request.NoGrade;
        }
    }

    private static D.Employees.AnnualAssessment Assessment(V1.RecordAnnualGradeRequest request)
    {
        var cases = new List<D.Employees.MandatoryIncompetentCase>();
        var refused = false;
        foreach (var c in request.MandatoryIncompetentCases)
        {
            switch (c)
            {
                case V1.MandatoryIncompetentCase.PoliticalDiscipline: cases.Add(D.Employees.MandatoryIncompetentCase.PoliticalDiscipline); break;
                case V1.MandatoryIncompetentCase.DerelictionMajorLoss: cases.Add(D.Employees.MandatoryIncompetentCase.DerelictionMajorLoss); break;
                case V1.MandatoryIncompetentCase.HarmingPublicInterests: cases.Add(D.Employees.MandatoryIncompetentCase.HarmingPublicInterest); break;
                case V1.MandatoryIncompetentCase.AbsenceSeriousConsequences: cases.Add(D.Employees.MandatoryIncompetentCase.AbsenceSeriousConsequences); break;
                case V1.MandatoryIncompetentCase.SeriousCorruption: cases.Add(D.Employees.MandatoryIncompetentCase.SeriousCorruption); break;
                case V1.MandatoryIncompetentCase.Other: cases.Add(D.Employees.MandatoryIncompetentCase.Other); break;
                case V1.MandatoryIncompetentCase.RefusedAssessment: refused = true; break;
                default: throw Refusals.Invalid($"mandatory_incompetent_cases holds {(int)c}, which is not a case of AS 第十五条 or 第二十八条.");
            }
        }

        D.Employees.DemocraticEvaluation? evaluation = null;
        if (request.DemocraticEvaluation is { } e)
        {
            if (e.VotesCast < 0 || e.VotesIncompetent < 0 || e.VotesIncompetent > e.VotesCast)
            {
                throw Refusals.Invalid($"democratic_evaluation: votes_incompetent {e.VotesIncompetent} must be between 0 and votes_cast {e.VotesCast}.");
            }

            evaluation = new D.Employees.DemocraticEvaluation(e.VotesCast, e.VotesIncompetent, e.ConfirmedByOrganisation);
        }

        return new D.Employees.AnnualAssessment
        {
            MandatoryIncompetentCases = cases, Evaluation = evaluation, RefusedToParticipate = refused,
            Comments = NullIfBlank(request.Comments), SetAfterInvestigation = request.SetAfterInvestigation,
        };
    }

    private static string? NullIfBlank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
