using Grpc.Core;
using Personnel.Bench.V1;
using Personnel.Server.Hosting;

// The real server, plus the baseline service (outside personnel.v1, so no key is asked: it is the bare cost of a
// Grpc.AspNetCore unary call on this host).
var app = await ServerHost.BuildAsync(args).ConfigureAwait(false);
app.MapGrpcService<EmptyBaseline>();
await app.RunAsync().ConfigureAwait(false);

/// <summary>Answers every call with an empty message at once.</summary>
internal sealed class EmptyBaseline : Baseline.BaselineBase
{
    private static readonly Task<EmptyResponse> Answer = Task.FromResult(new EmptyResponse());

    public override Task<EmptyResponse> Empty(EmptyRequest request, ServerCallContext context) => Answer;
}
