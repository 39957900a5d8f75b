using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Grains.Departments;

/// <summary>
/// Delivers a department's leadership adjustments (AS 第十七条) to its head: the department's commit writes each order
/// (or rescission) into the outbox, and this grain — one per department — carries it to the head's employee grain, then
/// records the delivery on the department, which deletes the entry. An Orleans reminder keeps it going while entries
/// wait, so an entry whose delivery failed, or whose silo died, is delivered on the next tick wherever the grain then
/// lives; the reminder is removed once the outbox is empty.
/// </summary>
public sealed class LeadershipOutboxGrain : Grain, ILeadershipOutboxGrain, IRemindable
{
    /// <summary>The name of the reminder that keeps delivery going while entries wait.</summary>
    public const string ReminderName = "leadership-outbox";

    private const int PageSize = 100;

    private readonly GrainServices _services;
    private readonly ILogger _logger;
    private IGrainTimer? _prompt;

    public LeadershipOutboxGrain(GrainServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _logger = services.LoggerFactory.CreateLogger<LeadershipOutboxGrain>();
    }

    private IEventStore Store => _services.Store;

    private string Key => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public async Task Wake()
    {
        await this.RegisterOrUpdateReminder(ReminderName, _services.OutboxPeriod, _services.OutboxPeriod);
        await Prompt();
    }

    /// <inheritdoc/>
    public Task Prompt()
    {
        // Deliver now, in a turn of its own (the grain that prompted us may be the grain a delivery calls).
        _prompt ??= this.RegisterGrainTimer(async _ =>
        {
            _prompt?.Dispose();
            _prompt = null;
            await DeliverAsync(CancellationToken.None);
        }, (object?)null, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        await DeliverAsync(CancellationToken.None);
    }

    /// <inheritdoc/>
    public async Task<int> DeliverAsync(CancellationToken cancellationToken)
    {
        var settled = 0;
        var waiting = 0;
        var prefix = Key + ":";
        var after = prefix;
        while (true)
        {
            var page = await Store.ReadModels.ListDocumentsAsync(StreamIds.LeadershipOutbox, after, PageSize, cancellationToken);
            var mine = page.TakeWhile(d => d.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            foreach (var document in mine)
            {
                try
                {
                    if (await DeliverAsync(document, cancellationToken))
                    {
                        settled++;
                        continue;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    GrainLog.OutboxFailed(_logger, exception);
                }

                waiting++;
            }

            if (mine.Count < page.Count || page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Key;
        }

        var reminder = await this.GetReminder(ReminderName);
        if (waiting == 0 && reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
        else if (waiting > 0 && reminder is null)
        {
            // Prompted without a reminder and an order is still waiting (no head to take it): keep retrying.
            await this.RegisterOrUpdateReminder(ReminderName, _services.OutboxPeriod, _services.OutboxPeriod);
        }

        return settled;
    }

    private async Task<bool> DeliverAsync(ReadModelDocument document, CancellationToken cancellationToken)
    {
        var entry = JsonSerializer.Deserialize<LeadershipOutboxEntry>(document.Json, GrainJson.Options)!;
        try
        {
            if (entry.RescindFor is { } holder)
            {
                await RescindAsync(entry, holder, cancellationToken);
            }
            else
            {
                var order = long.Parse(document.Key[(document.Key.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
                var head = await FindHeadAsync(entry.DepartmentId, cancellationToken);
                if (head is null)
                {
                    GrainLog.NoHead(_logger, entry.DepartmentId, entry.Year);
                    return false;
                }

                if (await SettleWithHeadAsync(entry, order, head, cancellationToken))
                {
                    // The department's own commit deleted the entry.
                    return true;
                }
            }
        }
        catch (Exception exception) when (exception is ConcurrencyExhaustedException or StorageException or RuleRefusedException)
        {
            GrainLog.OutboxFailed(_logger, exception);
            return false;
        }

        var requestId = entry.RequestId + ":settled";
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(requestId + "|" + document.Key)));
        await Store.AppendAsync(
            new Commit(requestId, fingerprint, "outbox", [], [new DeleteDocument(StreamIds.LeadershipOutbox, document.Key)], "{}"),
            cancellationToken);
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
        var department = GrainFactory.GetGrain<IDepartmentGrain>(entry.DepartmentId);
        var grain = GrainFactory.GetGrain<IEmployeeGrain>(head);
        var snapshot = await grain.GetSnapshotAsync(cancellationToken);
        if (snapshot.PostSince > entry.On)
        {
            try
            {
                await department.DischargeLeadershipAdjustment(
                    new DischargeLeadershipAdjustment(order, head, snapshot.PostSince),
                    new CommandContext(entry.RequestId + ":discharged", "outbox", snapshot.PostSince),
                    cancellationToken);
                GrainLog.AdjustmentDischarged(_logger, entry.DepartmentId, entry.Year, head);
                return true;
            }
            catch (RuleRefusedException refusal)
            {
                GrainLog.AdjustmentRefused(_logger, entry.DepartmentId, entry.Year, entry.DepartmentId, refusal.Message);
                return false;
            }
        }

        try
        {
            await grain.OrderLeadershipAdjustment(
                new OrderLeadershipAdjustment(new DepartmentId(entry.DepartmentId), entry.Year),
                new CommandContext(entry.RequestId, "outbox", entry.On),
                cancellationToken);
        }
        catch (RuleRefusedException refusal)
        {
            GrainLog.AdjustmentRefused(_logger, entry.DepartmentId, entry.Year, head, refusal.Message);
            return false;
        }

        try
        {
            await department.RecordLeadershipAdjustmentDelivery(
                new RecordLeadershipAdjustmentDelivery(order, head),
                new CommandContext(entry.RequestId + ":delivered", "outbox", entry.On),
                cancellationToken);
        }
        catch (RuleRefusedException refusal)
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
            await GrainFactory.GetGrain<IEmployeeGrain>(holder).RescindLeadershipAdjustment(
                new RescindLeadershipAdjustment(new DepartmentId(entry.DepartmentId), entry.Year),
                new CommandContext(entry.RequestId, "outbox", entry.On),
                cancellationToken);
            GrainLog.RescissionDelivered(_logger, entry.DepartmentId, entry.Year, holder);
        }
        catch (RuleRefusedException refusal)
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
            var page = await Store.ReadModels.ListEmployeesAsync(departmentId, after, 500, cancellationToken);
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
