using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Personnel.Api.V1;
using Personnel.Client;

namespace Personnel.Cluster.Tests.Harness;

/// <summary>
/// One Personnel.Server process of a cluster: its gRPC address and cluster ports, a typed client to it that never
/// retries by itself (the writers choose where a retry goes), and the last lines it printed, for failure messages.
/// </summary>
internal sealed class ServerNode : IDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ServerNode(string name, NodePorts ports, Process process, string adminKey)
    {
        Name = name;
        Ports = ports;
        _process = process;
        Address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{ports.Grpc}"));
        Client = new PersonnelClient(new PersonnelClientOptions
        {
            Address = Address,
            ApiKey = adminKey,
            MaxRetries = 0,
            DefaultDeadline = AttemptDeadline,
        });
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The deadline of one call to one node: a call held by a node that cannot answer (its grains on a silo not
    /// yet declared dead) ends, and the caller tries again, here or on another node.</summary>
    public static readonly TimeSpan AttemptDeadline = TimeSpan.FromSeconds(5);

    /// <summary>Gets the node's name in messages (node-0, node-1 …).</summary>
    public string Name { get; }

    /// <summary>Gets the ports the node listens on.</summary>
    public NodePorts Ports { get; }

    /// <summary>Gets the node's gRPC (h2c) address.</summary>
    public Uri Address { get; }

    /// <summary>Gets a client of this node with the admin key, one attempt per call.</summary>
    public PersonnelClient Client { get; }

    /// <summary>Gets whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet Personnel.Server.dll</c> on PostgreSQL with the cluster options of issue 12 (ignored by a
    /// server that does not know them), then <paramref name="options"/> (a later option overrides an earlier one).</summary>
    public static ServerNode Start(string name, NodePorts ports, ClusterStorage storage, string adminKey, IReadOnlyList<string>? options = null)
    {
        var start = new ProcessStartInfo(ServerBuild.Host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The content root: nothing is written there on PostgreSQL, and nothing lands in the repository.
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(ServerBuild.Dll);
        foreach (var arg in Arguments(ports, storage).Concat(options ?? []))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PERSONNEL_ADMIN_KEY"] = adminKey;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        return new ServerNode(name, ports, process, adminKey);
    }

    /// <summary>Waits until the node answers an authenticated call (its schema migrated, its key adopted).</summary>
    public async Task WaitReadyAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting:\n{Tail()}");
            }

            try
            {
                await Client.Keys.GetCallerKeyAsync(new GetCallerKeyRequest(), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (PersonnelException e) when (e.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded)
            {
                if (deadline.Elapsed > limit)
                {
                    throw new TimeoutException($"{Name} did not answer within {limit.TotalSeconds} s:\n{Tail()}", e);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>SIGKILL: the process gets no chance to finish a call, flush or leave the cluster. Returns when the
    /// process is gone, with the moment the signal was sent.</summary>
    public async Task<long> KillAsync(CancellationToken cancellationToken)
    {
        var at = Stopwatch.GetTimestamp();
        _process.Kill();
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return at;
    }

    /// <summary>The last lines the node printed, oldest first.</summary>
    public string Tail() => $"--- {Name} ({Address}) ---\n" + string.Join('\n', _lines);

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static IEnumerable<string> Arguments(NodePorts ports, ClusterStorage storage) =>
    [
        "--urls", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{ports.Grpc}"),
        "--Web:Urls", "none",
        "--Logging:LogLevel:Default", "Warning",
        "--Storage:Provider", "postgres",
        "--Storage:ConnectionString", storage.ConnectionString,
        "--Storage:Schema", storage.Schema,
        "--Cluster:ClusterId", storage.Schema,
        "--Cluster:ServiceId", "personnel",
        "--Cluster:AdvertisedAddress", "127.0.0.1",
        "--Cluster:SiloPort", ports.Silo.ToString(CultureInfo.InvariantCulture),
        "--Cluster:GatewayPort", ports.Gateway.ToString(CultureInfo.InvariantCulture),
        // Failure detection tuned for one machine (docs/operations.md gives the production values): a silo that stops
        // answering is declared dead about a second after it is killed.
        "--Cluster:ProbeTimeout", "00:00:01",
        "--Cluster:NumMissedProbesLimit", "2",
        "--Cluster:DeathVoteExpirationTimeout", "00:00:10",
        "--Cluster:TableRefreshTimeout", "00:00:05",
        // The leadership outbox's reminder ticks every 5 s, so the dead node's delivery resumes on a survivor quickly.
        "--Grains:OutboxPeriod", "00:00:05",
    ];

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > KeptLines && _lines.TryDequeue(out _))
        {
        }
    }
}
