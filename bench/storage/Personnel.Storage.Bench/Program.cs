using System.Globalization;
using Personnel.Storage.Postgres;
using Personnel.Storage.Sqlite;

namespace Personnel.Storage.Bench;

/// <summary>
/// bench sqlite &lt;file&gt; | pg &lt;connection string&gt;: prints "name value" lines for bench/storage/run.sh.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["grains", var kind, var where, var count])
        {
            return await GrainsAsync(kind, where, int.Parse(count, CultureInfo.InvariantCulture));
        }

        if (args is ["rotation", var rotationDialect, var rotationTarget])
        {
            // Only the rotation-due questions (bench/storage/rotation.sh): the zone seeded, then each question timed.
            await using var rotationStore = await OpenAsync(rotationDialect, rotationTarget);
            foreach (var (name, value) in await RotationBench.RunAsync(rotationStore))
            {
                Report(name, value);
            }

            return 0;
        }

        if (args is not [var dialect, var target, ..])
        {
            Console.Error.WriteLine("usage: bench sqlite <file> | pg <connection string> [seconds]");
            return 64;
        }

        var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var duration = TimeSpan.FromSeconds(seconds);
        await using var store = await OpenAsync(dialect, target);

        if (dialect == "sqlite")
        {
            Report("sqlite_single_row_insert_per_s", SqliteBaseline.SingleRowInsertsPerSecond(target + ".baseline", duration));
        }

        await Workloads.OneStreamAsync(store, TimeSpan.FromSeconds(1));
        Report("one_stream_per_s", await Workloads.OneStreamAsync(store, duration));
        Report("streams_1000_per_s", await Workloads.ParallelStreamsAsync(store, 1000, duration));
        var rotation = await RotationBench.RunAsync(store);
        foreach (var (name, value) in rotation)
        {
            Report(name, value);
        }

        return 0;
    }

    private static async Task<IEventStore> OpenAsync(string dialect, string target) => dialect switch
    {
        "sqlite" => await SqliteEventStore.OpenAsync(target),
        "pg" => await PostgresEventStore.OpenAsync(target, new PostgresEventStoreOptions { Schema = "bench_" + Guid.NewGuid().ToString("N")[..12] }),
        _ => throw new ArgumentException($"unknown dialect {dialect}"),
    };

    /// <summary>grains sqlite &lt;file&gt; N | grains pg &lt;connection string&gt; N: the grain-level figures on a zone of N employees.</summary>
    private static async Task<int> GrainsAsync(string kind, string where, int employees)
    {
        var schema = "grains_" + Guid.NewGuid().ToString("N")[..12];
        var empty = "empty_" + Guid.NewGuid().ToString("N")[..12];
        Func<string, Func<Task<IEventStore>>> open = kind switch
        {
            "sqlite" => file => async () => await SqliteEventStore.OpenAsync(file),
            "pg" => s => async () => await PostgresEventStore.OpenAsync(where, new PostgresEventStoreOptions { Schema = s }),
            _ => throw new ArgumentException($"unknown dialect {kind}"),
        };
        var figures = kind == "sqlite"
            ? await GrainBench.RunAsync(open(where), open(where + ".empty"), employees)
            : await GrainBench.RunAsync(open(schema), open(empty), employees);
        foreach (var (name, value) in figures)
        {
            Report(name, value);
        }

        return 0;
    }

    private static void Report(string name, double value) =>
        Console.WriteLine(FormattableString.Invariant($"{name} {value:F3}"));
}
