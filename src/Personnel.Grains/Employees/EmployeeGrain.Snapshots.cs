using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Personnel.Domain.Employees;
using Personnel.Storage;

namespace Personnel.Grains.Employees;

/// <summary>
/// Snapshots: an activation starts from the last snapshot in Orleans' grain storage and reads only the events after it,
/// so its cost stays flat however long the career. A snapshot is taken after a commit once
/// <see cref="GrainServices.SnapshotEvery"/> events have been appended since the last one (and at activation when the
/// replay was that long), of the confirmed state only. The as-of questions that replay a past (tenure on a date, AM
/// 第五条 on a promotion to a new post) need the whole stream: the first of them in an activation reads it once.
/// </summary>
public sealed partial class EmployeeGrain
{
    /// <summary>The grain's own part of <see cref="EmployeeGrainSnapshot.Format"/>: bump it when what the grain keeps beside
    /// the aggregate changes.</summary>
    private const int GrainSnapshotFormat = 1;

    /// <summary>The format a usable snapshot carries: the aggregate's memento format and the grain's. (The memento itself
    /// names the grading policy it was taken under, and the domain refuses it under another.)</summary>
    private static readonly string SnapshotFormat = $"employee-{Employee.SnapshotFormat}.grain-{GrainSnapshotFormat}";

    /// <summary>Set once an as-of question needed the whole stream: reloads of this activation read it whole too.</summary>
    private bool _wholeHistory;

    /// <summary>Set when the stored snapshot could not be used: it is replaced at once rather than after more events.</summary>
    private bool _snapshotRefused;

    /// <summary>The confirmed state: from the snapshot and the events after it, or from the whole stream.</summary>
    private async Task<EmployeeState> LoadStateAsync()
    {
        if (!_wholeHistory && UsableSnapshot() is { } snapshot)
        {
            // The snapshot's own version is read too, to prove the stream reaches it (a store restored from an older
            // backup than its snapshots would not).
            var recorded = await Store.ReadStreamAsync(StreamId, snapshot.Version, CancellationToken.None);
            if (recorded.Count > 0 && recorded[0].Version == snapshot.Version)
            {
                try
                {
                    return Rebuild(recorded.Skip(1), snapshot);
                }
                catch (JsonException exception)
                {
                    // Another policy, or a payload this code cannot read.
                    GrainLog.SnapshotUnusable(_logger, Key, snapshot.Version, exception.Message);
                }
            }
            else
            {
                GrainLog.SnapshotUnusable(_logger, Key, snapshot.Version, "the stream does not reach the snapshot's version");
            }

            _snapshotRefused = true;
        }

        return Rebuild(await Store.ReadStreamAsync(StreamId, 1, CancellationToken.None), snapshot: null);
    }

    /// <summary>The stored snapshot when snapshots are on, it was written in this format and was not refused; null otherwise.</summary>
    private EmployeeGrainSnapshot? UsableSnapshot() =>
        _services.SnapshotEvery > 0 && !_snapshotRefused && _snapshot.RecordExists && _snapshot.State.Version > 0
            && string.Equals(_snapshot.State.Format, SnapshotFormat, StringComparison.Ordinal)
            ? _snapshot.State
            : null;

    /// <summary>The state <paramref name="snapshot"/> (null: none) and the recorded events after it describe.</summary>
    private EmployeeState Rebuild(IEnumerable<RecordedEvent> recorded, EmployeeGrainSnapshot? snapshot)
    {
        var events = new List<EmployeeEvent>();
        var state = new EmployeeState { Version = snapshot?.Version ?? 0 };
        if (snapshot is not null)
        {
            state.Name = snapshot.Name;
            foreach (var announced in snapshot.DueDatesAnnounced)
            {
                var bar = announced.IndexOf('|', StringComparison.Ordinal);
                state.DueDatesAnnounced.Add((announced[..bar], DateOnly.ParseExact(announced[(bar + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }

        foreach (var e in recorded)
        {
            if (e.Type == NamedEventType)
            {
                state.Name = JsonSerializer.Deserialize<EmployeeNamed>(e.Payload, GrainJson.Options)!.Name;
            }
            else if (e.Type == DueDateReachedType)
            {
                var reached = JsonSerializer.Deserialize<DueDateReached>(e.Payload, GrainJson.Options)!;
                state.DueDatesAnnounced.Add((reached.Kind, reached.DueOn));
            }
            else
            {
                events.Add(EventJson.Deserialize<EmployeeEvent>(e.Payload));
            }

            state.Version = e.Version;
        }

        state.Employee = snapshot is null
            ? Employee.FromHistory(events, Policy)
            : Employee.FromSnapshotJson(snapshot.Aggregate, events, Policy);
        return state;
    }

    /// <summary>Writes a snapshot of the confirmed state when <see cref="GrainServices.SnapshotEvery"/> events or more were
    /// appended since the last one. A snapshot is a cache: one not written is logged and the next commit tries again.</summary>
    private async Task SnapshotIfDueAsync()
    {
        var every = _services.SnapshotEvery;
        var last = UsableSnapshot()?.Version ?? 0;
        if (every <= 0 || CommittedVersion - last < every || Aggregate.UncommittedEvents.Count > 0 || !Aggregate.IsAppointed)
        {
            return;
        }

        var before = _snapshot.State;
        _snapshot.State = new EmployeeGrainSnapshot
        {
            Version = CommittedVersion,
            Format = SnapshotFormat,
            Name = State.Name,
            DueDatesAnnounced = [.. State.DueDatesAnnounced.Select(d => $"{d.Kind}|{d.On:yyyy-MM-dd}").Order(StringComparer.Ordinal)],
            Aggregate = Aggregate.ToSnapshotJson(),
        };
        try
        {
            await _snapshot.WriteStateAsync();
            _snapshotRefused = false;
        }
        catch (Exception exception)
        {
            // Another activation wrote meanwhile (the etag), or the database is away: keep the last stored snapshot's
            // version, so that the next commit tries again.
            GrainLog.SnapshotNotWritten(_logger, Key, CommittedVersion, exception);
            _snapshot.State = before;
            if (exception is Orleans.Storage.InconsistentStateException)
            {
                await ReloadSnapshotAsync();
            }
        }
    }

    /// <summary>Re-reads the stored snapshot (and its etag) after another activation wrote it.</summary>
    private async Task ReloadSnapshotAsync()
    {
        try
        {
            await _snapshot.ReadStateAsync();
        }
        catch (Exception exception)
        {
            GrainLog.SnapshotNotWritten(_logger, Key, CommittedVersion, exception);
        }
    }

    /// <summary>Makes the confirmed aggregate hold its whole history, for a question about a past date: the stream is read
    /// once in this activation (and on each of its reloads), the rest of the time the snapshot suffices.</summary>
    private async Task EnsureWholeHistoryAsync()
    {
        if (Aggregate.HasWholeHistory)
        {
            return;
        }

        _wholeHistory = true;
        await RefreshNow();
    }
}
