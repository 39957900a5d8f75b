using System.Diagnostics;

namespace Personnel.Storage.Bench;

/// <summary>
/// A zone of 100,000 employees in 200 departments, seeded straight into the employee view and the rotation
/// timelines (the grains that would write them in production are measured elsewhere). About one in five holds
/// a post with a rotation clock (heads, deputies, section chiefs): a timeline of three periods, as a head's is —
/// advisory due ahead, advisory overdue, then mandatory three years later — with the advisory due date between
/// five years before and three years after the date asked, so that the date falls in each kind of period. Then the party-affairs office's questions, timed one by one.
/// </summary>
internal static class RotationBench
{
    private const int Employees = 100_000;
    private const int Departments = 200;
    private const int Runs = 1000;

    public static async Task<List<(string, double)>> RunAsync(IEventStore store)
    {
        var asOf = new DateOnly(2025, 7, 1);
        var random = new Random(42);
        var seed = Stopwatch.StartNew();
        for (var start = 0; start < Employees; start += 5000)
        {
            var writes = new List<ReadModelWrite>(5000);
            for (var i = start; i < start + 5000; i++)
            {
                var rotates = random.Next(5) == 0;
                DateOnly? due = rotates ? asOf.AddDays(random.Next(-5 * 365, 3 * 365)) : null;
                RotationStrength? strength = rotates ? (random.Next(4) == 0 ? RotationStrength.Mandatory : RotationStrength.Advisory) : null;
                if (due is { } advisory)
                {
                    var mandatory = advisory.AddYears(3);
                    var department = $"d-{i % Departments:D3}";
                    writes.Add(new ReplaceRotationTimeline($"emp-{i:D6}", [
                        new RotationDuePeriod(advisory.AddYears(-6), advisory, department, advisory, RotationStrength.Advisory, 1, "AM 第十二条: 2 consecutive terms"),
                        new RotationDuePeriod(advisory, mandatory, department, advisory, RotationStrength.Advisory, 2, "AM 第十二条: 2 consecutive terms"),
                        new RotationDuePeriod(mandatory, null, department, mandatory, RotationStrength.Mandatory, 3, "AM 第十二条: 3 consecutive terms"),
                    ]));
                }

                writes.Add(new UpsertEmployeeView(new EmployeeView(
                    $"emp-{i:D6}", $"d-{i % Departments:D3}", rotates ? "section-chief" : "staff", 1 + random.Next(8), 1 + random.Next(19), "Appointed",
                    1 + random.Next(4), asOf.AddDays(random.Next(0, 3 * 365)), null, due, strength, asOf.AddDays(random.Next(365, 30 * 365)),
                    random.Next(0, 20), "{}", 40)));
            }

            var outcome = await store.AppendAsync(new Commit($"seed-{Guid.NewGuid():N}", "fp", "bench", [], writes, "{}"));
            if (outcome is not Appended)
            {
                throw new InvalidOperationException($"seeding refused: {outcome}");
            }
        }

        var results = new List<(string, double)> { ("seed_100k_views_s", seed.Elapsed.TotalSeconds) };
        await TimeBaselineAsync(store, results);
        var zone = new RotationDueQuery(asOf, WindowDays: 180, Limit: 100);
        await TimeAsync(store, "rotation_zone", _ => zone, results);
        await TimeAsync(store, "rotation_department", i => zone with { DepartmentId = $"d-{(i + Runs) % Departments:D3}" }, results);
        await TimeAsync(store, "rotation_mandatory", _ => zone with { Strength = RotationStrength.Mandatory }, results);
        await TimeAsync(store, "rotation_zone_page_10", i => zone with { After = null }, results, pageDepth: 10);
        return results;
    }

    /// <summary>The baseline of the same run: one employee's row read by its primary key, timed the same way.</summary>
    private static async Task TimeBaselineAsync(IEventStore store, List<(string, double)> results)
    {
        var times = new List<double>(Runs);
        for (var i = -100; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var view = await store.ReadModels.GetEmployeeAsync($"emp-{(i + 100) * 97 % Employees:D6}");
            watch.Stop();
            if (view is null)
            {
                throw new InvalidOperationException("baseline: the employee row is missing, the benchmark data is wrong");
            }

            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        results.Add(("employee_row_p50_ms", times[Runs / 2]));
        results.Add(("employee_row_p99_ms", times[(int)(Runs * 0.99)]));
    }

    private static async Task TimeAsync(IEventStore store, string name, Func<int, RotationDueQuery> query, List<(string, double)> results, int pageDepth = 1)
    {
        var times = new List<double>(Runs);
        for (var i = -100; i < Runs; i++)
        {
            // Deep pages are reached by keyset from the page before; only the last page is timed.
            var q = query(i);
            for (var p = 1; p < pageDepth; p++)
            {
                var page = await store.ReadModels.QueryRotationDueAsync(q);
                q = q with { After = page.Next };
            }

            var watch = Stopwatch.StartNew();
            var result = await store.ReadModels.QueryRotationDueAsync(q);
            watch.Stop();
            if (result.Items.Count == 0)
            {
                throw new InvalidOperationException($"{name}: no one due, the benchmark data is wrong");
            }

            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        results.Add(($"{name}_p50_ms", times[Runs / 2]));
        results.Add(($"{name}_p99_ms", times[(int)(Runs * 0.99)]));
    }
}
