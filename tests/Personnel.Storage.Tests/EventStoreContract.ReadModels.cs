using FsCheck;
using FsCheck.Fluent;

namespace Personnel.Storage.Tests;

/// <summary>Read models: written in the events' transaction, refused with them, and queried by index.</summary>
public abstract partial class EventStoreContract
{
    [Fact]
    public async Task The_employee_view_is_written_with_the_events_and_read_back_field_for_field()
    {
        var view = Commits.View("emp-1", rotationDue: new DateOnly(2025, 6, 30), strength: RotationStrength.Mandatory) with
        {
            ProbationEnd = new DateOnly(2024, 9, 30),
            Details = "{\"freezeEnd\":\"2025-01-01\"}",
        };

        await Store.AppendAsync(Commits.Append("r1", "emp-1", 0, 1, new UpsertEmployeeView(view)));

        Assert.Equal(view, await Store.ReadModels.GetEmployeeAsync("emp-1"));
        Assert.Null(await Store.ReadModels.GetEmployeeAsync("emp-2"));
    }

    [Fact]
    public async Task A_refused_commit_leaves_the_read_models_untouched()
    {
        await Store.AppendAsync(Commits.Append("r1", "emp-1", 0, 1, new UpsertEmployeeView(Commits.View("emp-1", step: 1))));

        var outcome = await Store.AppendAsync(Commits.Append("r2", "emp-1", 0, 1, new UpsertEmployeeView(Commits.View("emp-1", step: 2)), new PutDocument("k", "1", "{}")));

        Assert.IsType<WrongExpectedVersion>(outcome);
        Assert.Equal(1, (await Store.ReadModels.GetEmployeeAsync("emp-1"))!.Step);
        Assert.Null(await Store.ReadModels.GetDocumentAsync("k", "1"));
    }

    [Fact]
    public async Task AS13_a_Good_past_the_quarter_cap_is_refused_naming_cap_and_count_and_nothing_is_recorded()
    {
        await Store.AppendAsync(new Commit("setup", "fp", "hr", [], [new SetQuarterEligible("dept-1", 2024, 1, 5)], "{}"));
        Assert.IsType<Appended>(await Store.AppendAsync(Commits.Good("g1", "emp-1", 0, "dept-1", cap: 2)));
        Assert.IsType<Appended>(await Store.AppendAsync(Commits.Good("g2", "emp-2", 0, "dept-1", cap: 2)));

        var outcome = await Store.AppendAsync(Commits.Good("g3", "emp-3", 0, "dept-1", cap: 2));

        Assert.Equal(new QuotaExceeded("dept-1", 2024, 1, Cap: 2, Count: 2, Delta: 1), outcome);
        Assert.Equal(new QuarterQuota("dept-1", 2024, 1, 5, 2), await Store.ReadModels.GetQuarterQuotaAsync("dept-1", 2024, 1));
        Assert.Equal(0, await Store.GetStreamVersionAsync("emp-3"));
    }

