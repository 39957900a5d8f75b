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

    /// <summary>Delivers soon, in a turn of its own, without registering the reminder first: for a new head, who may settle
    /// an order already waiting (whose reminder was registered with it). A delivery that leaves an order waiting registers
    /// the reminder itself. Interleaves like <see cref="Wake"/>.</summary>
    [AlwaysInterleave]
    Task Prompt();

    /// <summary>Delivers every waiting entry now; returns how many were settled. Removes the reminder when none waits.</summary>
    Task<int> DeliverAsync(CancellationToken cancellationToken = default);
}
