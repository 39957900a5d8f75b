using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Client;

/// <summary>The typed client of <c>personnel.v1.GradingService</c>: one method per RPC. Refusals throw <see cref="PersonnelException"/>.</summary>
public sealed class GradingServiceClient
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service =
        GradingReflection.Descriptor.Services.Single(s => s.Name == "GradingService");

    private static readonly Method<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse> RecordQuarterlyGradeMethod = CallRunner.Method<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Service, "RecordQuarterlyGrade");
    private static readonly Method<CorrectQuarterlyGradeRequest, CorrectQuarterlyGradeResponse> CorrectQuarterlyGradeMethod = CallRunner.Method<CorrectQuarterlyGradeRequest, CorrectQuarterlyGradeResponse>(Service, "CorrectQuarterlyGrade");
    private static readonly Method<StartExcellentNoticeRequest, StartExcellentNoticeResponse> StartExcellentNoticeMethod = CallRunner.Method<StartExcellentNoticeRequest, StartExcellentNoticeResponse>(Service, "StartExcellentNotice");
    private static readonly Method<RecordAnnualGradeRequest, RecordAnnualGradeResponse> RecordAnnualGradeMethod = CallRunner.Method<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(Service, "RecordAnnualGrade");
    private static readonly Method<CorrectAnnualGradeRequest, CorrectAnnualGradeResponse> CorrectAnnualGradeMethod = CallRunner.Method<CorrectAnnualGradeRequest, CorrectAnnualGradeResponse>(Service, "CorrectAnnualGrade");
    private static readonly Method<ListGradesRequest, ListGradesResponse> ListGradesMethod = CallRunner.Method<ListGradesRequest, ListGradesResponse>(Service, "ListGrades");
    private static readonly Method<AppealAnnualGradeRequest, AppealAnnualGradeResponse> AppealAnnualGradeMethod = CallRunner.Method<AppealAnnualGradeRequest, AppealAnnualGradeResponse>(Service, "AppealAnnualGrade");
    private static readonly Method<ResolveAppealRequest, ResolveAppealResponse> ResolveAppealMethod = CallRunner.Method<ResolveAppealRequest, ResolveAppealResponse>(Service, "ResolveAppeal");
    private static readonly Method<ImportQuarterlyGradeRow, ImportQuarterlyGradesResponse> ImportQuarterlyGradesMethod = CallRunner.Method<ImportQuarterlyGradeRow, ImportQuarterlyGradesResponse>(Service, "ImportQuarterlyGrades");

    private readonly CallRunner _runner;

    /// <summary>Creates the client over <paramref name="invoker"/> (e.g. a channel's), with <paramref name="options"/>' key, deadline and retries.</summary>
    public GradingServiceClient(CallInvoker invoker, PersonnelClientOptions options)
        : this(new CallRunner(invoker, options))
    {
    }

    internal GradingServiceClient(CallRunner runner)
    {
        _runner = runner;
    }

    /// <summary>Calls <c>RecordQuarterlyGrade</c>. Records a quarterly grade or an explicit "no grade". A Good past the department's 40 % quota is refused with FAILED_PRECONDITION naming the cap and the count (AS 第八条). A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RecordQuarterlyGradeResponse> RecordQuarterlyGradeAsync(RecordQuarterlyGradeRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RecordQuarterlyGradeMethod, request, cancellationToken);

    /// <summary>Calls <c>CorrectQuarterlyGrade</c>: corrects (更正) a recorded quarterly grade with its reason. A <c>request_id</c>
    /// left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<CorrectQuarterlyGradeResponse> CorrectQuarterlyGradeAsync(CorrectQuarterlyGradeRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(CorrectQuarterlyGradeMethod, request, cancellationToken);

    /// <summary>Calls <c>StartExcellentNotice</c>. Starts the public notice of a proposed Excellent grade (at least 5 working days, AS 第九条). A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<StartExcellentNoticeResponse> StartExcellentNoticeAsync(StartExcellentNoticeRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(StartExcellentNoticeMethod, request, cancellationToken);

    /// <summary>Calls <c>RecordAnnualGrade</c>. Records an annual grade and every consequence it has (AS 第十九条–第二十二条). A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RecordAnnualGradeResponse> RecordAnnualGradeAsync(RecordAnnualGradeRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RecordAnnualGradeMethod, request, cancellationToken);

    /// <summary>Calls <c>CorrectAnnualGrade</c>: corrects (更正) a recorded annual grade with its reason, outside review and appeal; the
    /// old grade's consequences are undone and the new grade's applied. A <c>request_id</c> left empty is filled with a new one; the
    /// call is retried on UNAVAILABLE with the same id.</summary>
    public Task<CorrectAnnualGradeResponse> CorrectAnnualGradeAsync(CorrectAnnualGradeRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(CorrectAnnualGradeMethod, request, cancellationToken);

    /// <summary>Calls <c>ListGrades</c>. Lists an employee's quarterly and annual grades.</summary>
    public Task<ListGradesResponse> ListGradesAsync(ListGradesRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(ListGradesMethod, request, cancellationToken);

    /// <summary>Calls <c>AppealAnnualGrade</c>. Files a review (复核) or appeal (申诉) of an Incompetent annual grade (AS 第二十八条). A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<AppealAnnualGradeResponse> AppealAnnualGradeAsync(AppealAnnualGradeRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(AppealAnnualGradeMethod, request, cancellationToken);

    /// <summary>Calls <c>ResolveAppeal</c>. Resolves an appeal: the grade is upheld, or changed and its consequences recomputed. A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<ResolveAppealResponse> ResolveAppealAsync(ResolveAppealRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(ResolveAppealMethod, request, cancellationToken);

    /// <summary>Calls <c>ImportQuarterlyGrades</c>. Imports a department's quarterly grades: one result per row; valid rows are recorded, invalid rows reported, nothing is half-written. Rows whose request id is empty get a new one; the stream is not retried.</summary>
    public Task<ImportQuarterlyGradesResponse> ImportQuarterlyGradesAsync(IAsyncEnumerable<ImportQuarterlyGradeRow> requests, CancellationToken cancellationToken = default) =>
        _runner.ClientStreamingAsync(ImportQuarterlyGradesMethod, requests, PrepareImportQuarterlyGrades, cancellationToken);

    /// <summary>Calls <c>ImportQuarterlyGrades</c> with rows already in memory (one call; see the streaming overload).</summary>
    public Task<ImportQuarterlyGradesResponse> ImportQuarterlyGradesAsync(IEnumerable<ImportQuarterlyGradeRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return ImportQuarterlyGradesAsync(rows.ToAsyncEnumerable(), cancellationToken);
    }

    private static void PrepareImportQuarterlyGrades(ImportQuarterlyGradeRow row)
    {
        if (row.Grade is { } grade)
        {
            RequestIds.FillIfEmpty(grade);
        }
    }
}
