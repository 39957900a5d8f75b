using Personnel.Api.V1;
using Grpc.Core;
using Personnel.Grains.Queries;
using Personnel.Server.Auth;
using Personnel.Server.Mapping;

namespace Personnel.Server.Services;

/// <summary>personnel.v1.EventService: the change feed for downstream systems.</summary>
public sealed partial class EventService(IEventFeed feed, IEmployeeDirectory employees, ILogger<EventService> logger) : Personnel.Api.V1.EventService.EventServiceBase
{
    private const int BatchSize = 500;

    /// <summary>Streams recorded events after a position, then follows the feed of new ones until the caller cancels.</summary>
    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<WatchEventsResponse> responses, ServerCallContext context)
    {
        if (request.AfterPosition < 0)
        {
            throw Refusals.Invalid($"after_position {request.AfterPosition} is negative: use 0 for the beginning, or the last position you saw.");
        }

        var types = request.Types_.Count == 0 ? null : request.Types_.ToHashSet(StringComparer.Ordinal);
        var department = request.DepartmentId.Length == 0 ? null : request.DepartmentId;
        var departments = new Dictionary<string, string?>(StringComparer.Ordinal);
        var ct = context.CancellationToken;

        // Subscribed before the first read, so nothing appended between the read and the wait is missed.
        using var wake = new SemaphoreSlim(0);
        using var subscription = feed.Subscribe(() =>
        {
            if (wake.CurrentCount == 0)
            {
                wake.Release();
            }
        });

        var position = request.AfterPosition;
        LogWatching(logger, Access.Caller(context).KeyId, position);
        while (!ct.IsCancellationRequested)
        {
            var batch = await feed.ReadAfterAsync(position, BatchSize, ct).ConfigureAwait(false);
            foreach (var e in batch)
            {
                position = e.Position;
                if (await IsWantedAsync(e, types, department, departments, ct).ConfigureAwait(false))
                {
                    await responses.WriteAsync(ToApi(e)).ConfigureAwait(false);
                }
            }

            if (batch.Count < BatchSize)
            {
                try
                {
                    await wake.WaitAsync(ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> IsWantedAsync(
        JournalEntry e, HashSet<string>? types, string? department, Dictionary<string, string?> departments, CancellationToken ct)
    {
        // Only employees and departments: key events carry key hashes, quota counters are internal.
        if ((e.EmployeeId is null && e.DepartmentId is null) || (types is not null && !types.Contains(e.Type)))
        {
            return false;
        }

        if (department is null)
        {
            return true;
        }

        if (!departments.TryGetValue(e.StreamId, out var owner))
        {
            owner = e.EmployeeId is { } employeeId
                ? (await employees.GetAsync(employeeId, ct).ConfigureAwait(false))?.DepartmentId
                : e.DepartmentId;
            departments[e.StreamId] = owner;
        }

        return owner == department;
    }

    private static WatchEventsResponse ToApi(JournalEntry e) => new()
    {
        Position = e.Position,
        StreamId = e.StreamId,
        Version = e.Version,
        Type = e.Type,
        OccurredOn = Dates.ToApi(e.OccurredOn),
        RecordedAt = e.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture),
        RecordedBy = e.RecordedBy,
        PayloadJson = e.PayloadJson,
    };

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Key {KeyId} watches events after position {Position}")]
    private static partial void LogWatching(ILogger logger, string keyId, long position);
}
