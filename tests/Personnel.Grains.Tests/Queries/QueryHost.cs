using Microsoft.Extensions.DependencyInjection;
using Personnel.Domain.Profiles;
using Personnel.Grains.Queries;
using Personnel.Storage;
using Personnel.Storage.Sqlite;

namespace Personnel.Grains.Tests.Queries;

/// <summary>The grains' queries as the server gets them (<c>AddPersonnelQueries</c>), over a fresh SQLite store per test.</summary>
public abstract class QueryHost : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "personnel-queries-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider? _services;

    protected IEventStore Store { get; private set; } = null!;

    protected T Query<T>()
        where T : notnull => _services!.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Store = await SqliteEventStore.OpenAsync(Path.Combine(_directory, "store.db"), new EventStoreOptions());
        _services = new ServiceCollection()
            .AddSingleton(Store)
            .AddSingleton(PolicyProfiles.Default)
            .AddPersonnelQueries()
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Writes employee rows as the employee grain does, in one read-model commit.</summary>
    protected async Task PutEmployeesAsync(params EmployeeView[] rows)
    {
        var outcome = await Store.AppendAsync(new Commit(
            "rows-" + Guid.NewGuid().ToString("N"), "fingerprint", "test", [], [.. rows.Select(r => new UpsertEmployeeView(r))], "{}"));
        Assert.IsType<Appended>(outcome);
    }

    protected static EmployeeView Row(string id, string name, string department = "planning", string status = "Appointed", string post = "Staff") =>
        new(id, department, post, 6, 3, status, 1, new DateOnly(2027, 1, 1), null, null, null, new DateOnly(2050, 1, 1), 0,
            $$"""{"name":"{{name}}"}""", 1);
}
