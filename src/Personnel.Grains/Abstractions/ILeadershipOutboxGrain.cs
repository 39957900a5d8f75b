using Orleans.Concurrency;

namespace Personnel.Grains.Abstractions;

/// <summary>
/// The delivery of one department's leadership adjustments (key: the department id). The department wakes it after each
/// commit that writes an outbox entry; its reminder keeps delivering while entries wait, on whichever silo is alive.
/// </summary>
public interface ILeadershipOutboxGrain : IGrainWithStringKey
{
    /// <summary>Registers the delivery reminder (durable before it returns) and delivers soon, in a turn of its own.
    /// Interleaves with a delivery under way, whose department commit may be the one that wakes it.</summary>
    [AlwaysInterleave]
    Task Wake();

    /// <summary>Delivers every waiting entry now; returns how many were settled. Removes the reminder when none waits.</summary>
    Task<int> DeliverAsync(CancellationToken cancellationToken = default);
}
