using System.Diagnostics;
using System.Globalization;

namespace Personnel.Storage.Bench;

/// <summary>The measured workloads. A "grade record" is what recording a quarterly grade writes: one
/// event on the employee stream, the employee's view row and the department-quarter Good counter.</summary>
internal static class Workloads
{
    public static Commit GradeRecord(string requestId, string employeeId, long expectedVersion, int department) =>
        new(
            requestId,
            "fp-" + requestId,
            "bench",
            [new StreamAppend(employeeId, expectedVersion, [new NewEvent("QuarterGraded", "{\"year\":2024,\"quarter\":1,\"grade\":\"FairlyGood\"}", new DateOnly(2024, 3, 31))])],
            [
                new UpsertEmployeeView(new EmployeeView(employeeId, $"d-{department:D3}", "staff", 6, (int)(expectedVersion % 19) + 1, "Appointed", 1,
                    new DateOnly(2026, 12, 31), null, null, null, new DateOnly(2045, 5, 31), 3, "{}", expectedVersion + 1)),
                new AddQuarterGood($"d-{department:D3}", 2024, 1, 1, 1_000_000),
            ],
            "{\"ok\":true}");

    /// <summary>One caller appending to one stream, each commit awaited before the next.</summary>
    public static async Task<double> OneStreamAsync(IEventStore store, TimeSpan duration)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var stream = $"one-{run}";
        var version = 0L;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            Expect(await store.AppendAsync(GradeRecord($"{run}-{version}", stream, version, 0)));
            version++;
        }

        return version / watch.Elapsed.TotalSeconds;
    }

    /// <summary><paramref name="streams"/> callers, each appending to its own stream as fast as it can.</summary>
    public static async Task<double> ParallelStreamsAsync(IEventStore store, int streams, TimeSpan duration)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var total = 0L;
        var watch = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, streams).Select(s => Task.Run(async () =>
        {
            var version = 0L;
            while (watch.Elapsed < duration)
            {
                Expect(await store.AppendAsync(GradeRecord($"{run}-{s}-{version}", $"p-{run}-{s}", version, s % 200)));
                version++;
            }

            Interlocked.Add(ref total, version);
        })).ToList();
        await Task.WhenAll(callers);
        return total / watch.Elapsed.TotalSeconds;
    }

    private static void Expect(AppendOutcome outcome)
    {
        if (outcome is not Appended)
        {
            throw new InvalidOperationException($"benchmark commit refused: {outcome}");
        }
    }

    public static string Format(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
