using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Core.Internal;
using Orleans.Runtime;
using Orleans.Storage;
using Personnel.Api.V1;
using Personnel.Grains;
using Personnel.Grains.Abstractions;
using Personnel.Grains.Employees;

namespace Personnel.Server.Tests;

/// <summary>The server with a snapshot every four events (<c>--Grains:SnapshotEvery 4</c>).</summary>
public class SnapshotServerFixture : ServerFixture
{
    protected override IEnumerable<string> ExtraArguments => ["--Grains:SnapshotEvery", "4"];
}

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresSnapshotServerFixture : SnapshotServerFixture
{
    protected override bool UsePostgres => true;
}

/// <summary>
/// Employee snapshots on the server's own grain storage (Orleans' AdoNet provider on the server's database): they are
/// written as the stream grows, an employee activated again starts from one, and its answers and next write are those of
/// the whole stream.
/// </summary>
public abstract class SnapshotTests(ServerFixture server)
{
    [Fact]
    public async Task An_employee_activated_again_from_its_snapshot_answers_and_writes_as_before()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "lake"));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("snap-1", "lake", "2022-01-03"));
        for (var i = 1; i <= 9; i++)
        {
            await hr.Call<RecordQualificationsRequest, RecordQualificationsResponse>(Qualifications(i));
        }

        var employee = new GetEmployeeRequest { EmployeeId = "snap-1" };
        var tenure = new GetTenureRequest { EmployeeId = "snap-1", AsOf = Build.Date("2023-06-30") };
        var before = (await hr.Call<GetEmployeeRequest, GetEmployeeResponse>(employee), await hr.Call<GetTenureRequest, GetTenureResponse>(tenure));

        var factory = server.Services.GetRequiredService<IGrainFactory>();
        var grain = factory.GetGrain<IEmployeeGrain>("snap-1");
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var stored = new GrainState<EmployeeGrainSnapshot>();
        await server.Services.GetRequiredKeyedService<IGrainStorage>(GrainProviders.State).ReadStateAsync("employee-snapshot", grain.GetGrainId(), stored);
        Assert.True(stored.RecordExists, "no snapshot in the grain storage");
        Assert.InRange(stored.State!.Version, 8, before.Item1.Employee.Version);
        Assert.StartsWith($"employee-", stored.State.Format, StringComparison.Ordinal);

        Assert.Equal(before, (await hr.Call<GetEmployeeRequest, GetEmployeeResponse>(employee), await hr.Call<GetTenureRequest, GetTenureResponse>(tenure)));
        var next = await hr.Call<RecordQualificationsRequest, RecordQualificationsResponse>(Qualifications(10));
        Assert.Equal(before.Item1.Employee.Version + 1, next.Employee.Version);
        Assert.Equal(next.Employee.Version, await server.Store.GetStreamVersionAsync("employee:snap-1"));
    }

    private static RecordQualificationsRequest Qualifications(int i) => Build.Qualifications("snap-1", $"2015-07-{i:D2}", $"2023-02-{i:D2}");
}

/// <summary>On SQLite.</summary>
public sealed class SqliteSnapshotTests(SnapshotServerFixture server) : SnapshotTests(server), IClassFixture<SnapshotServerFixture>;

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresSnapshotTests(PostgresSnapshotServerFixture server) : SnapshotTests(server), IClassFixture<PostgresSnapshotServerFixture>;
