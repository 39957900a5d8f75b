using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Client;

/// <summary>The typed client of <c>personnel.v1.EmployeeService</c>: one method per RPC. Refusals throw <see cref="PersonnelException"/>.</summary>
public sealed class EmployeeServiceClient
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service =
        EmployeeReflection.Descriptor.Services.Single(s => s.Name == "EmployeeService");

    private static readonly Method<AppointEmployeeRequest, AppointEmployeeResponse> AppointEmployeeMethod = CallRunner.Method<AppointEmployeeRequest, AppointEmployeeResponse>(Service, "AppointEmployee");
    private static readonly Method<GetEmployeeRequest, GetEmployeeResponse> GetEmployeeMethod = CallRunner.Method<GetEmployeeRequest, GetEmployeeResponse>(Service, "GetEmployee");
    private static readonly Method<GetPostLevelRequest, GetPostLevelResponse> GetPostLevelMethod = CallRunner.Method<GetPostLevelRequest, GetPostLevelResponse>(Service, "GetPostLevel");
    private static readonly Method<GetTenureRequest, GetTenureResponse> GetTenureMethod = CallRunner.Method<GetTenureRequest, GetTenureResponse>(Service, "GetTenure");
    private static readonly Method<RecordProbationOutcomeRequest, RecordProbationOutcomeResponse> RecordProbationOutcomeMethod = CallRunner.Method<RecordProbationOutcomeRequest, RecordProbationOutcomeResponse>(Service, "RecordProbationOutcome");
    private static readonly Method<PromoteRequest, PromoteResponse> PromoteMethod = CallRunner.Method<PromoteRequest, PromoteResponse>(Service, "Promote");
    private static readonly Method<RecordTrialOutcomeRequest, RecordTrialOutcomeResponse> RecordTrialOutcomeMethod = CallRunner.Method<RecordTrialOutcomeRequest, RecordTrialOutcomeResponse>(Service, "RecordTrialOutcome");
    private static readonly Method<RenewContractRequest, RenewContractResponse> RenewContractMethod = CallRunner.Method<RenewContractRequest, RenewContractResponse>(Service, "RenewContract");
    private static readonly Method<DeclineRenewalRequest, DeclineRenewalResponse> DeclineRenewalMethod = CallRunner.Method<DeclineRenewalRequest, DeclineRenewalResponse>(Service, "DeclineRenewal");
    private static readonly Method<RotateRequest, RotateResponse> RotateMethod = CallRunner.Method<RotateRequest, RotateResponse>(Service, "Rotate");
    private static readonly Method<SeparateRequest, SeparateResponse> SeparateMethod = CallRunner.Method<SeparateRequest, SeparateResponse>(Service, "Separate");
    private static readonly Method<RecordSanctionRequest, RecordSanctionResponse> RecordSanctionMethod = CallRunner.Method<RecordSanctionRequest, RecordSanctionResponse>(Service, "RecordSanction");
    private static readonly Method<RecordInvestigationRequest, RecordInvestigationResponse> RecordInvestigationMethod = CallRunner.Method<RecordInvestigationRequest, RecordInvestigationResponse>(Service, "RecordInvestigation");
    private static readonly Method<RecordLeaveRequest, RecordLeaveResponse> RecordLeaveMethod = CallRunner.Method<RecordLeaveRequest, RecordLeaveResponse>(Service, "RecordLeave");
    private static readonly Method<RecordAbsenceRequest, RecordAbsenceResponse> RecordAbsenceMethod = CallRunner.Method<RecordAbsenceRequest, RecordAbsenceResponse>(Service, "RecordAbsence");
    private static readonly Method<RecordOvertimeRequest, RecordOvertimeResponse> RecordOvertimeMethod = CallRunner.Method<RecordOvertimeRequest, RecordOvertimeResponse>(Service, "RecordOvertime");
    private static readonly Method<RecordLatenessRequest, RecordLatenessResponse> RecordLatenessMethod = CallRunner.Method<RecordLatenessRequest, RecordLatenessResponse>(Service, "RecordLateness");
    private static readonly Method<ListEmployeesRequest, ListEmployeesResponse> ListEmployeesMethod = CallRunner.Method<ListEmployeesRequest, ListEmployeesResponse>(Service, "ListEmployees");
    private static readonly Method<SearchEmployeesRequest, SearchEmployeesResponse> SearchEmployeesMethod = CallRunner.Method<SearchEmployeesRequest, SearchEmployeesResponse>(Service, "SearchEmployees");
    private static readonly Method<ListHistoryRequest, ListHistoryResponse> ListHistoryMethod = CallRunner.Method<ListHistoryRequest, ListHistoryResponse>(Service, "ListHistory");
    private static readonly Method<OpenRenewalRequest, OpenRenewalResponse> OpenRenewalMethod = CallRunner.Method<OpenRenewalRequest, OpenRenewalResponse>(Service, "OpenRenewal");
    private static readonly Method<ChangePostRequest, ChangePostResponse> ChangePostMethod = CallRunner.Method<ChangePostRequest, ChangePostResponse>(Service, "ChangePost");
    private static readonly Method<RecordHealthIncapacityRequest, RecordHealthIncapacityResponse> RecordHealthIncapacityMethod = CallRunner.Method<RecordHealthIncapacityRequest, RecordHealthIncapacityResponse>(Service, "RecordHealthIncapacity");
    private static readonly Method<RecordSecondmentRequest, RecordSecondmentResponse> RecordSecondmentMethod = CallRunner.Method<RecordSecondmentRequest, RecordSecondmentResponse>(Service, "RecordSecondment");
    private static readonly Method<RecordQualificationsRequest, RecordQualificationsResponse> RecordQualificationsMethod = CallRunner.Method<RecordQualificationsRequest, RecordQualificationsResponse>(Service, "RecordQualifications");
    private static readonly Method<RecordRankingPlaceRequest, RecordRankingPlaceResponse> RecordRankingPlaceMethod = CallRunner.Method<RecordRankingPlaceRequest, RecordRankingPlaceResponse>(Service, "RecordRankingPlace");
    private static readonly Method<SignAnnualFeedbackRequest, SignAnnualFeedbackResponse> SignAnnualFeedbackMethod = CallRunner.Method<SignAnnualFeedbackRequest, SignAnnualFeedbackResponse>(Service, "SignAnnualFeedback");

    private readonly CallRunner _runner;

    /// <summary>Creates the client over <paramref name="invoker"/> (e.g. a channel's), with <paramref name="options"/>' key, deadline and retries.</summary>
    public EmployeeServiceClient(CallInvoker invoker, PersonnelClientOptions options)
        : this(new CallRunner(invoker, options))
    {
    }

    internal EmployeeServiceClient(CallRunner runner)
    {
        _runner = runner;
    }

    /// <summary>Calls <c>AppointEmployee</c>. A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<AppointEmployeeResponse> AppointEmployeeAsync(AppointEmployeeRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(AppointEmployeeMethod, request, cancellationToken);

    /// <summary>Calls <c>GetEmployee</c>.</summary>
    public Task<GetEmployeeResponse> GetEmployeeAsync(GetEmployeeRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(GetEmployeeMethod, request, cancellationToken);

    /// <summary>Calls <c>GetPostLevel</c>. The post level now, or as of a date. The township apps' most frequent question.</summary>
    public Task<GetPostLevelResponse> GetPostLevelAsync(GetPostLevelRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(GetPostLevelMethod, request, cancellationToken);

    /// <summary>Calls <c>GetTenure</c>.</summary>
    public Task<GetTenureResponse> GetTenureAsync(GetTenureRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(GetTenureMethod, request, cancellationToken);

    /// <summary>Calls <c>RecordProbationOutcome</c>. A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RecordProbationOutcomeResponse> RecordProbationOutcomeAsync(RecordProbationOutcomeRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RecordProbationOutcomeMethod, request, cancellationToken);

    /// <summary>Calls <c>Promote</c>. Promotes into a new post with a 1-year promotion trial (AM 第十三条). A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<PromoteResponse> PromoteAsync(PromoteRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(PromoteMethod, request, cancellationToken);

    /// <summary>Calls <c>RecordTrialOutcome</c>. A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RecordTrialOutcomeResponse> RecordTrialOutcomeAsync(RecordTrialOutcomeRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RecordTrialOutcomeMethod, request, cancellationToken);

    /// <summary>Calls <c>RenewContract</c>. A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RenewContractResponse> RenewContractAsync(RenewContractRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RenewContractMethod, request, cancellationToken);

    /// <summary>Calls <c>DeclineRenewal</c>. A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<DeclineRenewalResponse> DeclineRenewalAsync(DeclineRenewalRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(DeclineRenewalMethod, request, cancellationToken);

    /// <summary>Calls <c>Rotate</c>. A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RotateResponse> RotateAsync(RotateRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RotateMethod, request, cancellationToken);

    /// <summary>Calls <c>Separate</c>. Resignation, transfer out, retirement, or dismissal with its cause (AM 第十五条, 第十八条). A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<SeparateResponse> SeparateAsync(SeparateRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(SeparateMethod, request, cancellationToken);

    /// <summary>Calls <c>RecordSanction</c>. A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RecordSanctionResponse> RecordSanctionAsync(RecordSanctionRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RecordSanctionMethod, request, cancellationToken);

    /// <summary>Calls <c>RecordInvestigation</c>. A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RecordInvestigationResponse> RecordInvestigationAsync(RecordInvestigationRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RecordInvestigationMethod, request, cancellationToken);

    /// <summary>Calls <c>RecordLeave</c>. A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RecordLeaveResponse> RecordLeaveAsync(RecordLeaveRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RecordLeaveMethod, request, cancellationToken);

    /// <summary>Calls <c>RecordAbsence</c>. A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RecordAbsenceResponse> RecordAbsenceAsync(RecordAbsenceRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RecordAbsenceMethod, request, cancellationToken);

    /// <summary>Calls <c>ListEmployees</c>: a department's staff (or the zone's), a page at a time.</summary>
    public Task<ListEmployeesResponse> ListEmployeesAsync(ListEmployeesRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(ListEmployeesMethod, request, cancellationToken);

    /// <summary>Calls <c>SearchEmployees</c>: employees by id (exact or its beginning) or part of a name.</summary>
    public Task<SearchEmployeesResponse> SearchEmployeesAsync(SearchEmployeesRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(SearchEmployeesMethod, request, cancellationToken);

    /// <summary>Calls <c>RecordOvertime</c>: approved overtime on a day (PM 第六条). A <c>request_id</c> left empty is filled with a new one.</summary>
    public Task<RecordOvertimeResponse> RecordOvertimeAsync(RecordOvertimeRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RecordOvertimeMethod, request, cancellationToken);

    /// <summary>Calls <c>RecordLateness</c>: a late arrival, early leave or leaving the post on a day (PM 第七条).</summary>
    public Task<RecordLatenessResponse> RecordLatenessAsync(RecordLatenessRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RecordLatenessMethod, request, cancellationToken);

    /// <summary>Calls <c>ListHistory</c>.</summary>
    public Task<ListHistoryResponse> ListHistoryAsync(ListHistoryRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(ListHistoryMethod, request, cancellationToken);

    /// <summary>Calls <c>OpenRenewal</c>. Opens the renewal decision in the last 90 days of the term (AM 第九条). A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<OpenRenewalResponse> OpenRenewalAsync(OpenRenewalRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(OpenRenewalMethod, request, cancellationToken);

    /// <summary>Calls <c>ChangePost</c>. A change of post inside the term, with its reason (AM 第九条). A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<ChangePostResponse> ChangePostAsync(ChangePostRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(ChangePostMethod, request, cancellationToken);

    /// <summary>Calls <c>RecordHealthIncapacity</c>. A spell unable to work for health reasons; more than 1 year makes a post adjustment due (AM 第十六条). A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RecordHealthIncapacityResponse> RecordHealthIncapacityAsync(RecordHealthIncapacityRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RecordHealthIncapacityMethod, request, cancellationToken);

    /// <summary>Calls <c>RecordSecondment</c>. A secondment: the receiving unit grades the person meanwhile (AS 第二十四条). A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RecordSecondmentResponse> RecordSecondmentAsync(RecordSecondmentRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RecordSecondmentMethod, request, cancellationToken);

    /// <summary>Calls <c>RecordQualifications</c>. The administrative rank and education the eligibility for the next post is judged on (AM 第五条). A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RecordQualificationsResponse> RecordQualificationsAsync(RecordQualificationsRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RecordQualificationsMethod, request, cancellationToken);

    /// <summary>Calls <c>RecordRankingPlace</c>. The yearly ranking place under a ranking-based profile (yangshahu-2020, 三(五)19). A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RecordRankingPlaceResponse> RecordRankingPlaceAsync(RecordRankingPlaceRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RecordRankingPlaceMethod, request, cancellationToken);

    /// <summary>Calls <c>SignAnnualFeedback</c>. The employee signed the written feedback of the year's assessment (AS 第九条). A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<SignAnnualFeedbackResponse> SignAnnualFeedbackAsync(SignAnnualFeedbackRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(SignAnnualFeedbackMethod, request, cancellationToken);
}
