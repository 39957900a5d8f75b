using System.Globalization;

namespace Personnel.History.Bench;

/// <summary>
/// Who the bench seeds, each group in its own department: the history-length tiers timed cold (<c>t50-0</c>, <c>t500-0</c>,
/// <c>t2000-0</c> …), a few employees that warm the server's and the client's code before anything is timed (<c>w-0</c> …),
/// the pool the mixed load reads cold (<c>p-0</c> …) and one hot set per arm of the mixed load (<c>h-off-0</c>, <c>h-on-0</c> …).
/// </summary>
internal static class Population
{
    /// <summary>The history lengths timed cold; the first is the baseline.</summary>
    public static readonly IReadOnlyList<int> Tiers = [50, 500, 2000];

    /// <summary>The employees that warm the code paths up, untimed.</summary>
    public const int WarmCount = 16;

    /// <summary>The events an appointment appends (the person's name and the appointment).</summary>
    public const int AppointmentEvents = 2;

    /// <summary>The events a quarterly grade appends (the grade and its follow-up, AS 第十八条).</summary>
    public const int GradeEvents = 2;

    public static string TierPrefix(int events) => $"t{events}-";

    public const string WarmPrefix = "w-";

    public const string PoolPrefix = "p-";

    public static string HotPrefix(string arm) => $"h-{arm}-";

    public static IReadOnlyList<string> Tier(int events, int count) => Ids(TierPrefix(events), count);

    public static IReadOnlyList<string> Warm => Ids(WarmPrefix, WarmCount);

    public static IReadOnlyList<string> Pool(int count) => Ids(PoolPrefix, count);

    public static IReadOnlyList<string> Hot(string arm, int count) => Ids(HotPrefix(arm), count);

    /// <summary>The career commands after the appointment that bring a stream to about <paramref name="events"/> events.</summary>
    public static int Commands(int events) =>
        Math.Max(Careers.Quarters.Count, events - AppointmentEvents - (GradeEvents - 1) * Careers.Quarters.Count);

    /// <summary>A stable shuffle: the same order in every run and arm.</summary>
    public static IReadOnlyList<string> Shuffled(IEnumerable<string> ids, int seed)
    {
        var all = ids.ToArray();
        new Random(seed).Shuffle(all);
        return all;
    }

    /// <summary>The ids <paramref name="prefix"/>0 … as Staffing appoints them.</summary>
    public static IReadOnlyList<string> Ids(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToList();
}

/// <summary>A group of the population: <paramref name="Count"/> employees <paramref name="Prefix"/>0 … in department
/// d-<paramref name="Name"/>, each seeded to about <paramref name="Events"/> events.</summary>
internal sealed record Group(string Name, string Prefix, int Count, int Events);
