using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Personnel.Storage.Internal;

/// <summary>
/// What both stores share: group commit (concurrent callers' commits ride one transaction, so one
/// fsync serves many), the in-memory decision of each commit, and the read-side queries.
/// A dialect supplies the transaction (lock, state load, set-based writes) and type conversions.
/// </summary>
public abstract partial class EventStoreBase : IEventStore, IReadModelQueries
{
    private readonly Channel<PendingCommit> _queue = Channel.CreateUnbounded<PendingCommit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _maxBatchSize;
    private Task _committer = Task.CompletedTask;
    private int _disposed;

    private protected EventStoreBase(EventStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.NodeId))
        {
            throw new ArgumentException("The node id is empty: every store instance needs one.", nameof(options));
        }

        if (options.MaxBatchSize < 1)
        {
            throw new ArgumentException($"The maximum batch size is {options.MaxBatchSize}; it must be at least 1.", nameof(options));
        }

        NodeId = options.NodeId;
        TimeProvider = options.TimeProvider;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger(GetType());
        LocalChanges = new ChangeFeedHub(Logger);
        _maxBatchSize = options.MaxBatchSize;
    }

    /// <inheritdoc/>
    public string NodeId { get; }

    /// <inheritdoc/>
    public IReadModelQueries ReadModels => this;

    /// <inheritdoc/>
    public abstract IStreamChangeFeed Changes { get; }

    private protected TimeProvider TimeProvider { get; }

    private protected ILogger Logger { get; }

    private protected ChangeFeedHub LocalChanges { get; }

    /// <inheritdoc/>
    public Task<AppendOutcome> AppendAsync(Commit commit, CancellationToken cancellationToken = default)
    {
        CommitValidator.Validate(commit);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingCommit(commit, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(GetType().Name);
        }

        return pending.Task;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _committer.ConfigureAwait(false);
        await DisposeCoreAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private protected abstract ValueTask DisposeCoreAsync();

    /// <summary>Runs one batch in one transaction: lock, read <paramref name="keys"/>' state, decide with a
    /// <see cref="CommitPlanner"/>, write its rows, commit. Returns the planner once the commit is durable.</summary>
    private protected abstract Task<CommitPlanner> ExecuteBatchAsync(IReadOnlyList<PendingCommit> batch, BatchKeys keys, DateTimeOffset recordedAt);

    /// <summary>Called once the store is migrated and ready to accept commits.</summary>
    private protected void StartCommitter() => _committer = Task.Run(RunCommitterAsync);

    private protected virtual void OnBatchCommitted(CommitPlanner planner) => LocalChanges.Publish(planner.Changes());

    private async Task RunCommitterAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingCommit>(_maxBatchSize);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && reader.TryRead(out var pending))
            {
                // A caller that gave up before its batch started is dropped: nothing of it is written.
                if (pending.CancellationToken.IsCancellationRequested)
                {
                    pending.Cancel();
                }
                else
                {
                    batch.Add(pending);
                }
            }

            if (batch.Count > 0)
            {
                await RunBatchAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task RunBatchAsync(List<PendingCommit> batch)
    {
        CommitPlanner planner;
        try
        {
            planner = await ExecuteBatchAsync(batch, new BatchKeys(batch), TimeProvider.GetUtcNow()).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            StorageLog.BatchFailed(Logger, batch.Count, ex);
            var error = new StorageException($"The database failed while recording a batch of {batch.Count} commits; each may or may not be durable, and retrying with the same request id is safe. {ex.Message}", ex);
            foreach (var pending in batch)
            {
                pending.Fail(error);
            }

            return;
        }

        foreach (var (pending, outcome, error) in planner.Results)
        {
            if (outcome is not null)
            {
                pending.Complete(outcome);
            }
            else
            {
                pending.Fail(error!);
            }
        }

        OnBatchCommitted(planner);
    }
}
