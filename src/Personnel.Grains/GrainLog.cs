using Microsoft.Extensions.Logging;

namespace Personnel.Grains;

/// <summary>The grains' log events, with stable ids.</summary>
internal static partial class GrainLog
{
    [LoggerMessage(101, LogLevel.Debug, "{Stream} moved on (expected {Expected}, found {Actual}); attempt {Attempt} reloads and retries")]
    public static partial void Conflict(ILogger logger, string stream, long expected, long actual, int attempt);

    [LoggerMessage(102, LogLevel.Information, "Leadership adjustment of {Department} {Year} delivered to head {Employee}")]
    public static partial void AdjustmentDelivered(ILogger logger, string department, int year, string employee);

    [LoggerMessage(103, LogLevel.Warning, "Leadership adjustment of {Department} {Year}: no head in service to deliver it to; kept until one is")]
    public static partial void NoHead(ILogger logger, string department, int year);

    [LoggerMessage(104, LogLevel.Warning, "Leadership adjustment of {Department} {Year} refused by {Employee}: {Reason}; dropped")]
    public static partial void AdjustmentRefused(ILogger logger, string department, int year, string employee, string reason);

    [LoggerMessage(106, LogLevel.Information, "Leadership adjustment of {Department} {Year} discharged: {Employee} took the head post after the order")]
    public static partial void AdjustmentDischarged(ILogger logger, string department, int year, string employee);

    [LoggerMessage(107, LogLevel.Information, "Rescission of the leadership adjustment of {Department} {Year} delivered to {Employee}")]
    public static partial void RescissionDelivered(ILogger logger, string department, int year, string employee);

    [LoggerMessage(105, LogLevel.Warning, "Outbox delivery failed; it is retried on the next round")]
    public static partial void OutboxFailed(ILogger logger, Exception exception);

    [LoggerMessage(130, LogLevel.Warning, "Due date {Kind} {DueOn} of {Employee} not announced; the next tick of its reminder tries again")]
    public static partial void DueDateNotAnnounced(ILogger logger, string employee, string kind, DateOnly dueOn, Exception exception);

    [LoggerMessage(131, LogLevel.Warning, "The due-dates reminder of {Employee} could not be set or removed; its next commit tries again")]
    public static partial void DueDatesReminderNotSet(ILogger logger, string employee, Exception exception);

    [LoggerMessage(140, LogLevel.Warning, "The snapshot of {Employee} at version {Version} is not used ({Reason}); the whole stream is replayed")]
    public static partial void SnapshotUnusable(ILogger logger, string employee, long version, string reason);

    [LoggerMessage(141, LogLevel.Warning, "The snapshot of {Employee} at version {Version} was not written; the next commit tries again")]
    public static partial void SnapshotNotWritten(ILogger logger, string employee, long version, Exception exception);

    [LoggerMessage(120, LogLevel.Information, "Rotation timelines rebuilt from the event store for {Count} employees (schema 0002)")]
    public static partial void RotationTimelinesRebuilt(ILogger logger, int count);

    [LoggerMessage(121, LogLevel.Information, "Department list written from the event store for {Count} departments (schema 0003)")]
    public static partial void DepartmentListRebuilt(ILogger logger, int count);
}
