using System.Diagnostics;

namespace Personnel.Storage.Bench;

/// <summary>
/// A zone of 100,000 employees in 200 departments, seeded straight into the employee view (the grains
/// that would write it in production are measured elsewhere). About one in five holds a post with a
/// rotation clock (heads, deputies, section chiefs), due between a year ago and five years ahead, one in
/// four of those mandatory. Then the party-affairs office's questions, timed one by one.
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
                DateOnly? due = rotates ? asOf.AddDays(random.Next(-365, 5 * 365)) : null;
                RotationStrength? strength = rotates ? (random.Next(4) == 0 ? RotationStrength.Mandatory : RotationStrength.Advisory) : null;
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
        var zone = new RotationDueQuery(asOf, WindowDays: 180, Limit: 100);
        await TimeAsync(store, "rotation_zone", _ => zone, results);
        await TimeAsync(store, "rotation_department", i => zone with { DepartmentId = $"d-{(i + Runs) % Departments:D3}" }, results);
        await TimeAsync(store, "rotation_mandatory", _ => zone with { Strength = RotationStrength.Mandatory }, results);
        await TimeAsync(store, "rotation_zone_page_10", i => zone with { After = null }, results, pageDepth: 10);
        return results;
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
