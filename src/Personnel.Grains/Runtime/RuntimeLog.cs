using Microsoft.Extensions.Logging;

namespace Personnel.Grains.Runtime;

/// <summary>The runtime's log events, with stable ids.</summary>
internal sealed partial class RuntimeLog
{
    private readonly ILogger _logger;

    public RuntimeLog(ILogger logger)
    {
        _logger = logger;
    }

    [LoggerMessage(1, LogLevel.Debug, "Activated {Grain}")]
    public partial void Activated(GrainId grain);

    [LoggerMessage(2, LogLevel.Warning, "Activation of {Grain} failed; call {Method} fails and the next call retries")]
    public partial void ActivationFailed(GrainId grain, string method, Exception exception);

    [LoggerMessage(3, LogLevel.Debug, "Deactivated {Grain} ({Reason})")]
    public partial void Deactivated(GrainId grain, DeactivationReason reason);

    [LoggerMessage(4, LogLevel.Error, "OnDeactivateAsync of {Grain} ({Reason}) failed; the activation is discarded anyway")]
    public partial void DeactivationFailed(GrainId grain, DeactivationReason reason, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "Refused call {Grain}.{Method}: it would re-enter a grain waiting on it (call cycle)")]
    public partial void CallCycleRefused(GrainId grain, string method);

    [LoggerMessage(6, LogLevel.Debug, "Idle collection deactivated {Deactivated}; {Active} activations remain")]
    public partial void Collected(int deactivated, int active);

    [LoggerMessage(7, LogLevel.Error, "Idle collection failed")]
    public partial void CollectionFailed(Exception exception);

    [LoggerMessage(8, LogLevel.Critical, "Mailbox of {Grain} faulted outside a grain call")]
    public partial void MailboxFault(GrainId grain, Exception exception);
}
