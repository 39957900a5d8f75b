using System.Text.Json;
using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Grains.Employees;

/// <summary>
/// Due dates arrive with no write: an Orleans reminder per employee (<see cref="DueDatesReminder"/>) ticks on the next due
/// date (Asia/Shanghai, by the rules' clock <see cref="GrainServices.TimeProvider"/>) and then daily, and each tick appends a
/// <see cref="DueDateReachedType"/> event for every due date of <see cref="DueDates.Of"/> that has arrived and was not
/// announced yet. Reminders are durable, so a tick whose silo died fires on a survivor, and a tick that failed is tried
/// again the next day. The reminder is set after each commit that moves the next due date, and removed when nothing is
/// ahead (a separation, the last date announced).
/// </summary>
/// <remarks>
/// The announcement is a grain-level event, as <see cref="NamedEventType"/> is: the aggregate does not replay it. It decides
/// nothing — the probation has ended whether or not anyone was told — and the aggregate derives every rule from the dates
/// themselves, so a domain event would be one <c>Apply</c> ignores. It goes through the grain's commit path (the
/// expected-version check) with the request id <c>due:{id}:{kind}:{date}</c>, so two activations, or two silos, record it once.
/// </remarks>
public sealed partial class EmployeeGrain : IRemindable
{
    /// <summary>The name of the reminder that announces due dates.</summary>
    public const string DueDatesReminder = "due-dates";

    /// <summary>The grain-level event of a due date that arrived; payload <see cref="DueDateReached"/>.</summary>
    internal const string DueDateReachedType = EventTypes.EmployeeGrain.DueDateReached;

    private const string DueDatesRecordedBy = "system:due-dates";

    private static readonly TimeSpan ShanghaiOffset = TimeSpan.FromHours(8);

    private static readonly TimeSpan DueDatesPeriod = TimeSpan.FromDays(1);

    /// <summary>How long after midnight a tick comes, so that a silo whose clock runs a little behind already sees the new day.</summary>
    private static readonly TimeSpan AfterMidnight = TimeSpan.FromMinutes(5);

    /// <summary>The day this activation last set the reminder to start ticking on (null: removed); not known before it first did.</summary>
    private (bool Known, DateOnly? From) _dueReminder;

    /// <summary>Whether <paramref name="type"/> is one of the grain's own events, which the aggregate does not replay.</summary>
    internal static bool IsGrainLevel(string type) => type is NamedEventType or DueDateReachedType;

    /// <summary>The aggregate an employee's recorded stream rebuilds, without the grain's own events (read outside the grain).</summary>
    internal static Employee Replay(IEnumerable<RecordedEvent> recorded, Domain.Grading.GradingPolicy policy) =>
        Employee.FromHistory(recorded.Where(e => !IsGrainLevel(e.Type)).Select(e => EventJson.Deserialize<EmployeeEvent>(e.Payload)), policy);

    /// <summary>Today in Asia/Shanghai, by the rules' clock.</summary>
    private DateOnly Today => DateOnly.FromDateTime(_services.TimeProvider.GetUtcNow().ToOffset(ShanghaiOffset).DateTime);

    /// <inheritdoc/>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DueDatesReminder)
        {
            return;
        }

        var today = Today;
        foreach (var due in PendingDueDates(today).Where(d => d.On <= today).ToList())
        {
            try
            {
                await AnnounceAsync(due);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The reminder stays as it is: the next tick announces what this one could not.
                GrainLog.DueDateNotAnnounced(_logger, Key, due.Kind, due.On, exception);
                return;
            }
        }

        await ArrangeDueDatesReminderAsync(null);
    }

    /// <summary>The due dates that matter now and were not announced, the earliest first.</summary>
    private IEnumerable<DueDate> PendingDueDates(DateOnly today) =>
        DueDates.Of(Aggregate, today).Where(d => !State.DueDatesAnnounced.Contains((d.Kind, d.On)));

    /// <summary>Appends one announcement, unless another activation did (the request id) or a reload shows it is no longer due.</summary>
    private async Task AnnounceAsync(DueDate due)
    {
        var reached = new DueDateReached(due.Kind, due.On, due.Article);
        var payload = JsonSerializer.Serialize(reached, GrainJson.Options);
        var requestId = $"due:{Key}:{due.Kind}:{due.On:yyyy-MM-dd}";
        var fingerprint = GrainJson.Fingerprint(GrainType, Key, due.On, reached);
        for (var attempt = 1; ; attempt++)
        {
            var append = new StreamAppend(StreamId, CommittedVersion, [new NewEvent(DueDateReachedType, payload, due.On)]);
            var commit = new EmployeeCommit(
                new Commit(requestId, fingerprint, DueDatesRecordedBy, [append], [], payload), CommittedVersion + 1, CancellationToken.None);
            RaiseEvent(commit);
            await ConfirmEvents();
            if (commit.Failure is { } failure)
            {
                AbandonActivation();
                failure.Throw();
            }

            if (commit.Outcome is Appended)
            {
                State.DueDatesAnnounced.Add((due.Kind, due.On));
                _postLevels = PostLevelView.Of(Key, Aggregate, CommittedVersion);
                _views.Publish(_postLevels, owned: true);
                return;
            }

            // Declined: recorded by another activation (the request id), or the stream moved on. The store's state decides.
            await RefreshNow();
            if (commit.Outcome is not WrongExpectedVersion conflict || !PendingDueDates(Today).Contains(due))
            {
                return;
            }

            CommandChecks.OnConflict(_logger, conflict, attempt, _services.MaxAttempts);
        }
    }

    /// <summary>The day the reminder should first tick on: the next due date not announced, or tomorrow when it has already
    /// arrived; null when none is ahead.</summary>
    private DateOnly? NextDueDay()
    {
        var today = Today;
        return PendingDueDates(today).Select(d => (DateOnly?)d.On).FirstOrDefault() is { } next
            ? (next > today ? next : today.AddDays(1))
            : null;
    }

    /// <summary>
    /// Sets the reminder to start on <see cref="NextDueDay"/>, or removes it when none is ahead; nothing when this activation
    /// already set it so. A new activation whose commit left the day where it was (<paramref name="before"/>) only looks the
    /// reminder up: one an earlier activation set is right, and only a person recorded before the reminders existed has
    /// none (and gets it now). A failure is logged, not thrown: the commit it follows is durable, and the next commit or
    /// tick tries again.
    /// </summary>
    private async Task ArrangeDueDatesReminderAsync(DateOnly? before)
    {
        var from = NextDueDay();
        if (_dueReminder.Known && _dueReminder.From == from)
        {
            return;
        }

        try
        {
            var existing = _dueReminder.Known ? null : await this.GetReminder(DueDatesReminder);
            var setEarlier = !_dueReminder.Known && from == before && (existing is not null) == (from is not null);
            if (setEarlier)
            {
                // An earlier activation set it for this day (or rightly removed it): nothing to write.
            }
            else if (from is { } day)
            {
                var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ShanghaiOffset) + AfterMidnight;
                await this.RegisterOrUpdateReminder(DueDatesReminder, start - _services.TimeProvider.GetUtcNow(), DueDatesPeriod);
            }
            else if ((existing ?? await this.GetReminder(DueDatesReminder)) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _dueReminder = (true, from);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            GrainLog.DueDatesReminderNotSet(_logger, Key, exception);
        }
    }

    /// <summary>The payload of <see cref="DueDateReachedType"/>: which date arrived, when, and the article that sets it.</summary>
    internal sealed record DueDateReached(string Kind, DateOnly DueOn, string Article);
}
