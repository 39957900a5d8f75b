using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Client;

/// <summary>The typed client of <c>personnel.v1.DepartmentService</c>: one method per RPC. Refusals throw <see cref="PersonnelException"/>.</summary>
public sealed class DepartmentServiceClient
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service =
        DepartmentReflection.Descriptor.Services.Single(s => s.Name == "DepartmentService");

    private static readonly Method<CreateDepartmentRequest, CreateDepartmentResponse> CreateDepartmentMethod = CallRunner.Method<CreateDepartmentRequest, CreateDepartmentResponse>(Service, "CreateDepartment");
    private static readonly Method<GetDepartmentRequest, GetDepartmentResponse> GetDepartmentMethod = CallRunner.Method<GetDepartmentRequest, GetDepartmentResponse>(Service, "GetDepartment");
    private static readonly Method<ListDepartmentsRequest, ListDepartmentsResponse> ListDepartmentsMethod = CallRunner.Method<ListDepartmentsRequest, ListDepartmentsResponse>(Service, "ListDepartments");
    private static readonly Method<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse> RecordDepartmentAssessmentMethod = CallRunner.Method<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Service, "RecordDepartmentAssessment");
    private static readonly Method<GetQuotasRequest, GetQuotasResponse> GetQuotasMethod = CallRunner.Method<GetQuotasRequest, GetQuotasResponse>(Service, "GetQuotas");
    private static readonly Method<CorrectDepartmentAssessmentRequest, CorrectDepartmentAssessmentResponse> CorrectDepartmentAssessmentMethod = CallRunner.Method<CorrectDepartmentAssessmentRequest, CorrectDepartmentAssessmentResponse>(Service, "CorrectDepartmentAssessment");

    private readonly CallRunner _runner;

    /// <summary>Creates the client over <paramref name="invoker"/> (e.g. a channel's), with <paramref name="options"/>' key, deadline and retries.</summary>
    public DepartmentServiceClient(CallInvoker invoker, PersonnelClientOptions options)
        : this(new CallRunner(invoker, options))
    {
    }

    internal DepartmentServiceClient(CallRunner runner)
    {
        _runner = runner;
    }

    /// <summary>Calls <c>CreateDepartment</c>. A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<CreateDepartmentResponse> CreateDepartmentAsync(CreateDepartmentRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(CreateDepartmentMethod, request, cancellationToken);

    /// <summary>Calls <c>GetDepartment</c>.</summary>
    public Task<GetDepartmentResponse> GetDepartmentAsync(GetDepartmentRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(GetDepartmentMethod, request, cancellationToken);

    /// <summary>Calls <c>ListDepartments</c>: every department, in id order, a page at a time.</summary>
    public Task<ListDepartmentsResponse> ListDepartmentsAsync(ListDepartmentsRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(ListDepartmentsMethod, request, cancellationToken);

    /// <summary>Calls <c>RecordDepartmentAssessment</c>. Records the year's tier and city rank; the answer says whether a yellow card or a leadership adjustment follows. A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<RecordDepartmentAssessmentResponse> RecordDepartmentAssessmentAsync(RecordDepartmentAssessmentRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(RecordDepartmentAssessmentMethod, request, cancellationToken);

    /// <summary>Calls <c>GetQuotas</c>. The Good quota of each quarter and the Excellent quota of the year.</summary>
    public Task<GetQuotasResponse> GetQuotasAsync(GetQuotasRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(GetQuotasMethod, request, cancellationToken);

    /// <summary>Calls <c>CorrectDepartmentAssessment</c>. Corrects the latest assessed year with a reason; the answer says which yellow card and leadership adjustment now follow (AM 第十七条). A <c>request_id</c> left empty is filled with a new one; the call is retried on UNAVAILABLE with the same id.</summary>
    public Task<CorrectDepartmentAssessmentResponse> CorrectDepartmentAssessmentAsync(CorrectDepartmentAssessmentRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(CorrectDepartmentAssessmentMethod, request, cancellationToken);
}
