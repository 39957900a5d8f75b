namespace Personnel.Cluster.Tests.Harness;

/// <summary>
/// <see cref="Size"/> server processes on one PostgreSQL schema, each with its own gRPC and cluster ports. The first
/// starts alone (it migrates the schema and adopts the admin key), the others together once it answers.
/// </summary>
internal sealed class ServerCluster : IDisposable
{
    /// <summary>How long a node may take to answer after its start (a cold JIT on a loaded 2-core machine).</summary>
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    private readonly List<ServerNode> _nodes;

    private ServerCluster(ClusterStorage storage, List<ServerNode> nodes)
    {
        Storage = storage;
        _nodes = nodes;
    }

    /// <summary>Gets the database the nodes share.</summary>
    public ClusterStorage Storage { get; }

    /// <summary>Gets every node started, dead or alive, in start order.</summary>
    public IReadOnlyList<ServerNode> Nodes => _nodes;

    /// <summary>Gets the number of nodes.</summary>
    public int Size => _nodes.Count;

    /// <summary>Gets the nodes still running.</summary>
    public IReadOnlyList<ServerNode> Alive => _nodes.Where(n => !n.HasExited).ToList();

    /// <summary>Starts <paramref name="size"/> nodes on <paramref name="storage"/> and waits until each answers.</summary>
    public static Task<ServerCluster> StartAsync(int size, ClusterStorage storage, string adminKey, CancellationToken cancellationToken) =>
        StartAsync(size, storage, adminKey, [], cancellationToken);

    /// <summary>Starts <paramref name="size"/> nodes on <paramref name="storage"/>, each with the extra server
    /// <paramref name="options"/> (<c>--Section:Key value</c> pairs), and waits until each answers.</summary>
    public static async Task<ServerCluster> StartAsync(
        int size, ClusterStorage storage, string adminKey, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var nodes = new List<ServerNode>();
        var cluster = new ServerCluster(storage, nodes);
        try
        {
            nodes.Add(ServerNode.Start("node-0", NodePorts.Free(), storage, adminKey, options));
            await nodes[0].WaitReadyAsync(StartLimit, cancellationToken).ConfigureAwait(false);
            for (var i = 1; i < size; i++)
            {
                nodes.Add(ServerNode.Start($"node-{i}", NodePorts.Free(), storage, adminKey, options));
            }

            await Task.WhenAll(nodes.Skip(1).Select(n => n.WaitReadyAsync(StartLimit, cancellationToken))).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>The last lines of every node, for a failure message.</summary>
    public string Tails() => string.Join("\n", _nodes.Select(n => n.Tail()));

    /// <summary>Kills every node still running; the schema is the caller's to drop.</summary>
    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }
    }
}
