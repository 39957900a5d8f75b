using Microsoft.Extensions.Logging;

namespace Personnel.Storage.Internal;

/// <summary>The storage layer's log messages, with stable event ids.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Name}) on {Dialect}")]
    public static partial void MigrationApplied(ILogger logger, int version, string name, string dialect);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "A batch of {Count} commits failed")]
    public static partial void BatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "A change-feed subscriber failed on stream {StreamId}")]
    public static partial void SubscriberFailed(ILogger logger, string streamId, Exception exception);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Change feed lost its connection; reconnecting in {Delay}")]
    public static partial void FeedDisconnected(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Change feed listening on {Channel} from position {Position}")]
    public static partial void FeedListening(ILogger logger, string channel, long position);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Applied Orleans schema script {Version} ({Name}) on {Dialect}")]
    public static partial void OrleansScriptApplied(ILogger logger, int version, string name, string dialect);
}
