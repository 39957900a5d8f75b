using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Personnel.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Personnel.Server.Hosting;

namespace Personnel.Server.Tests;

/// <summary>
/// A database of schema 1 (before the rotation timelines) opened by this build: migration 0002 runs at start-up and the
/// timelines are rebuilt from the event store before the first call, so the list answers as of the date asked at once.
/// </summary>
public sealed class RotationTimelineMigrationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "personnel-migration-tests-" + Guid.NewGuid().ToString("N"));

    private string Database => Path.Combine(_directory, "personnel.db");

    [Fact]
    public async Task A_schema_1_database_is_migrated_and_its_rotation_timelines_rebuilt_from_the_events()
    {
        Directory.CreateDirectory(_directory);
        await using (var first = await StartAsync())
        {
            var admin = first.Client;
            await admin.Call<CreateDepartmentRequest, CreateDepartmentResponse>(new CreateDepartmentRequest
            {
                RequestId = "dept-mig", DepartmentId = "mig-dept", Name = "Migrated", Kind = DepartmentKind.ZoneDepartment, CreatedOn = Build.Date("2015-01-01"),
            });
            await RotationAsOfTests.AppointHeadRenewedOnScheduleAsync(admin, "mig-head", "mig-dept");
        }

        // Back to schema 1: what a database written before this change holds (events and employee_view, no timelines).
        await using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var downgrade = connection.CreateCommand();
            downgrade.CommandText = "DROP TABLE rotation_due; DELETE FROM read_model WHERE kind = 'department'; DELETE FROM schema_version WHERE version >= 2;";
            await downgrade.ExecuteNonQueryAsync();
        }

        await using var second = await StartAsync();
        var due = await second.Client.Call<ListRotationDueRequest, ListRotationDueResponse>(new ListRotationDueRequest
        {
            AsOf = Build.Date("2024-06-01"), WindowDays = 3660,
        });

        var entry = Assert.Single(due.Entries);
        Assert.Equal(("mig-head", RotationStrength.Mandatory, Build.Date("2024-02-29"), 3), (entry.EmployeeId, entry.Strength, entry.DueOn, entry.ConsecutiveTerms));
        Assert.Null(await second.App.Services.GetRequiredService<Storage.IEventStore>().ReadModels.GetDocumentAsync("maintenance", "rotation-timeline-rebuild"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task<Running> StartAsync()
    {
        var app = await ServerHost.BuildAsync(
        [
            "--urls", "http://127.0.0.1:0", "--Web:Urls", "http://127.0.0.1:0", "--PERSONNEL_ADMIN_KEY", ServerFixture.AdminToken,
            "--Logging:LogLevel:Default", "Warning", "--Storage:ConnectionString", Database,
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Endpoints>().Grpc[0];
        var channel = GrpcChannel.ForAddress(address);
        return new Running(app, channel, new Client(channel.CreateCallInvoker(), ServerFixture.AdminToken));
    }

    private sealed record Running(WebApplication App, GrpcChannel Channel, Client Client) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Channel.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
