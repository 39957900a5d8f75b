using Personnel.Cluster.Tests.Harness;

namespace Personnel.History.Bench;

/// <summary>
/// One server process on the bench's schema, started for one arm: <c>off</c> replays every stream on activation
/// (<c>--Grains:SnapshotEvery 0</c>), <c>on</c> runs the server's default snapshots. Each start joins a cluster id of its own,
/// so a new process never waits on the membership row of the one killed before it; the event store, grain state and
/// reminders are keyed by the service id, which stays.
/// </summary>
internal static class HistoryServer
{
    public const string AdminKey = "bench-history-admin-key-7c2e";

    public static async Task<ServerCluster> StartAsync(string connectionString, string schema, string arm, CancellationToken cancellationToken)
    {
        List<string> options = ["--Cluster:ClusterId", schema + "_" + Guid.NewGuid().ToString("N")[..8]];
        switch (arm)
        {
            case "off":
                options.AddRange(["--Grains:SnapshotEvery", "0"]);
                break;
            case "on":
                break;
            default:
                throw new ArgumentException($"arm '{arm}' is neither off nor on", nameof(arm));
        }

        return await ServerCluster.StartAsync(1, new ClusterStorage(connectionString, schema), AdminKey, options, cancellationToken).ConfigureAwait(false);
    }
}
