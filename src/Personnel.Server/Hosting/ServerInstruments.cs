using System.Collections.Frozen;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;
using Personnel.Server.Services;

namespace Personnel.Server.Hosting;

/// <summary>
/// The service's own meter, beside ASP.NET Core's, the runtime's and Orleans' (docs/metrics.md): what those cannot tell,
/// namely why calls are refused. Its instruments cost next to nothing while no listener is attached (metrics off).
/// </summary>
public sealed class ServerInstruments
{
    /// <summary>The meter's name, as a metrics pipeline subscribes to it.</summary>
    public const string MeterName = "Personnel.Server";

    /// <summary>The canonical name of each status (PERMISSION_DENIED), as docs/api.md and every gRPC stack print it.</summary>
    private static readonly FrozenDictionary<StatusCode, string> StatusNames = Enum.GetValues<StatusCode>()
        .ToFrozenDictionary(code => code, code => Refusals.UpperSnake(code.ToString()));

    private readonly Counter<long> _refusals;

    /// <summary>Creates the meter through the host's factory, so it lives and dies with the host.</summary>
    public ServerInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _refusals = meter.CreateCounter<long>("personnel.refusals", "{refusal}",
            "Calls refused (no or a bad key, a role or scope not allowed, a rule forbidding it, malformed input), by status and reason.");
    }

    /// <summary>Counts one refused call by its status and its <c>ErrorInfo</c> reason (a short, fixed set of codes).</summary>
    public void Refused(StatusCode status, string reason) =>
        _refusals.Add(1, new TagList { { "status", StatusNames.GetValueOrDefault(status, "UNKNOWN") }, { "reason", reason } });
}
