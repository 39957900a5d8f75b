using System.Diagnostics;
using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using Personnel.Domain.Profiles;
using Personnel.Grains;
using Personnel.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Personnel.Storage.Bench;

/// <summary>
/// Grain-level figures on a zone of 100,000 employees with 10 years of history each (appointed 2015, 40
/// quarterly and 10 annual grades, 3 renewals: 58 events): node start-up on that zone and on an empty
/// store (same run), memory per active employee grain, and the post-level read from an active grain and
/// from a cold one (its stream loaded and replayed), against the read of the same employee's view row
/// (one indexed row from the same store) as the baseline.
/// </summary>
public static class GrainBench
{
    private const string TemplateId = "tmpl-employee";
    private const string TemplateDepartment = "tmpl-dept";

    public static async Task<IReadOnlyList<(string Name, double Value)>> RunAsync(Func<Task<IEventStore>> open, Func<Task<IEventStore>> openEmpty, int employees)
    {
        var figures = new List<(string, double)>();
        var template = History();
        await using (var seedStore = await open())
        {
            var watch = Stopwatch.StartNew();
            await SeedAsync(seedStore, template, employees);
            figures.Add(("grain_seed_events", (double)employees * (template.Count + 1)));
            figures.Add(("grain_seed_s", watch.Elapsed.TotalSeconds));
        }

        // One start first, discarded, so neither figure pays the JIT; then the zone and the empty store alternately.
        await StartupAsync(openEmpty);
        var zone = new List<double>();
        var none = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            zone.Add(await StartupAsync(open));
            none.Add(await StartupAsync(openEmpty));
        }

        figures.Add(("grain_startup_zone_ms", Percentile(zone, 0.5)));
        figures.Add(("grain_startup_empty_ms", Percentile(none, 0.5)));

        await using var store = await open();
        using var silo = await StartSiloAsync(store);
        var cluster = silo.Services.GetRequiredService<IGrainFactory>();
        var asOf = new DateOnly(2025, 1, 10);
        var random = new Random(42);
        var ids = Enumerable.Range(0, 1000).Select(_ => Id(random.Next(employees))).Distinct().ToList();

        // Cold: the first call activates the grain (stream read and replayed), then answers.
        var cold = new List<double>();
        foreach (var id in ids)
        {
            var watch = Stopwatch.StartNew();
            await cluster.GetGrain<IEmployeeGrain>(id).GetPostLevelAsync(asOf, CancellationToken.None);
            cold.Add(watch.Elapsed.TotalMilliseconds);
        }

