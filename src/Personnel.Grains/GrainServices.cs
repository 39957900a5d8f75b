using Microsoft.Extensions.Logging;
using Personnel.Domain.Profiles;
using Personnel.Storage;

namespace Personnel.Grains;

/// <summary>What every grain activation is given: the store, the policy profile, the clock and logging.</summary>
/// <param name="TimeProvider">The rules' clock (<see cref="PersonnelSilo.ClockKey"/>): what day it is in Asia/Shanghai when
/// a due-dates reminder ticks. Orleans keeps its own.</param>
/// <param name="MaxAttempts">How many times a command is tried when other writers move its streams before it
/// gives up with ABORTED.</param>
/// <param name="OutboxPeriod">How often a department's outbox reminder retries a delivery that has not gone through.</param>
/// <param name="SnapshotEvery">How many events an employee's stream grows by between two snapshots; 0: none taken or read.</param>
public sealed record GrainServices(
    IEventStore Store, PolicyProfile Profile, TimeProvider TimeProvider, ILoggerFactory LoggerFactory, int MaxAttempts, TimeSpan OutboxPeriod,
    int SnapshotEvery = PersonnelGrainOptions.DefaultSnapshotEvery);
