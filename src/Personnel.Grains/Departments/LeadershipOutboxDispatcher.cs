using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;
using Personnel.Grains.Runtime;
using Personnel.Storage;

namespace Personnel.Grains.Departments;

/// <summary>
/// Delivers the leadership adjustments a department ordered (AM 第十七条) to its head's employee grain,
/// after the department's commit and outside its turn: a department never waits on an employee. Each
/// entry is delivered with the request id the department derived from its event, so a delivery repeated
/// (after a crash, or by another node's dispatcher) is answered from the first and records nothing;
/// the entry is then deleted. A failure leaves the entry for the next round, and so does a department with no
/// head in service: the adjustment is kept (GetDepartment lists it) until a head is, and then delivered on the
/// later of the order's date and the day the head took the post.
/// </summary>
public sealed class LeadershipOutboxDispatcher : IAsyncDisposable
{
    private const int PageSize = 100;

    private readonly IEventStore _store;
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _period;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);
    private readonly SemaphoreSlim _oneRound = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public LeadershipOutboxDispatcher(IEventStore store, IGrainFactory grains, TimeProvider timeProvider, TimeSpan period, ILogger logger)
    {
        _store = store;
        _grains = grains;
        _timeProvider = timeProvider;
        _period = period;
        _logger = logger;
    }

    /// <summary>Starts the loop: a round every period, and at once after <see cref="Signal"/>.</summary>
    public void Start() => _loop ??= Task.Run(() => LoopAsync(_stop.Token));

    /// <summary>Asks for a round soon (a department stream changed).</summary>
    public void Signal() => _signal.Release();

    /// <summary>Delivers every entry waiting now; returns how many were settled (delivered or dropped).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        await _oneRound.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var settled = 0;
            string? after = null;
            while (true)
            {
                var page = await _store.ReadModels.ListDocumentsAsync(StreamIds.LeadershipOutbox, after, PageSize, cancellationToken).ConfigureAwait(false);
                foreach (var document in page)
                {
                    if (await DeliverAsync(document, cancellationToken).ConfigureAwait(false))
                    {
                        settled++;
                    }
                }

                if (page.Count < PageSize)
                {
                    return settled;
                }

                after = page[^1].Key;
            }
        }
        finally
        {
            _oneRound.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
        _signal.Dispose();
        _oneRound.Dispose();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await DispatchOnceAsync(cancellationToken).ConfigureAwait(false);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                using var delay = _timeProvider.CreateTimer(_ => timeout.Cancel(), null, _period, Timeout.InfiniteTimeSpan);
                await _signal.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The period elapsed: next round.
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception) when (exception is StorageException or GrainRuntimeStoppedException)
            {
                GrainLog.OutboxFailed(_logger, exception);
            }
        }
    }

    private async Task<bool> DeliverAsync(ReadModelDocument document, CancellationToken cancellationToken)
    {
        var entry = JsonSerializer.Deserialize<LeadershipOutboxEntry>(document.Json, GrainJson.Options)!;
        var head = await FindHeadAsync(entry.DepartmentId, cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            GrainLog.NoHead(_logger, entry.DepartmentId, entry.Year);
            return false;
        }

        try
        {
            var grain = _grains.GetGrain<IEmployeeGrain>(head);
            var snapshot = await grain.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
            var on = snapshot.PostSince > entry.On ? snapshot.PostSince : entry.On;
            await grain.ExecuteAsync(
                new OrderLeadershipAdjustment(new DepartmentId(entry.DepartmentId), entry.Year),
                new CommandContext(entry.RequestId, "outbox", on),
                cancellationToken).ConfigureAwait(false);
            GrainLog.AdjustmentDelivered(_logger, entry.DepartmentId, entry.Year, head);
        }
        catch (RuleViolationException refusal)
        {
            GrainLog.AdjustmentRefused(_logger, entry.DepartmentId, entry.Year, head, refusal.Message);
        }
        catch (Exception exception) when (exception is ConcurrencyExhaustedException or StorageException)
        {
            GrainLog.OutboxFailed(_logger, exception);
            return false;
        }

        var requestId = entry.RequestId + ":settled";
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(requestId + "|" + document.Key)));
        await _store.AppendAsync(
            new Commit(requestId, fingerprint, "outbox", [], [new DeleteDocument(StreamIds.LeadershipOutbox, document.Key)], "{}"),
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The department's head now: an employee in service whose post is 部门负责人 in that department.</summary>
    private async Task<string?> FindHeadAsync(string departmentId, CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var page = await _store.ReadModels.ListEmployeesAsync(departmentId, after, 500, cancellationToken).ConfigureAwait(false);
            var head = page.FirstOrDefault(v => v.Post == nameof(Post.DepartmentHead)
                && Enum.TryParse<ContractState>(v.Status, out var state)
                && ContractStateMachine.Table.IsInState(state, ContractState.InService));
            if (head is not null)
            {
                return head.EmployeeId;
            }

            if (page.Count < 500)
            {
                return null;
            }

            after = page[^1].EmployeeId;
        }
    }
}
