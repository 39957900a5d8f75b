using System.Diagnostics;
using Grpc.Core;
using Personnel.Client;

namespace Personnel.Cluster.Tests.Harness;

/// <summary>
/// A call through a cluster as a client doing its own round-robin makes it: first to one node, and when the outcome is
/// unknown (the node died, the call timed out or conflicted) the same request, so the same request id, to the next
/// node, until one answers. A definitive answer, a refusal included, ends it.
/// </summary>
internal static class RoundRobin
{
    /// <summary>How many times one call is sent before it is given up.</summary>
    public const int MaxAttempts = 100;

    /// <summary>Sends <paramref name="call"/> to node <paramref name="first"/> mod n, then to the next ones; calls
    /// <paramref name="onUnknownOutcome"/> each time an attempt's outcome was unknown. Throws the
    /// <see cref="PersonnelException"/> of a refusal, or a <see cref="TimeoutException"/> when no node answered.</summary>
    public static async Task<Answered<T>> CallAsync<T>(
        ServerCluster cluster, int first, Func<PersonnelClient, CancellationToken, Task<T>> call, Action? onUnknownOutcome, CancellationToken cancellationToken)
    {
        PersonnelException? last = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var node = (first + attempt) % cluster.Size;
            var started = Stopwatch.GetTimestamp();
            try
            {
                var response = await call(cluster.Nodes[node].Client, cancellationToken).ConfigureAwait(false);
                return new Answered<T>(response, node, attempt + 1, Stopwatch.GetElapsedTime(started));
            }
            catch (PersonnelException e) when (IsUnknownOutcome(e.StatusCode) && !cancellationToken.IsCancellationRequested)
            {
                last = e;
                onUnknownOutcome?.Invoke();
                if ((attempt + 1) % cluster.Size == 0)
                {
                    // Every node was asked once without an answer (a membership change under way): a short pause
                    // before the next round, instead of a spin.
                    await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        throw new TimeoutException($"no node answered in {MaxAttempts} attempts; the last said {last?.StatusCode}: {last?.Message}", last);
    }

    /// <summary>Whether a call that ended with <paramref name="status"/> may or may not have been carried out: only the
    /// same request id sent again can tell.</summary>
    public static bool IsUnknownOutcome(StatusCode status) =>
        status is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Aborted or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled;
}

/// <summary>A call's answer, the node that gave it (its index in the cluster), the attempt it came on (1 when the first
/// node asked answered) and how long that attempt took.</summary>
internal sealed record Answered<T>(T Response, int Node, int Attempt, TimeSpan Latency);
