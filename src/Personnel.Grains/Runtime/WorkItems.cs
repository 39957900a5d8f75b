namespace Personnel.Grains.Runtime;

/// <summary>An entry in an activation's mailbox: a grain call or a deactivation request.</summary>
internal abstract class WorkItem
{
}

/// <summary>A grain call. Whoever moves it out of the queued state first decides its fate.</summary>
internal abstract class GrainCall : WorkItem
{
    private const int Queued = 0;
    private const int Started = 1;
    private const int Cancelled = 2;

    private int _state = Queued;

    protected GrainCall(string methodName, CallChain? caller, CancellationToken cancellationToken)
    {
        MethodName = methodName;
        Caller = caller;
        CancellationToken = cancellationToken;
    }

    public string MethodName { get; }

    /// <summary>The chain of the grain turn that made this call; null for a call from outside.</summary>
    public CallChain? Caller { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Claims the call for its turn; false when it was cancelled while queued.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;

    /// <summary>Runs the call's turn on <paramref name="grain"/> and keeps its outcome; never throws.</summary>
    public abstract Task InvokeAsync(Grain grain);

    /// <summary>Hands the kept outcome to the caller (after the runtime has booked the turn's end).</summary>
    public abstract void Publish();

    /// <summary>Fails the call without a turn on the grain (its activation failed).</summary>
    public abstract void Fail(Exception exception);

    protected bool TryCancelQueued() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;
}

internal sealed class GrainCall<TResult> : GrainCall
{
    private readonly Func<Grain, CancellationToken, Task<TResult>> _body;

    // Continuations run elsewhere: a caller's code must never run on (and stall) the mailbox loop.
    private readonly TaskCompletionSource<TResult> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly CancellationTokenRegistration _registration;
    private TResult? _outcome;
    private Exception? _failure;

    public GrainCall(
        string methodName,
        Func<Grain, CancellationToken, Task<TResult>> body,
        CallChain? caller,
        CancellationToken cancellationToken)
        : base(methodName, caller, cancellationToken)
    {
        _body = body;
        _registration = cancellationToken.UnsafeRegister(
            static (state, token) => ((GrainCall<TResult>)state!).OnCancelled(token), this);
    }

    public Task<TResult> Task => _completion.Task;

    public override async Task InvokeAsync(Grain grain)
    {
        try
        {
            _outcome = await _body(grain, CancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _failure = exception;
        }
    }

    public override void Publish()
    {
        if (_failure is null)
        {
            _registration.Dispose();
            _completion.TrySetResult(_outcome!);
        }
        else
        {
            Fail(_failure);
        }
    }

    public override void Fail(Exception exception)
    {
        _registration.Dispose();
        if (exception is OperationCanceledException && CancellationToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(CancellationToken);
        }
        else
        {
            _completion.TrySetException(exception);
        }
    }

    private void OnCancelled(CancellationToken token)
    {
        // Once the turn has started the grain owns the token; before that the call is simply dropped.
        if (TryCancelQueued())
        {
            _completion.TrySetCanceled(token);
        }
    }
}

/// <summary>Asks the mailbox to deactivate its activation when this entry's turn comes.</summary>
internal sealed class DeactivationRequest : WorkItem
{
    private readonly TaskCompletionSource<bool> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DeactivationRequest(DeactivationReason reason)
    {
        Reason = reason;
    }

    public DeactivationReason Reason { get; }

    /// <summary>True when an activation was deactivated, false when none was due.</summary>
    public Task<bool> Task => _completion.Task;

    public void Complete(bool deactivated) => _completion.TrySetResult(deactivated);
}
