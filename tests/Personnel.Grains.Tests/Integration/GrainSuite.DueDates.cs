using System.Text.Json;
using Personnel.Domain.Employees;
using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Grains.Tests.Integration;

/// <summary>Due dates arrive with no write: the employee's "due-dates" reminder ticks and the grain appends a
/// "due-date-reached" event, once per kind and date, through its commit path; the reminder goes with the separation.</summary>
public abstract partial class GrainSuite
{
    private const string DueDateReached = "due-date-reached";

    /// <summary>Shanghai midnight of <paramref name="day"/>, as a UTC instant, plus <paramref name="minutes"/>.</summary>
    private static DateTimeOffset ShanghaiMidnight(string day, int minutes = 0) =>
        new DateTimeOffset(D(day).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).AddMinutes(minutes);

    private async Task<IReadOnlyList<RecordedEvent>> DueEventsAsync(string employee) =>
        (await Store.ReadStreamAsync(StreamIds.Employee(employee))).Where(e => e.Type == DueDateReached).ToList();

    private Task<EmployeeCommandResult> AppointOnProbationAsync(string id, string on)
    {
        var request = Appointment(id, Planning).Request with { Method = AppointmentMethod.OpenRecruitment, Probation = ProbationKind.Standard };
        return Run(id, on, new AppointEmployee(request, "Name of " + id));
    }

    [Fact]
    public async Task AM13_a_probation_end_with_no_write_is_announced_once_when_the_clock_passes_it_and_the_reminder_ticks()
    {
        var hired = await AppointOnProbationAsync("li", "2024-01-02");
        Assert.Equal(D("2024-07-01"), hired.Snapshot.ProbationEnd);

        // The appointment set the reminder: daily, first on the probation's last day, just after midnight in Shanghai.
        var reminder = await Cluster.DueDatesReminderAsync("li");
        Assert.NotNull(reminder);
        Assert.Equal(TimeSpan.FromDays(1), reminder.Period);
        var expectedStart = DateTime.UtcNow + (ShanghaiMidnight("2024-07-01", 5) - Cluster.Clock.GetUtcNow());
        Assert.InRange(reminder.StartAt, expectedStart.AddMinutes(-2), expectedStart.AddMinutes(2));

        // Before the date a tick records nothing.
        await Cluster.TickDueDatesAsync("li");
        Assert.Empty(await DueEventsAsync("li"));

        Cluster.Clock.SetUtcNow(ShanghaiMidnight("2024-07-01", 10));
        await Cluster.TickDueDatesAsync("li");
        var announced = Assert.Single(await DueEventsAsync("li"));
        using (var payload = JsonDocument.Parse(announced.Payload))
        {
            Assert.Equal("probation-end", payload.RootElement.GetProperty("kind").GetString());
            Assert.Equal("2024-07-01", payload.RootElement.GetProperty("dueOn").GetString());
            Assert.Equal("AM 第十三条", payload.RootElement.GetProperty("article").GetString());
        }

        Assert.Equal((D("2024-07-01"), "system:due-dates", hired.Snapshot.Version + 1), (announced.OccurredOn, announced.RecordedBy, announced.Version));

        // A second tick, and a tick on a new activation (rebuilt from the stream), record nothing more.
        await Cluster.TickDueDatesAsync("li");
        await Cluster.DeactivateAsync(Employee("li"));
        await Cluster.TickDueDatesAsync("li");
        Assert.Single(await DueEventsAsync("li"));

        // The reminder moved on to the next date ahead (the renewal window, 90 days before the term ends on 2027-01-01).
        var next = await Cluster.DueDatesReminderAsync("li");
        Assert.NotNull(next);
        Assert.True(next.StartAt > reminder.StartAt.AddDays(365), $"the reminder should start on 2026-10-03, not {next.StartAt:O}");

        // The aggregate did not replay the announcement, and the next command commits at the stream's version.
        var passed = await Run("li", "2024-07-02", new RecordProbationOutcome(true, null));
        Assert.Equal((ContractState.Appointed, announced.Version + 1), (passed.Snapshot.State, passed.Snapshot.Version));
    }

