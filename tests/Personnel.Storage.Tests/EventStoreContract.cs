namespace Personnel.Storage.Tests;

/// <summary>
/// The storage test suite. Every test here runs on SQLite and on PostgreSQL (the subclasses), each
/// against its own fresh database (a file, or a schema).
/// </summary>
public abstract partial class EventStoreContract : IAsyncLifetime
{
    private readonly List<IEventStore> _opened = [];

    protected ManualClock Clock { get; } = new(new DateTimeOffset(2024, 4, 1, 8, 30, 0, TimeSpan.Zero));

    protected IEventStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        Store = await OpenAsync("node-a");
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    /// <summary>Opens another store instance on this test's database (another node).</summary>
    protected async Task<IEventStore> OpenAsync(string nodeId)
    {
        var store = await OpenStoreAsync(new EventStoreOptions { NodeId = nodeId, TimeProvider = Clock });
        _opened.Add(store);
        return store;
    }

    protected abstract Task CreateDatabaseAsync();

    protected abstract Task<IEventStore> OpenStoreAsync(EventStoreOptions options);

    protected abstract Task DropDatabaseAsync();

    [Fact]
    public async Task Append_to_a_new_stream_numbers_versions_from_one_and_positions_without_gaps()
    {
        var outcome = await Store.AppendAsync(Commits.Append("r1", "emp-1", ExpectedVersion.NoStream, events: 3));
        var second = await Store.AppendAsync(Commits.Append("r2", "emp-2", ExpectedVersion.NoStream, events: 2));

        var appended = Assert.IsType<Appended>(outcome);
        Assert.Equal([new AppendedStream("emp-1", 1, 3)], appended.Streams);
        Assert.Equal((1, 3), (appended.FirstPosition, appended.LastPosition));
        Assert.Equal((4L, 5L), (((Appended)second).FirstPosition, ((Appended)second).LastPosition));
        Assert.Equal(3, await Store.GetStreamVersionAsync("emp-1"));
        Assert.Equal(5, await Store.GetLastPositionAsync());
        var events = await Store.ReadStreamAsync("emp-1");
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Version));
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Position));
    }

    [Fact]
    public async Task Recorded_events_keep_type_payload_dates_author_and_request_exactly()
    {
        var payload = "{\"grade\":\"Good\",\"note\":\"好 — 较好\",\"n\":1.50}";
        var commit = new Commit("req-7", "fp", "hr-key-42",
            [new StreamAppend("emp-1", 0, [new NewEvent("QuarterGraded", payload, new DateOnly(2024, 3, 31))])], [], "{}");

        await Store.AppendAsync(commit);

        var e = Assert.Single(await Store.ReadStreamAsync("emp-1"));
        Assert.Equal(new RecordedEvent(1, "emp-1", 1, "QuarterGraded", payload, new DateOnly(2024, 3, 31), Clock.Now, "hr-key-42", "req-7"), e);
    }

    [Fact]
    public async Task A_wrong_expected_version_is_reported_and_nothing_is_written_in_any_stream()
    {
        await Store.AppendAsync(Commits.Append("r1", "emp-1", 0, events: 2));
        var commit = Commits.Multi(
            "r2",
            new StreamAppend("dept-1", ExpectedVersion.NoStream, [Commits.Event()]),
            new StreamAppend("emp-1", 1, [Commits.Event()]));

        var outcome = await Store.AppendAsync(commit);

        Assert.Equal(new WrongExpectedVersion("emp-1", 1, 2), outcome);
        Assert.Equal(0, await Store.GetStreamVersionAsync("dept-1"));
        Assert.Equal(2, await Store.GetStreamVersionAsync("emp-1"));
        Assert.Equal(2, await Store.GetLastPositionAsync());
        Assert.Empty(await Store.ReadAllAsync(2, 100));
    }

    [Fact]
    public async Task A_new_stream_expected_where_one_exists_is_a_conflict()
    {
        await Store.AppendAsync(Commits.Append("r1", "emp-1", 0));

        var outcome = await Store.AppendAsync(Commits.Append("r2", "emp-1", ExpectedVersion.NoStream));

        Assert.Equal(new WrongExpectedVersion("emp-1", 0, 1), outcome);
    }

    [Fact]
    public async Task Expected_version_any_appends_after_whatever_is_there()
    {
        await Store.AppendAsync(Commits.Append("r1", "dept-1", 0, events: 2));

        var outcome = await Store.AppendAsync(Commits.Append("r2", "dept-1", ExpectedVersion.Any));

        Assert.Equal([new AppendedStream("dept-1", 3, 3)], Assert.IsType<Appended>(outcome).Streams);
    }

    [Fact]
    public async Task A_retried_request_returns_the_first_result_and_records_nothing_new()
    {
        var commit = Commits.Append("req-1", "emp-1", 0, 1, new PutDocument("note", "emp-1", "{\"v\":1}"));
        await Store.AppendAsync(commit);
        var retry = commit with { Appends = [new StreamAppend("emp-1", 1, [Commits.Event()])], Result = "{\"other\":true}" };

        var outcome = await Store.AppendAsync(retry);

        Assert.Equal(new Duplicate("req-1", "{\"request\":\"req-1\"}"), outcome);
        Assert.Equal(1, await Store.GetStreamVersionAsync("emp-1"));
        Assert.Equal(1, await Store.GetLastPositionAsync());
    }

    [Fact]
    public async Task A_request_id_reused_for_different_content_is_refused_and_nothing_recorded()
    {
        await Store.AppendAsync(Commits.Append("req-1", "emp-1", 0));
        var other = Commits.Append("req-1", "emp-2", 0) with { RequestFingerprint = "different" };

        var outcome = await Store.AppendAsync(other);

        var reused = Assert.IsType<RequestIdReused>(outcome);
        Assert.Equal(("req-1", "different"), (reused.RequestId, reused.Fingerprint));
        Assert.Equal(0, await Store.GetStreamVersionAsync("emp-2"));
    }

    [Fact]
    public async Task Concurrent_retries_of_one_request_record_it_once_and_all_get_its_result()
    {
        var commit = Commits.Append("req-1", "emp-1", 0);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Store.AppendAsync(commit)));

        Assert.Single(outcomes.OfType<Appended>());
        Assert.Equal(19, outcomes.OfType<Duplicate>().Count(d => d.Result == commit.Result));
        Assert.Single(await Store.ReadAllAsync(0, 100));
    }

    [Fact]
    public async Task Concurrent_writers_to_one_stream_at_one_version_have_exactly_one_winner()
    {
        await Store.AppendAsync(Commits.Append("seed", "emp-1", 0));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Store.AppendAsync(Commits.Append($"w{i}", "emp-1", 1))));

        Assert.Single(outcomes.OfType<Appended>());
        Assert.All(outcomes.OfType<WrongExpectedVersion>(), c => Assert.Equal(new WrongExpectedVersion("emp-1", 1, 2), c));
        Assert.Equal(49, outcomes.OfType<WrongExpectedVersion>().Count());
        Assert.Equal(2, await Store.GetStreamVersionAsync("emp-1"));
    }

    [Fact]
    public async Task Concurrent_appends_to_many_streams_all_land_with_gap_free_positions()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Store.AppendAsync(Commits.Append($"r{i}", $"emp-{i}", 0, events: 2))));

        Assert.All(outcomes, o => Assert.IsType<Appended>(o));
        var all = await Store.ReadAllAsync(0, 1000);
        Assert.Equal(Enumerable.Range(1, 600).Select(i => (long)i), all.Select(e => e.Position));
        Assert.Equal(300, all.Select(e => e.StreamId).Distinct().Count());
        Assert.All(all.GroupBy(e => e.StreamId), g => Assert.Equal([1L, 2L], g.Select(e => e.Version)));
    }

    [Fact]
    public async Task Commits_queued_back_to_back_on_one_stream_chain_their_versions_in_arrival_order()
    {
        var tasks = Enumerable.Range(0, 50)
            .Select(i => Store.AppendAsync(Commits.Append($"r{i}", "emp-1", i, 1, new UpsertEmployeeView(Commits.View("emp-1", step: 1 + (i % 19), version: i + 1)))))
            .ToList();

        var outcomes = await Task.WhenAll(tasks);

        Assert.Equal(Enumerable.Range(1, 50).Select(v => new AppendedStream("emp-1", v, v)), outcomes.Select(o => Assert.IsType<Appended>(o).Streams.Single()));
        Assert.Equal(Commits.View("emp-1", step: 1 + (49 % 19), version: 50), await Store.ReadModels.GetEmployeeAsync("emp-1"));
    }

    [Fact]
    public async Task Disposing_the_store_finishes_the_commits_already_queued_and_refuses_later_ones()
    {
        var store = await OpenAsync("node-z");
        var queued = Enumerable.Range(0, 100).Select(i => store.AppendAsync(Commits.Append($"q{i}", $"emp-{i}", 0))).ToList();

        await store.DisposeAsync();

        Assert.All(await Task.WhenAll(queued), o => Assert.IsType<Appended>(o));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync(Commits.Append("late", "emp-x", 0)));
        Assert.Equal(100, await Store.GetLastPositionAsync());
    }

    [Fact]
    public async Task ReadAll_pages_through_events_in_commit_order()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.AppendAsync(Commits.Append($"r{i}", $"s{i % 2}", i / 2));
        }

        var first = await Store.ReadAllAsync(0, 3);
        var rest = await Store.ReadAllAsync(first[^1].Position, 3);

        Assert.Equal(["r0", "r1", "r2"], first.Select(e => e.RequestId));
        Assert.Equal(["r3", "r4"], rest.Select(e => e.RequestId));
        Assert.Equal([2L, 3L], (await Store.ReadStreamAsync("s0", 2)).Select(e => e.Version));
    }

    [Fact]
    public async Task A_stream_is_read_a_page_at_a_time_in_version_order()
    {
        for (var i = 0; i < 7; i++)
        {
            await Store.AppendAsync(Commits.Append($"p{i}", "paged", i));
        }

        Assert.Equal([3L, 4L, 5L], (await Store.ReadStreamAsync("paged", 3, 3)).Select(e => e.Version));
        Assert.Equal([6L, 7L], (await Store.ReadStreamAsync("paged", 6, 3)).Select(e => e.Version));
        Assert.Empty(await Store.ReadStreamAsync("paged", 8, 3));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ReadStreamAsync("paged", 1, 0));
    }

    [Fact]
    public async Task A_stream_is_read_for_some_types_only_in_version_order()
    {
        var kinds = new[] { "grade", "leave", "grade", "note", "leave" };
        for (var i = 0; i < kinds.Length; i++)
        {
            var commit = Commits.Append($"k{i}", "kinds", i);
            var append = commit.Appends[0];
            await Store.AppendAsync(commit with { Appends = [append with { Events = [append.Events[0] with { Type = kinds[i] }] }] });
        }

        Assert.Equal([1L, 2L, 3L, 5L], (await Store.ReadStreamOfTypesAsync("kinds", ["grade", "leave"])).Select(e => e.Version));
        Assert.Equal(["note"], (await Store.ReadStreamOfTypesAsync("kinds", ["note", "absent"])).Select(e => e.Type));
        Assert.Empty(await Store.ReadStreamOfTypesAsync("kinds", []));
    }

    [Fact]
    public async Task A_malformed_commit_is_refused_naming_the_fault_and_records_nothing()
    {
        var badJson = Commits.Append("r1", "emp-1", 0) with { Appends = [new StreamAppend("emp-1", 0, [new NewEvent("Graded", "{not json", Commits.Day)])] };
        var twice = Commits.Multi("r2", new StreamAppend("emp-1", 0, [Commits.Event()]), new StreamAppend("emp-1", 0, [Commits.Event()]));
        var noEvents = Commits.Multi("r3", new StreamAppend("emp-1", 0, []));
        var badQuarter = Commits.Append("r4", "emp-1", 0, 1, new AddQuarterGood("dept-1", 2024, 5, 1, 4));
        var nul = Commits.Append("r5", "emp\0", 0);

        var e1 = await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(badJson));
        var e2 = await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(twice));
        var e3 = await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(noEvents));
        var e4 = await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(badQuarter));
        var e5 = await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(nul));

        Assert.Contains("payload of a 'Graded' event in stream 'emp-1' is not valid JSON", e1.Message);
        Assert.Contains("appends to stream 'emp-1' twice", e2.Message);
        Assert.Contains("Stream 'emp-1': an append needs at least one event", e3.Message);
        Assert.Contains("The quarter is 5; it must be between 1 and 4", e4.Message);
        Assert.Contains("The stream id 'emp\\0' contains a control character", e5.Message);
        Assert.Equal(0, await Store.GetLastPositionAsync());
    }

    [Fact]
    public async Task Reopening_the_store_keeps_its_data_and_applies_no_migration_twice()
    {
        await Store.AppendAsync(Commits.Append("r1", "emp-1", 0));

        var again = await OpenAsync("node-b");

        Assert.Equal(1, await again.GetStreamVersionAsync("emp-1"));
        Assert.IsType<Appended>(await again.AppendAsync(Commits.Append("r2", "emp-2", 0)));
    }
}