    [Fact]
    public async Task AS13_concurrent_Goods_in_one_department_quarter_never_pass_the_cap()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Store.AppendAsync(Commits.Good($"g{i}", $"emp-{i}", 0, "dept-1", cap: 16))));

        Assert.Equal(16, outcomes.OfType<Appended>().Count());
        Assert.Equal(24, outcomes.OfType<QuotaExceeded>().Count());
        Assert.Equal(16, (await Store.ReadModels.GetQuarterQuotaAsync("dept-1", 2024, 1))!.GoodCount);
        Assert.Equal(16, await Store.GetLastPositionAsync());
    }

    [Fact]
    public async Task A_corrected_grade_frees_a_Good_and_a_count_below_zero_is_refused()
    {
        await Store.AppendAsync(Commits.Good("g1", "emp-1", 0, "dept-1", cap: 1));

        var freed = await Store.AppendAsync(Commits.Append("c1", "emp-1", 1, 1, new AddQuarterGood("dept-1", 2024, 1, -1, 1)));
        var below = Store.AppendAsync(Commits.Append("c2", "emp-1", 2, 1, new AddQuarterGood("dept-1", 2024, 1, -1, 1)));

        Assert.IsType<Appended>(freed);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => below);
        Assert.Contains("Good count of department 'dept-1' in 2024 Q1 is 0; subtracting 1 would make it negative", error.Message);
        Assert.Equal(2, await Store.GetStreamVersionAsync("emp-1"));
    }

    [Fact]
    public async Task AS12_the_annual_Excellent_quota_keeps_tier_and_refuses_past_the_cap()
    {
        await Store.AppendAsync(new Commit("tier", "fp", "pa", [], [new SetYearQuota("dept-1", 2024, 3, 10)], "{}"));
        await Store.AppendAsync(Commits.Append("x1", "emp-1", 0, 1, new AddYearExcellent("dept-1", 2024, 1, 1)));

        var outcome = await Store.AppendAsync(Commits.Append("x2", "emp-2", 0, 1, new AddYearExcellent("dept-1", 2024, 1, 1)));

        Assert.Equal(new QuotaExceeded("dept-1", 2024, null, 1, 1, 1), outcome);
        Assert.Equal(new YearQuota("dept-1", 2024, 3, 10, 1), await Store.ReadModels.GetYearQuotaAsync("dept-1", 2024));
    }

    [Fact]
    public async Task Documents_are_put_replaced_and_deleted_with_their_commit()
    {
        await Store.AppendAsync(Commits.Append("r1", "s", 0, 1, new PutDocument("card", "dept-1", "{\"yellow\":1}")));
        await Store.AppendAsync(Commits.Append("r2", "s", 1, 1, new PutDocument("card", "dept-1", "{\"yellow\":2}"), new PutDocument("card", "dept-2", "{}")));
        await Store.AppendAsync(Commits.Append("r3", "s", 2, 1, new DeleteDocument("card", "dept-2")));

        Assert.Equal("{\"yellow\":2}", await Store.ReadModels.GetDocumentAsync("card", "dept-1"));
        Assert.Null(await Store.ReadModels.GetDocumentAsync("card", "dept-2"));
    }

    [Fact]
    public async Task Documents_of_a_kind_are_counted_and_listed_in_key_pages_without_other_kinds()
    {
        await Store.AppendAsync(Commits.Append("d1", "s", 0, 1,
            new PutDocument("gradable:dept-1:2024Q1", "emp-3", "{}"),
            new PutDocument("gradable:dept-1:2024Q1", "emp-1", "{\"a\":1}"),
            new PutDocument("gradable:dept-1:2024Q1", "emp-2", "{}"),
            new PutDocument("gradable:dept-1:2024Q2", "emp-1", "{}")));
        await Store.AppendAsync(Commits.Append("d2", "s", 1, 1, new DeleteDocument("gradable:dept-1:2024Q1", "emp-2")));

        Assert.Equal(2, await Store.ReadModels.CountDocumentsAsync("gradable:dept-1:2024Q1"));
        Assert.Equal(1, await Store.ReadModels.CountDocumentsAsync("gradable:dept-1:2024Q2"));
        Assert.Equal(0, await Store.ReadModels.CountDocumentsAsync("gradable:dept-2:2024Q1"));
        var first = await Store.ReadModels.ListDocumentsAsync("gradable:dept-1:2024Q1", null, 1);
        Assert.Equal([new ReadModelDocument("gradable:dept-1:2024Q1", "emp-1", "{\"a\":1}")], first);
        var second = await Store.ReadModels.ListDocumentsAsync("gradable:dept-1:2024Q1", first[^1].Key, 10);
        Assert.Equal(["emp-3"], second.Select(d => d.Key));
    }

    [Fact]
    public async Task A_recorded_request_is_found_with_its_fingerprint_and_first_result_before_any_retry()
    {
        Assert.Null(await Store.GetRequestAsync("req-1"));
        var commit = Commits.Append("req-1", "emp-1", 0);
        await Store.AppendAsync(commit);

        Assert.Equal(new RecordedRequest("req-1", commit.RequestFingerprint, commit.Result), await Store.GetRequestAsync("req-1"));
        Assert.Null(await Store.GetRequestAsync("req-2"));
    }

    [Fact]
    public async Task Rotation_due_lists_overdue_and_due_within_the_window_in_keyset_pages()
    {
        var asOf = new DateOnly(2025, 1, 1);
        var writes = new List<ReadModelWrite>();
        for (var i = 0; i < 25; i++)
        {
            // Due dates from 2024-12-20 onwards, every third day; three departments; every fourth mandatory.
            writes.Add(new UpsertEmployeeView(Commits.View($"emp-{i:D2}", department: $"dept-{i % 3}")));
            writes.Add(new ReplaceRotationTimeline($"emp-{i:D2}", [new RotationDuePeriod(
                new DateOnly(2020, 1, 1), null, $"dept-{i % 3}", new DateOnly(2024, 12, 20).AddDays(3 * i),
                i % 4 == 0 ? RotationStrength.Mandatory : RotationStrength.Advisory, 2, "AM 第十二条")]));
        }

        writes.Add(new UpsertEmployeeView(Commits.View("emp-none")));
        await Store.AppendAsync(new Commit("seed", "fp", "hr", [], writes, "{}"));

        var query = new RotationDueQuery(asOf, WindowDays: 30, Limit: 4);
        var all = new List<RotationDueListing>();
        RotationDueCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await Store.ReadModels.QueryRotationDueAsync(query with { After = cursor });
            all.AddRange(page.Items);
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null);

        var expected = Enumerable.Range(0, 25).Where(i => new DateOnly(2024, 12, 20).AddDays(3 * i) <= asOf.AddDays(30)).Select(i => $"emp-{i:D2}").ToList();
        Assert.Equal(15, expected.Count);
        Assert.Equal(expected, all.Select(v => v.View.EmployeeId));
        Assert.Equal(4, pages);

        var department = await Store.ReadModels.QueryRotationDueAsync(query with { DepartmentId = "dept-1", Limit = 100 });
        Assert.Equal(expected.Where(id => int.Parse(id[4..]) % 3 == 1), department.Items.Select(v => v.View.EmployeeId));

        var mandatory = await Store.ReadModels.QueryRotationDueAsync(query with { Strength = RotationStrength.Mandatory, Limit = 100 });
        Assert.Equal(["emp-00", "emp-04", "emp-08", "emp-12"], mandatory.Items.Select(v => v.View.EmployeeId));
    }

    [Fact]
    public async Task Rotation_due_answers_each_date_from_the_period_covering_it()
    {
        // A head: advisory from 2021-03-01 (due 2021-02-28), mandatory from 2024-03-01 (due 2024-02-29); moved on 2025-06-01.
        await Store.AppendAsync(new Commit("seed", "fp", "hr", [], [
            new UpsertEmployeeView(Commits.View("head", "d1")),
            new ReplaceRotationTimeline("head", [
                new RotationDuePeriod(new DateOnly(2015, 3, 1), new DateOnly(2021, 2, 28), "d1", new DateOnly(2021, 2, 28), RotationStrength.Advisory, 2, "advisory"),
                new RotationDuePeriod(new DateOnly(2021, 2, 28), new DateOnly(2024, 2, 29), "d1", new DateOnly(2021, 2, 28), RotationStrength.Advisory, 3, "advisory"),
                new RotationDuePeriod(new DateOnly(2024, 2, 29), new DateOnly(2025, 6, 1), "d1", new DateOnly(2024, 2, 29), RotationStrength.Mandatory, 3, "mandatory"),
            ]),
        ], "{}"));

        async Task<(DateOnly, RotationStrength, int)?> On(string date)
        {
            var page = await Store.ReadModels.QueryRotationDueAsync(new RotationDueQuery(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), 3660));
            return page.Items.Count == 0 ? null : (page.Items[0].Period.DueOn, page.Items[0].Period.Strength, page.Items[0].Period.ConsecutiveTerms);
        }

        Assert.Equal((new DateOnly(2021, 2, 28), RotationStrength.Advisory, 2), await On("2021-02-27"));
        Assert.Equal((new DateOnly(2021, 2, 28), RotationStrength.Advisory, 3), await On("2021-02-28"));
        Assert.Equal((new DateOnly(2021, 2, 28), RotationStrength.Advisory, 3), await On("2024-02-28"));
        Assert.Equal((new DateOnly(2024, 2, 29), RotationStrength.Mandatory, 3), await On("2024-02-29"));
        Assert.Equal((new DateOnly(2024, 2, 29), RotationStrength.Mandatory, 3), await On("2024-06-01"));
        Assert.Null(await On("2025-06-01"));
        Assert.Null(await On("2015-02-28"));

        // A later commit replaces the whole timeline.
        await Store.AppendAsync(new Commit("moved", "fp", "hr", [], [new ReplaceRotationTimeline("head", [])], "{}"));
        Assert.Null(await On("2024-06-01"));
    }

    [Fact]
    public async Task Employees_are_listed_per_department_in_id_order()
    {
        await Store.AppendAsync(new Commit("seed", "fp", "hr", [], [
            new UpsertEmployeeView(Commits.View("b", "d1")),
            new UpsertEmployeeView(Commits.View("a", "d1")),
            new UpsertEmployeeView(Commits.View("c", "d2")),
        ], "{}"));

        var d1 = await Store.ReadModels.ListEmployeesAsync("d1", null, 10);
        var afterA = await Store.ReadModels.ListEmployeesAsync(null, "a", 10);

        Assert.Equal(["a", "b"], d1.Select(v => v.EmployeeId));
        Assert.Equal(["b", "c"], afterA.Select(v => v.EmployeeId));
    }

    [Fact]
    public void Quota_counters_never_pass_their_cap_and_equal_the_accepted_deltas()
    {
        // Any sequence of Good increments and corrections, each with some cap, concurrently submitted.
        var operations = Gen.Choose(-1, 2).Zip(Gen.Choose(0, 6)).ListOf().Select(l => l.Take(30).ToList());
        var run = 0;
        Prop.ForAll(operations.ToArbitrary(), ops =>
        {
            var department = $"dept-{Interlocked.Increment(ref run)}";
            var outcomes = Task.WhenAll(ops.Select((op, i) => Submit(department, i, op.Item1, op.Item2))).GetAwaiter().GetResult();
            var quota = Store.ReadModels.GetQuarterQuotaAsync(department, 2024, 1).GetAwaiter().GetResult();
            var accepted = ops.Zip(outcomes).Where(p => p.Second is Appended).Sum(p => p.First.Item1);
            var maxCap = ops.Count == 0 ? 0 : ops.Max(o => o.Item2);
            return (quota?.GoodCount ?? 0) == accepted && accepted <= maxCap && accepted >= 0;
        }).QuickCheckThrowOnFailure();
    }

    private async Task<AppendOutcome?> Submit(string department, int i, int delta, int cap)
    {
        try
        {
            return await Store.AppendAsync(Commits.Append($"{department}-{i}", $"{department}-emp-{i}", 0, 1, new AddQuarterGood(department, 2024, 1, delta, cap)));
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
