using Personnel.Domain.Departments;
using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;

namespace Personnel.Grains.Tests.Integration;

/// <summary>The composition the server starts: options, a store it opens itself, a clean stop and restart.</summary>
public sealed class PersonnelClusterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "personnel-cluster-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_node_started_on_a_SQLite_path_records_durably_and_a_restarted_node_answers_from_storage()
    {
        var options = new PersonnelClusterOptions { SqlitePath = Path.Combine(_directory, "personnel.db") };
        var request = new AppointmentRequest(
            new EmployeeId("E0042"), new DepartmentId("planning"), new PostLevel(Post.DeputySectionChief, new PostGrade(6, 5)), AppointmentMethod.Competition,
            ProbationKind.None, new DateOnly(2045, 6, 30), AdministrativeRank.DeputySection, new DateOnly(2015, 7, 1), Education.Bachelor);
        EmployeeCommandResult hired;
        await using (var first = await PersonnelCluster.StartAsync(options))
        {
            Assert.Equal("weihai-2020", first.Profile.Name);
            await first.GetGrain<IDepartmentGrain>("planning").ExecuteAsync(
                new CreateDepartment("Planning Bureau", DepartmentKind.ZoneDepartment), new CommandContext("create-planning", "key-admin", new DateOnly(2020, 1, 2)), CancellationToken.None);
            hired = await first.GetGrain<IEmployeeGrain>("E0042").ExecuteAsync(
                new AppointEmployee(request, "Wang Wu"), new CommandContext("hire-E0042", "key-hr", new DateOnly(2024, 1, 2)), CancellationToken.None);
        }

        await using var second = await PersonnelCluster.StartAsync(options);
        var snapshot = await second.GetGrain<IEmployeeGrain>("E0042").GetSnapshotAsync(CancellationToken.None);

        Assert.Equal(hired.Snapshot, snapshot);
        Assert.Equal(2, await second.Store.GetStreamVersionAsync("employee:E0042"));
    }

    [Fact]
    public async Task Options_naming_no_store_or_both_stores_or_an_unknown_profile_are_refused()
    {
        var neither = await Record.ExceptionAsync(() => PersonnelCluster.StartAsync(new PersonnelClusterOptions()));
        var both = await Record.ExceptionAsync(() => PersonnelCluster.StartAsync(new PersonnelClusterOptions { SqlitePath = "x.db", PostgresConnectionString = "Host=x" }));
        var profile = await Record.ExceptionAsync(() => PersonnelCluster.StartAsync(new PersonnelClusterOptions { SqlitePath = Path.Combine(_directory, "p.db"), ProfileName = "nowhere-1999" }));

        Assert.Contains("exactly one of SqlitePath and PostgresConnectionString", Assert.IsType<ArgumentException>(neither).Message);
        Assert.IsType<ArgumentException>(both);
        Assert.Contains("there is no policy profile 'nowhere-1999'", Assert.IsType<RuleViolationException>(profile).Message);
        Assert.False(File.Exists(Path.Combine(_directory, "p.db")));
    }
}
