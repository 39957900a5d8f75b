using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Personnel.Api.V1;
using Personnel.Grains.Abstractions;
using Personnel.Grains.Employees;

namespace Personnel.Server.Tests;

/// <summary>A due date that arrives with no write reaches WatchEvents: the appointment sets the employee's due-dates reminder
/// in the server's reminder table (AdoNet on the server's database); its tick reads today from the server's clock and
/// appends "due-date-reached", which a watcher filtering by that type receives.</summary>
public abstract class DueDateEventTests(ServerFixture server)
{
    [Fact]
    public async Task AM13_a_probation_end_reaches_a_watcher_of_due_date_reached_with_no_write()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "lake"));
        var appointment = Build.Appointment("due-1", "lake", "2026-01-05");
        appointment.Method = AppointmentMethod.OpenRecruitment;
        var hired = await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(appointment);
        Assert.Equal(Build.Date("2026-07-04"), hired.Employee.ProbationEndsOn);
        var factory = server.Services.GetRequiredService<IGrainFactory>();
        var row = await server.Services.GetRequiredService<IReminderTable>()
            .ReadRow(factory.GetGrain<IEmployeeGrain>("due-1").GetGrainId(), EmployeeGrain.DueDatesReminder);
        Assert.Equal(TimeSpan.FromDays(1), Assert.IsType<ReminderEntry>(row).Period);

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var reader = server.As(await server.KeyAsync(Role.Reader));
        using var call = reader.Watch(new WatchEventsRequest { Types_ = { "due-date-reached" } }, cancel.Token);

        // The tick is delivered as Orleans delivers it. On the server's today (1 March) nothing is due yet: the grains read the
        // server's clock, not the machine's.
        var grain = factory.GetGrain<IEmployeeGrain>("due-1").AsReference<IRemindable>();
        var tick = new TickStatus(DateTime.UtcNow, TimeSpan.FromDays(1), DateTime.UtcNow);
        await grain.ReceiveReminder(EmployeeGrain.DueDatesReminder, tick);
        Assert.Equal(hired.Employee.Version, await server.Store.GetStreamVersionAsync("employee:due-1"));

        // 00:10 on 4 July in Shanghai: the probation's last day has come.
        server.Clock.Set(new DateTimeOffset(2026, 7, 3, 16, 10, 0, TimeSpan.Zero));
        await grain.ReceiveReminder(EmployeeGrain.DueDatesReminder, tick);

        Assert.True(await call.ResponseStream.MoveNext(cancel.Token));
        var reached = call.ResponseStream.Current;
        Assert.Equal(("employee:due-1", "due-date-reached", Build.Date("2026-07-04"), "system:due-dates"),
            (reached.StreamId, reached.Type, reached.OccurredOn, reached.RecordedBy));
        using var payload = JsonDocument.Parse(reached.PayloadJson);
        Assert.Equal(("probation-end", "2026-07-04"),
            (payload.RootElement.GetProperty("kind").GetString(), payload.RootElement.GetProperty("dueOn").GetString()));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteDueDateEventTests(ServerFixture server) : DueDateEventTests(server), IClassFixture<ServerFixture>;

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresDueDateEventTests(PostgresServerFixture server) : DueDateEventTests(server), IClassFixture<PostgresServerFixture>;