    [Fact]
    public async Task AM13_every_due_date_already_arrived_is_announced_by_one_tick_and_a_passed_probation_is_not()
    {
        await Run("qian", "2024-01-02", Appointment("qian", Planning));
        await AppointOnProbationAsync("sun", "2024-01-02");
        await Run("sun", "2024-07-02", new RecordProbationOutcome(true, null));

        Cluster.Clock.SetUtcNow(ShanghaiMidnight("2027-01-01", 10));
        await Cluster.TickDueDatesAsync("qian");
        await Cluster.TickDueDatesAsync("sun");

        var kinds = (await DueEventsAsync("qian")).Select(e => (e.Type, e.OccurredOn)).ToList();
        Assert.Equal([(DueDateReached, D("2026-10-03")), (DueDateReached, D("2027-01-01"))], kinds);
        Assert.DoesNotContain(await DueEventsAsync("sun"), e => e.Payload.Contains("probation-end", StringComparison.Ordinal));
        Assert.Equal(2, (await DueEventsAsync("sun")).Count);
    }

    [Fact]
    public async Task A_separation_removes_the_due_dates_reminder_and_a_later_tick_announces_nothing()
    {
        await AppointOnProbationAsync("zhou", "2024-01-02");
        Assert.NotNull(await Cluster.DueDatesReminderAsync("zhou"));

        await Run("zhou", "2024-03-01", new ResignEmployee());

        Assert.Null(await Cluster.DueDatesReminderAsync("zhou"));
        Cluster.Clock.SetUtcNow(ShanghaiMidnight("2024-07-01", 10));
        await Cluster.TickDueDatesAsync("zhou");
        Assert.Empty(await DueEventsAsync("zhou"));
    }

    [Fact]
    public async Task A_person_without_a_due_dates_reminder_gets_one_on_the_next_write_of_a_new_activation()
    {
        await Run("wu", "2024-01-02", Appointment("wu", Planning));
        await Cluster.ForgetDueDatesReminderAsync("wu");
        await Cluster.DeactivateAsync(Employee("wu"));

        await Run("wu", "2024-03-01", new RecordLeave(LeaveKind.Annual, new Domain.Common.DatePeriod(D("2024-02-05"), D("2024-02-06"))));

        var reminder = await Cluster.DueDatesReminderAsync("wu");
        Assert.NotNull(reminder);
        var expectedStart = DateTime.UtcNow + (ShanghaiMidnight("2026-10-03", 5) - Cluster.Clock.GetUtcNow());
        Assert.InRange(reminder.StartAt, expectedStart.AddMinutes(-2), expectedStart.AddMinutes(2));
    }

    [Fact]
    public async Task AM13_a_new_activation_whose_commit_brings_a_due_date_nearer_moves_the_reminder_to_it()
    {
        await Run("zheng", "2024-01-02", Appointment("zheng", Planning));
        var first = await Cluster.DueDatesReminderAsync("zheng");
        await Cluster.DeactivateAsync(Employee("zheng"));

        var promoted = await Run("zheng", "2024-03-01", new PromoteEmployee(new PostLevel(Post.SectionChief, L4S5)));

        var trialEnd = promoted.Snapshot.TrialEnd!.Value;
        var moved = await Cluster.DueDatesReminderAsync("zheng");
        Assert.NotNull(first);
        Assert.NotNull(moved);
        var expectedStart = DateTime.UtcNow + (ShanghaiMidnight(trialEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 5) - Cluster.Clock.GetUtcNow());
        Assert.InRange(moved.StartAt, expectedStart.AddMinutes(-2), expectedStart.AddMinutes(2));
        Assert.True(moved.StartAt < first.StartAt);
    }
}
