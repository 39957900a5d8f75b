namespace Personnel.Grains.Runtime;

/// <summary>
/// The one place a grain identity lives on this node: a FIFO queue drained by a single loop that
/// owns the grain instance. Activation, every call and deactivation are entries run one after
/// another by that loop, so they can never overlap, and a call arriving during a deactivation simply
/// waits its turn and then gets a fresh activation. The mailbox leaves the directory (retires) when
/// its queue is empty and it holds no instance; a caller that meets a retired mailbox fetches a new one.
/// </summary>
internal sealed class GrainMailbox : IThreadPoolWorkItem
{
    private readonly GrainRuntime _runtime;
    private readonly GrainClass _grainClass;
    private readonly Lock _lock = new();
    private readonly Queue<WorkItem> _queue = new();
    private readonly TaskCompletionSource _retired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _running;
    private bool _isRetired;

    // Written only by the loop; read by the collector to pick candidates, which the loop re-checks.
    private volatile Grain? _instance;
    private long _idleSince;
    private volatile bool _stale;

    public GrainMailbox(GrainId id, GrainClass grainClass, GrainRuntime runtime)
    {
        Id = id;
        _grainClass = grainClass;
        _runtime = runtime;
    }

    public GrainId Id { get; }

    /// <summary>Completes when the mailbox has left the directory for good.</summary>
    public Task Retired => _retired.Task;

    /// <summary>Queues <paramref name="item"/>; false when the mailbox has retired (fetch a new one).</summary>
    public bool TryEnqueue(WorkItem item)
    {
        lock (_lock)
        {
            if (_isRetired)
            {
                return false;
            }

            _queue.Enqueue(item);
            if (_running)
            {
                return true;
            }

            _running = true;
        }

        // Not Task.Run: the loop must not inherit the first caller's ExecutionContext (its call chain).
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return true;
    }

    /// <summary>Marks the state stale: the next call deactivates and reactivates (reloads) first.</summary>
    public bool Invalidate()
    {
        _stale = true;
        return _instance is not null;
    }

    /// <summary>
    /// The view the live activation published, or null when there is none to trust: no activation, no view, or the
    /// state marked stale (the caller then takes a turn, which reloads). A read counts as activity for the collector.
    /// </summary>
    public object? ReadView()
    {
        var view = _instance?.PublishedView;
        if (view is null || _stale)
        {
            return null;
        }

        Volatile.Write(ref _idleSince, _runtime.TimeProvider.GetTimestamp());
        return view;
    }

    /// <summary>
    /// A cheap pre-check for the collector. The deactivation request re-checks when its turn comes, after
    /// any call queued ahead of it has run and booked its end, so a busy activation is never collected.
    /// </summary>
    public bool LooksIdleSince(long now) => _instance is not null && IsIdleLongEnough(now);

    void IThreadPoolWorkItem.Execute() => _ = RunAsync();

    private async Task RunAsync()
    {
        bool retired;
        while (true)
        {
            WorkItem? item;
            lock (_lock)
            {
                if (!_queue.TryDequeue(out item))
                {
                    if (_instance is not null && _runtime.IsStopping)
                    {
                        // A stopping runtime keeps no activation: deactivate before going quiet.
                        item = new DeactivationRequest(DeactivationReason.RuntimeShutdown);
                    }
                    else
                    {
                        retired = _isRetired = _instance is null;
                        _running = false;
                        break;
                    }
                }
            }

            await RunItemAsync(item).ConfigureAwait(false);
        }

        if (retired)
        {
            _runtime.Remove(this);
            _retired.TrySetResult();
        }
    }

    private async Task RunItemAsync(WorkItem item)
    {
        try
        {
            switch (item)
            {
                case GrainCall call:
                    await RunCallAsync(call).ConfigureAwait(false);
                    break;
                case DeactivationRequest request:
                    await RunDeactivationAsync(request).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception exception)
        {
            // Calls and hooks catch their own failures; this guards the loop itself from ever dying,
            // and a caller from waiting forever.
            _runtime.Log.MailboxFault(Id, exception);
            (item as GrainCall)?.Fail(exception);
            (item as DeactivationRequest)?.Complete(deactivated: false);
        }
    }

    private async Task RunCallAsync(GrainCall call)
    {
        if (!call.TryStart())
        {
            return;
        }

        // Everything this turn awaits carries the chain, so a call back into this grain is detected.
        // (Set inside an async method, it reverts when the method returns: the loop itself stays clean.)
        CallChain.Current = CallChain.Enter(Id, call.Caller);
        if (_instance is not null && _stale)
        {
            await DeactivateAsync(DeactivationReason.Invalidated).ConfigureAwait(false);
        }

        var grain = _instance ?? await TryActivateAsync(call).ConfigureAwait(false);
        if (grain is null)
        {
            return;
        }

        await call.InvokeAsync(grain).ConfigureAwait(false);

        // Booked before the caller hears back, so a caller that moves the clock next sees this turn ended.
        Volatile.Write(ref _idleSince, _runtime.TimeProvider.GetTimestamp());
        _runtime.CountCompletedCall();
        call.Publish();
        if (grain.DeactivationRequested)
        {
            await DeactivateAsync(DeactivationReason.ApplicationRequested).ConfigureAwait(false);
        }
    }

    private async Task<Grain?> TryActivateAsync(GrainCall call)
    {
        // Cleared before loading: an invalidation arriving from here on forces another reload.
        _stale = false;
        try
        {
            var grain = _grainClass.Create();
            grain.Bind(Id, _runtime);
            await grain.OnActivateAsync(call.CancellationToken).ConfigureAwait(false);
            _instance = grain;
            _runtime.CountActivation();
            _runtime.Log.Activated(Id);
            return grain;
        }
        catch (Exception exception)
        {
            _runtime.CountFailedActivation();
            _runtime.Log.ActivationFailed(Id, call.MethodName, exception);
            call.Fail(exception);
            return null;
        }
    }

    private async Task RunDeactivationAsync(DeactivationRequest request)
    {
        var due = _instance is not null
            && (request.Reason != DeactivationReason.IdleTimeout
                || IsIdleLongEnough(_runtime.TimeProvider.GetTimestamp()));
        if (due)
        {
            await DeactivateAsync(request.Reason).ConfigureAwait(false);
        }

        request.Complete(due);
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        var grain = _instance!;
        _instance = null;
        try
        {
            await grain.OnDeactivateAsync(reason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _runtime.Log.DeactivationFailed(Id, reason, exception);
        }
        finally
        {
            _runtime.CountDeactivation();
            _runtime.Log.Deactivated(Id, reason);
        }
    }

    private bool IsIdleLongEnough(long now) =>
        _runtime.TimeProvider.GetElapsedTime(Volatile.Read(ref _idleSince), now) >= _runtime.Options.IdleTimeout;
}
