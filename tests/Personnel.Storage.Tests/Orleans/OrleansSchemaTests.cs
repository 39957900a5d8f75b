using System.Reflection;
using System.Text.RegularExpressions;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Storage;
using Personnel.Storage.Orleans;
using Personnel.Storage.Sqlite;

namespace Personnel.Storage.Tests;

/// <summary>
/// <see cref="OrleansSchema.EnsureAsync"/> on each dialect: scripts applied once and recorded, several processes
/// at once, a changed or unknown script refused with nothing applied, and every query Orleans' providers read at
/// silo start present.
/// </summary>
public abstract partial class OrleansSchemaContract(OrleansTestDatabase database) : IAsyncLifetime
{
    protected OrleansTestDatabase Database { get; } = database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Database.DisposeAsync();

    [Fact]
    public async Task Applying_twice_applies_each_script_once_and_the_second_time_changes_nothing()
    {
        await Database.EnsureAsync();
        var versions = await VersionsAsync();
        var queries = await QueriesAsync();

        await Database.EnsureAsync();

        Assert.Equal(Database.ScriptNames.Select((name, i) => $"{i + 1} {name}"), versions.Select(v => $"{v[0]} {v[1]}"));
        Assert.All(versions, v => Assert.Matches("^[0-9a-f]{64}$", (string)v[2]));
        Assert.Equal(versions, await VersionsAsync());
        Assert.Equal(queries, await QueriesAsync());
    }

    [Fact]
    public async Task Three_starts_at_once_on_one_database_all_succeed_and_each_script_is_applied_once()
    {
        var applies = Enumerable.Range(0, 3).Select(_ => Task.Run(Database.EnsureAsync)).ToList();

        var databases = await Task.WhenAll(applies);

        Assert.Single(databases.Distinct());
        Assert.Equal(Database.ScriptNames, (await VersionsAsync()).Select(v => (string)v[1]));
        Assert.True(await Database.TableExistsAsync("orleansreminderstable"));
    }

    [Fact]
    public async Task A_recorded_script_whose_checksum_changed_is_refused_and_nothing_is_applied()
    {
        await Database.EnsureAsync();
        // Undo the last script and its record, so a run that went ahead would apply it again.
        var last = Database.ScriptNames.Count;
        await Database.ExecuteAsync("DROP TABLE OrleansRemindersTable");
        await Database.ExecuteAsync("DELETE FROM OrleansQuery WHERE QueryKey LIKE '%Reminder%' OR QueryKey LIKE 'ReadRangeRows%'");
        await Database.ExecuteAsync($"DELETE FROM orleans_schema_version WHERE version = {last}");
        await Database.ExecuteAsync("UPDATE orleans_schema_version SET checksum = 'edited' WHERE version = 1");

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(Database.EnsureAsync);

        Assert.Contains("Orleans schema script 1 was applied", refusal.Message);
        Assert.Contains("with checksum edited", refusal.Message);
        Assert.Contains("a released script is never edited", refusal.Message);
        Assert.False(await Database.TableExistsAsync("orleansreminderstable"));
        Assert.Equal(last - 1, (await VersionsAsync()).Count);
    }

    [Fact]
    public async Task A_database_holding_a_script_this_build_does_not_have_is_refused()
    {
        await Database.EnsureAsync();
        var unknown = Database.ScriptNames.Count + 1;
        await Database.ExecuteAsync($"INSERT INTO orleans_schema_version (version, name, checksum, applied_at) VALUES ({unknown}, 'from_a_newer_build', 'x', '2026-12-04')");

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(Database.EnsureAsync);

        Assert.Contains($"records Orleans schema script {unknown} (from_a_newer_build), which this build does not have", refusal.Message);
    }

    [Fact]
    public async Task Every_query_the_providers_read_at_silo_start_is_in_OrleansQuery()
    {
        await Database.EnsureAsync();

        var installed = (await QueriesAsync()).Select(q => (string)q[0]).ToHashSet();
        var missing = RequiredQueryKeys().Where(key => !installed.Contains(key)).ToList();

        Assert.True(missing.Count == 0, $"OrleansQuery lacks {string.Join(", ", missing)}");
    }

    /// <summary>The query keys of the providers this dialect serves, read from the 10.4.2 assemblies themselves.</summary>
    protected virtual IEnumerable<string> RequiredQueryKeys()
    {
        var grainStorage = Regex.Matches(AdoNetGrainStorage.DefaultInitializationQuery, "'(\\w+Key)'").Select(m => m.Groups[1].Value);
        return grainStorage.Concat(StoredQueryKeys(typeof(AdoNetReminderTableOptions).Assembly, "Orleans.Reminders.AdoNet.Storage.DbStoredQueries"));
    }

    /// <summary>The keys a provider's DbStoredQueries refuses to start without: its non-public properties.</summary>
    protected static IEnumerable<string> StoredQueryKeys(Assembly provider, string typeName)
    {
        var type = provider.GetType(typeName, throwOnError: true)!;
        var keys = type.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Select(p => p.Name).ToList();
        Assert.NotEmpty(keys);
        return keys;
    }

    private Task<List<object[]>> VersionsAsync() => Database.ReadAsync("SELECT version, name, checksum FROM orleans_schema_version ORDER BY version");

    private Task<List<object[]>> QueriesAsync() => Database.ReadAsync("SELECT QueryKey, QueryText FROM OrleansQuery ORDER BY QueryKey");
}

/// <summary>The Orleans schema on SQLite: grain state and reminders, in the event store's file.</summary>
public sealed class SqliteOrleansSchemaTests() : OrleansSchemaContract(new SqliteOrleansTestDatabase())
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_tables_share_the_event_store_file_whichever_opens_it_first(bool eventStoreFirst)
    {
        if (eventStoreFirst)
        {
            await (await SqliteEventStore.OpenAsync(Database.Target)).DisposeAsync();
        }

        await Database.EnsureAsync();
        await using var store = await SqliteEventStore.OpenAsync(Database.Target);
        await store.AppendAsync(Commits.Append("r1", "emp-1", ExpectedVersion.NoStream));
        await Database.EnsureAsync();

        Assert.Equal(1, await store.GetStreamVersionAsync("emp-1"));
        Assert.Equal(Database.ScriptNames.Count, (await Database.ReadAsync("SELECT 1 FROM orleans_schema_version")).Count);
        Assert.Equal("wal", (await Database.ReadAsync("PRAGMA journal_mode")).Single()[0]);
    }
}

/// <summary>The Orleans schema on PostgreSQL: clustering too.</summary>
public sealed class PostgresOrleansSchemaTests() : OrleansSchemaContract(new PostgresOrleansTestDatabase())
{
    [Fact]
    public async Task A_schema_name_that_is_not_a_plain_identifier_is_refused_before_connecting()
    {
        var options = new OrleansSchemaOptions { Schema = "personnel; DROP TABLE events" };

        var refusal = await Assert.ThrowsAsync<ArgumentException>(() => OrleansSchema.EnsureAsync(OrleansDatabaseKind.Postgres, Database.Target, options));

        Assert.Contains("Schema name 'personnel; DROP TABLE events' must be lower-case letters, digits and underscores", refusal.Message);
    }

    protected override IEnumerable<string> RequiredQueryKeys() =>
        base.RequiredQueryKeys()
            .Concat(StoredQueryKeys(typeof(AdoNetHostingExtensions).Assembly, "Orleans.Clustering.AdoNet.Storage.DbStoredQueries"))
            .Append("CleanupDefunctSiloEntryKey");
}
