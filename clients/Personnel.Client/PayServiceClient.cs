using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Client;

/// <summary>The typed client of <c>personnel.v1.PayService</c>: one method per RPC. Refusals throw <see cref="PersonnelException"/>.</summary>
public sealed class PayServiceClient
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service =
        PayReflection.Descriptor.Services.Single(s => s.Name == "PayService");

    private static readonly Method<GetCoefficientsRequest, GetCoefficientsResponse> GetCoefficientsMethod = CallRunner.Method<GetCoefficientsRequest, GetCoefficientsResponse>(Service, "GetCoefficients");
    private static readonly Method<AllocateAnnualPerformancePayRequest, AllocateAnnualPerformancePayResponse> AllocateAnnualPerformancePayMethod = CallRunner.Method<AllocateAnnualPerformancePayRequest, AllocateAnnualPerformancePayResponse>(Service, "AllocateAnnualPerformancePay");

    private readonly CallRunner _runner;

    /// <summary>Creates the client over <paramref name="invoker"/> (e.g. a channel's), with <paramref name="options"/>' key, deadline and retries.</summary>
    public PayServiceClient(CallInvoker invoker, PersonnelClientOptions options)
        : this(new CallRunner(invoker, options))
    {
    }

    internal PayServiceClient(CallRunner runner)
    {
        _runner = runner;
    }

    /// <summary>Calls <c>GetCoefficients</c>.</summary>
    public Task<GetCoefficientsResponse> GetCoefficientsAsync(GetCoefficientsRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(GetCoefficientsMethod, request, cancellationToken);

    /// <summary>Calls <c>AllocateAnnualPerformancePay</c>.</summary>
    public Task<AllocateAnnualPerformancePayResponse> AllocateAnnualPerformancePayAsync(AllocateAnnualPerformancePayRequest request, CancellationToken cancellationToken = default) =>
        _runner.UnaryAsync(AllocateAnnualPerformancePayMethod, request, cancellationToken);
}
