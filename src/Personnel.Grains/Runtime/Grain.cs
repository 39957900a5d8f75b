namespace Personnel.Grains.Runtime;

/// <summary>
/// Base class of a grain implementation. The runtime creates one instance per activation, calls
/// <see cref="OnActivateAsync"/> before its first turn and <see cref="OnDeactivateAsync"/> after its
/// last; between them it runs one call at a time, so the grain's fields need no locks.
/// </summary>
public abstract class Grain
{
    private GrainId? _grainId;
    private IGrainFactory? _grainFactory;
    private volatile object? _view;

    /// <summary>The identity of this activation's grain.</summary>
    public GrainId GrainId =>
        _grainId ?? throw new InvalidOperationException(
            $"{GetType().Name} has no identity yet: the runtime binds it just before OnActivateAsync.");

    /// <summary>Reaches other grains. Await every call within the turn that makes it.</summary>
    protected IGrainFactory GrainFactory =>
        _grainFactory ?? throw new InvalidOperationException(
            $"{GetType().Name} has no grain factory yet: the runtime binds it just before OnActivateAsync.");

    internal bool DeactivationRequested { get; private set; }

    /// <summary>The key this grain was reached by.</summary>
    public string GetPrimaryKeyString() => GrainId.Key;

    /// <summary>
    /// Runs before the first call of an activation; load state here. If it throws, the activation is
    /// discarded, the triggering call fails with that exception, and the next call tries again.
    /// </summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs after the last call of an activation. An exception here is logged; the activation is
    /// discarded anyway.
    /// </summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// Asks for this activation to be deactivated when the current turn ends, so that the next call
    /// gets a fresh activation (e.g. after a version conflict, to reload the state from storage).
    /// </summary>
    protected void DeactivateOnIdle() => DeactivationRequested = true;

    /// <summary>
    /// Publishes <paramref name="view"/>, an immutable object answering reads from this activation's committed state,
    /// which callers then read through <see cref="IGrainFactory.TryReadView{TGrainInterface, TView}"/> on their own
    /// thread, without a turn. Publish only state that storage holds (after loading, after a commit), and before the
    /// turn that wrote it answers, so a caller reads its own writes; publish null when the committed state is unknown.
    /// The view is read only while this activation is live and not marked stale; otherwise reads take a turn.
    /// </summary>
    protected void PublishView(object? view) => _view = view;

    /// <summary>The view last published by this activation, or null.</summary>
    internal object? PublishedView => _view;

    internal void Bind(GrainId grainId, IGrainFactory grainFactory)
    {
        _grainId = grainId;
        _grainFactory = grainFactory;
    }
}
