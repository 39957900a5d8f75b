using System.Globalization;

namespace Personnel.Storage.CrashWriter;

/// <summary>
/// crash &lt;store&gt; &lt;total&gt; &lt;acked-file&gt; [&lt;cap&gt;]: records events 0..total-1 not listed in acked-file, as fast as
///   it can (8 concurrent workers, so commits are grouped), printing "ack i" once each is durable, then "done".
///   With a cap it attempts at most that many events; once they are all answered it prints "capped" and
///   waits for a line (or the end) of its input without exiting, so a kill meant for mid-stream that lands
///   later shows as such instead of as a finished run.
/// node &lt;store&gt; &lt;node-id&gt; &lt;employees&gt; &lt;operations&gt; &lt;cap&gt;: races another node on the same employees
///   and department-quarter; prints what happened and which of the other node's writes it heard of.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return args switch
            {
                ["crash", var store, var total, var acked] => await CrashAsync(store, int.Parse(total, CultureInfo.InvariantCulture), acked, int.MaxValue),
                ["crash", var store, var total, var acked, var cap] => await CrashAsync(
                    store, int.Parse(total, CultureInfo.InvariantCulture), acked, int.Parse(cap, CultureInfo.InvariantCulture)),
                ["node", var store, var node, var employees, var operations, var cap] => await NodeWriter.RunAsync(
                    store, node, int.Parse(employees, CultureInfo.InvariantCulture), int.Parse(operations, CultureInfo.InvariantCulture), int.Parse(cap, CultureInfo.InvariantCulture)),
                _ => Usage(),
            };
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync(ex.ToString());
            return 2;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: crash <store> <total> <acked-file> [<cap>] | node <store> <node-id> <employees> <operations> <cap>");
        return 64;
    }

    private static async Task<int> CrashAsync(string spec, int total, string ackedFile, int cap)
    {
        var acked = File.Exists(ackedFile)
            ? File.ReadLines(ackedFile).Where(l => l.StartsWith("ack ", StringComparison.Ordinal)).Select(l => int.Parse(l[4..], CultureInfo.InvariantCulture)).ToHashSet()
            : [];
        await using var store = await StoreSpec.OpenAsync(spec, "crash-writer");
        var output = Console.Out;
        const int workers = 8;
        var attempted = 0;
        var capped = false;
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            // Worker w owns the streams s-k with k mod 8 = w, so its expected versions are its own to track.
            var versions = new Dictionary<string, long>();
            for (var i = w; i < total; i += workers)
            {
                if (acked.Contains(i))
                {
                    continue;
                }

                if (Interlocked.Increment(ref attempted) > cap)
                {
                    Volatile.Write(ref capped, true);
                    break;
                }

                var stream = CrashWorkload.StreamId(i);
                if (!versions.TryGetValue(stream, out var version))
                {
                    version = await store.GetStreamVersionAsync(stream);
                }

                var outcome = await store.AppendAsync(CrashWorkload.Commit(i, version));
                switch (outcome)
                {
                    case Appended:
                        versions[stream] = version + 1;
                        break;
                    case Duplicate:
                        // Recorded by a run killed before it could acknowledge: present already.
                        break;
                    default:
                        throw new InvalidOperationException($"event {i}: unexpected outcome {outcome}");
                }

                lock (output)
                {
                    output.WriteLine($"ack {i}");
                    output.Flush();
                }
            }
        })).ToList();
        await Task.WhenAll(tasks);
        lock (output)
        {
            output.WriteLine(capped ? "capped" : "done");
            output.Flush();
        }

        if (capped)
        {
            await Console.In.ReadLineAsync();
        }

        return 0;
    }
}
