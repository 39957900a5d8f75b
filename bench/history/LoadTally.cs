using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Personnel.Client;

namespace Personnel.History.Bench;

/// <summary>
/// The count of one run of <see cref="MixedLoad"/>: the calls answered by kind and by the window they ended in (none
/// past the run's end) with their summed latency, the cold reads' latencies, the refusals under the rules by reason, and
/// the errors by status with the first message of each.
/// </summary>
internal sealed class LoadTally(TimeSpan duration, TimeSpan window)
{
    private static readonly int Kinds = Enum.GetValues<MixedLoad.Op>().Length;

    private readonly long[] _counts = new long[(int)Math.Ceiling(duration / window) * Kinds];
    private readonly long[] _ticks = new long[(int)Math.Ceiling(duration / window) * Kinds];
    private readonly ConcurrentQueue<double> _cold = new();
    private readonly ConcurrentDictionary<string, int> _refusals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Count, string First)> _errors = new(StringComparer.Ordinal);
    private readonly long _started = Stopwatch.GetTimestamp();

    public TimeSpan Duration => duration;

    public int Windows => (int)Math.Ceiling(duration / window);

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    public IReadOnlyCollection<double> ColdLatencies => _cold;

    public IReadOnlyDictionary<string, int> Refusals => _refusals;

    /// <summary>Gets the errors by call, status and reason, with their count and the first message.</summary>
    public IReadOnlyDictionary<string, (int Count, string First)> Errors => _errors;

    /// <summary>Gets the calls of <paramref name="op"/> that ended in window <paramref name="w"/>, and their mean latency in ms.</summary>
    public (long Count, double MeanMs) In(int w, MixedLoad.Op op)
    {
        var count = Interlocked.Read(ref _counts[w * Kinds + (int)op]);
        return (count, count == 0 ? 0 : TimeSpan.FromTicks(Interlocked.Read(ref _ticks[w * Kinds + (int)op]) / count).TotalMilliseconds);
    }

    /// <summary>Runs one call and counts it; returns its latency in ms when answered, null when refused or failed.</summary>
    public async Task<double?> TimeAsync(MixedLoad.Op op, Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (PersonnelException e) when (IsRefusal(e.StatusCode))
        {
            _refusals.AddOrUpdate($"{op} {e.Reason}", 1, (_, n) => n + 1);
            return null;
        }
        catch (PersonnelException e)
        {
            _errors.AddOrUpdate($"{op} {e.StatusCode} {e.Reason}", (1, e.Message), (_, seen) => (seen.Count + 1, seen.First));
            return null;
        }

        var latency = Stopwatch.GetElapsedTime(started);
        var w = (int)(Elapsed / window);
        if (w < Windows)
        {
            Interlocked.Increment(ref _counts[w * Kinds + (int)op]);
            Interlocked.Add(ref _ticks[w * Kinds + (int)op], latency.Ticks);
        }

        if (op == MixedLoad.Op.Cold)
        {
            _cold.Enqueue(latency.TotalMilliseconds);
        }

        return latency.TotalMilliseconds;
    }

    /// <summary>A definitive answer under the rules, nothing recorded: not an error.</summary>
    private static bool IsRefusal(StatusCode status) =>
        status is StatusCode.FailedPrecondition or StatusCode.InvalidArgument or StatusCode.AlreadyExists or StatusCode.OutOfRange;
}