        var active = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            foreach (var id in ids)
            {
                var watch = Stopwatch.StartNew();
                await cluster.GetGrain<IEmployeeGrain>(id).GetPostLevelAsync(asOf, CancellationToken.None);
                active.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var baseline = new List<double>();
        for (var round = 0; round < 2; round++)
        {
            foreach (var id in ids)
            {
                var watch = Stopwatch.StartNew();
                await store.ReadModels.GetEmployeeAsync(id);
                baseline.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        figures.Add(("grain_read_cold_p50_ms", Percentile(cold, 0.50)));
        figures.Add(("grain_read_cold_p99_ms", Percentile(cold, 0.99)));
        figures.Add(("grain_read_active_p50_ms", Percentile(active, 0.50)));
        figures.Add(("grain_read_active_p99_ms", Percentile(active, 0.99)));
        figures.Add(("grain_read_view_p50_ms", Percentile(baseline, 0.50)));
        figures.Add(("grain_read_view_p99_ms", Percentile(baseline, 0.99)));
        figures.Add(("grain_memory_bytes", await MemoryPerGrainAsync(cluster, employees, ids.ToHashSet())));
        return figures;
    }

    private static string Id(int i) => $"z{i:D6}";

    private static async Task<double> StartupAsync(Func<Task<IEventStore>> open)
    {
        var watch = Stopwatch.StartNew();
        await using var store = await open();
        using var silo = await StartSiloAsync(store);
        await silo.StopAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>One silo as the server runs it (localhost clustering, the personnel grains) on <paramref name="store"/>.</summary>
    private static async Task<IHost> StartSiloAsync(IEventStore store)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(PolicyProfiles.Default);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort(), FreePort())
            .UseInMemoryReminderService()
            .AddPersonnelGrains());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Managed heap growth per activation, over 2,000 activations not activated before.</summary>
    private static async Task<double> MemoryPerGrainAsync(IGrainFactory cluster, int employees, HashSet<string> active)
    {
        const int count = 2000;
        var asOf = new DateOnly(2025, 1, 10);
        var targets = Enumerable.Range(employees / 2, employees / 2).Select(Id).Where(id => !active.Contains(id)).Take(count).ToList();
        await cluster.GetGrain<IEmployeeGrain>(targets[0]).GetPostLevelAsync(asOf, CancellationToken.None);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var id in targets.Skip(1))
        {
            await cluster.GetGrain<IEmployeeGrain>(id).GetPostLevelAsync(asOf, CancellationToken.None);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        return (after - before) / (double)(targets.Count - 1);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    /// <summary>Ten years of one employee, made by the domain itself so the history is one it accepts.</summary>
    private static List<(string Type, string Payload, DateOnly On)> History()
    {
        var department = new DepartmentId(TemplateDepartment);
        var e = Employee.Appoint(new DateOnly(2015, 1, 5), new AppointmentRequest(
            new EmployeeId(TemplateId), department, new PostLevel(Post.DeputySectionChief, new PostGrade(6, 5)), AppointmentMethod.Competition,
            ProbationKind.None, new DateOnly(2045, 6, 30), AdministrativeRank.DeputySection, new DateOnly(2013, 7, 1), Education.Bachelor));
        for (var year = 2015; year <= 2024; year++)
        {
            foreach (var quarter in Quarter.OfYear(year))
            {
                e.RecordQuarterlyGrade(quarter.LastDay, quarter, QuarterlyGrade.FairlyGood, department);
            }

            if (year is 2017 or 2020 or 2023)
            {
                e.OpenRenewal(new DateOnly(year, 11, 2));
                e.Renew(new DateOnly(year, 12, 28));
            }

            e.RecordAnnualGrade(new DateOnly(year, 12, 18), year, AnnualGrade.Competent, AnnualAssessment.None, new DepartmentYearFacts(department, year, DepartmentTier.Tier1, 0));
        }

        return e.UncommittedEvents
            .Select(ev => (GrainJson.Discriminator<EmployeeEvent>(ev.GetType()), EventJson.Serialize<EmployeeEvent>(ev), ev.OccurredOn))
            .ToList();
    }

    private static async Task SeedAsync(IEventStore store, List<(string Type, string Payload, DateOnly On)> template, int employees)
    {
        const int parallel = 256;
        var next = -1;
        var workers = Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < employees)
            {
                var id = Id(i);
                var department = $"d{i / 100:D4}";
                var events = new List<NewEvent> { new("employee-named", $"{{\"name\":\"{id}\"}}", new DateOnly(2015, 1, 5)) };
                events.AddRange(template.Select(t => new NewEvent(t.Type, t.Payload.Replace(TemplateId, id, StringComparison.Ordinal).Replace(TemplateDepartment, department, StringComparison.Ordinal), t.On)));
                var view = new EmployeeView(id, department, nameof(Post.DeputySectionChief), 6, 5, nameof(ContractState.Appointed), 4,
                    new DateOnly(2027, 1, 4), null, null, null, new DateOnly(2045, 6, 30), 9, "{}", events.Count);
                var outcome = await store.AppendAsync(new Commit($"seed-{id}", "seed", "bench", [new StreamAppend($"employee:{id}", 0, events)], [new UpsertEmployeeView(view)], "{}"));
                if (outcome is not Appended and not Duplicate)
                {
                    throw new InvalidOperationException($"seeding {id}: {outcome}");
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
    }
}
