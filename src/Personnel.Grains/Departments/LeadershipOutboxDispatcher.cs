using System.Globalization;
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
/// head in service: the adjustment is kept (GetDepartment lists it) until a head is. A head who took the post after
/// the order is the adjustment itself (AM 第十七条 调整班子): the department discharges the order, naming that head,
/// and it never reaches them. A rescission (a correction) follows the order to the head it reached.
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
                // The period's own source on the clock, not a timer of ours cancelling a source: a timer callback already
                // under way when the round ends would cancel a disposed source and crash the process.
                using var period = new CancellationTokenSource(_period, _timeProvider);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, period.Token);
                await _signal.WaitAsync(wait.Token).ConfigureAwait(false);
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
        try
        {
            if (entry.RescindFor is { } holder)
            {
                await RescindAsync(entry, holder, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var order = long.Parse(document.Key[(document.Key.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
                var head = await FindHeadAsync(entry.DepartmentId, cancellationToken).ConfigureAwait(false);
                if (head is null)
                {
                    GrainLog.NoHead(_logger, entry.DepartmentId, entry.Year);
                    return false;
                }

                if (await SettleWithHeadAsync(entry, order, head, cancellationToken).ConfigureAwait(false))
                {
                    // The department's own commit deleted the entry.
                    return true;
                }
            }
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

    /// <summary>
    /// An order and the department's head now. A head who took the post after the order is the adjustment itself
    /// (调整班子): the department discharges the order on that head's first day. Otherwise the head is the principal
    /// leader the order is about: their grain takes it (rotation mandatory now), then the department records whom it
    /// reached. Both department commits delete the entry; true when one did, false when the entry is to be dropped.
    /// </summary>
    private async Task<bool> SettleWithHeadAsync(LeadershipOutboxEntry entry, long order, string head, CancellationToken cancellationToken)
    {
        var department = _grains.GetGrain<IDepartmentGrain>(entry.DepartmentId);
        var grain = _grains.GetGrain<IEmployeeGrain>(head);
        var snapshot = await grain.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot.PostSince > entry.On)
        {
            try
            {
                await department.ExecuteAsync(
                    new DischargeLeadershipAdjustment(order, head, snapshot.PostSince),
                    new CommandContext(entry.RequestId + ":discharged", "outbox", snapshot.PostSince),
                    cancellationToken).ConfigureAwait(false);
                GrainLog.AdjustmentDischarged(_logger, entry.DepartmentId, entry.Year, head);
                return true;
            }
            catch (RuleViolationException refusal)
            {
                GrainLog.AdjustmentRefused(_logger, entry.DepartmentId, entry.Year, entry.DepartmentId, refusal.Message);
                return false;
            }
        }

        try
        {
            await grain.ExecuteAsync(
                new OrderLeadershipAdjustment(new DepartmentId(entry.DepartmentId), entry.Year),
                new CommandContext(entry.RequestId, "outbox", entry.On),
                cancellationToken).ConfigureAwait(false);
        }
        catch (RuleViolationException refusal)
        {
            GrainLog.AdjustmentRefused(_logger, entry.DepartmentId, entry.Year, head, refusal.Message);
            return false;
        }

        try
        {
            await department.ExecuteAsync(
                new RecordLeadershipAdjustmentDelivery(order, head),
                new CommandContext(entry.RequestId + ":delivered", "outbox", entry.On),
                cancellationToken).ConfigureAwait(false);
        }
        catch (RuleViolationException refusal)
        {
            GrainLog.AdjustmentRefused(_logger, entry.DepartmentId, entry.Year, entry.DepartmentId, refusal.Message);
            return false;
        }

        GrainLog.AdjustmentDelivered(_logger, entry.DepartmentId, entry.Year, head);
        return true;
    }

    /// <summary>A rescinded order reaches the head it was delivered to: their mandatory rotation is lifted. A head who
    /// no longer holds it (moved out of the post, which fulfilled it) refuses, and the entry is dropped.</summary>
    private async Task RescindAsync(LeadershipOutboxEntry entry, string holder, CancellationToken cancellationToken)
    {
        try
        {
            await _grains.GetGrain<IEmployeeGrain>(holder).ExecuteAsync(
                new RescindLeadershipAdjustment(new DepartmentId(entry.DepartmentId), entry.Year),
                new CommandContext(entry.RequestId, "outbox", entry.On),
                cancellationToken).ConfigureAwait(false);
            GrainLog.RescissionDelivered(_logger, entry.DepartmentId, entry.Year, holder);
        }
        catch (RuleViolationException refusal)
        {
            GrainLog.AdjustmentRefused(_logger, entry.DepartmentId, entry.Year, holder, refusal.Message);
        }
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
                && ContractLifecycle.IsInState(state, ContractState.InService));
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
