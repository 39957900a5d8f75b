using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Personnel.Grains.Runtime;

/// <summary>
/// A single-node virtual-actor runtime with Orleans' guarantees: one activation per grain identity,
/// activated on its first call; one call at a time per activation, in arrival order, with no
/// interleaving across awaits; idle activations deactivated after <see cref="GrainRuntimeOptions.IdleTimeout"/>;
/// a graceful stop that finishes every accepted call. Shaped after Orleans so it can be swapped for it.
/// </summary>
public sealed partial class GrainRuntime : IGrainFactory, IAsyncDisposable
{
    /// <summary>How many grain references <see cref="GetGrain{TGrainInterface}"/> keeps for reuse at most.</summary>
    private const int MaxCachedReferences = 16384;

    private readonly ConcurrentDictionary<Type, GrainClass> _classesByInterface = new();
    private readonly ConcurrentDictionary<string, GrainClass> _classesByType = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<GrainId, GrainMailbox> _directory = new();
    private readonly ConcurrentDictionary<GrainId, object> _references = new();
    private readonly ITimer _collectionTimer;
    private int _collecting;
    private volatile bool _stopping;

    /// <summary>Creates a runtime and starts its idle collector on <paramref name="timeProvider"/>'s clock.</summary>
    public GrainRuntime(GrainRuntimeOptions? options = null, TimeProvider? timeProvider = null, ILogger<GrainRuntime>? logger = null)
    {
        Options = options ?? new GrainRuntimeOptions();
        Options.Validate();
        TimeProvider = timeProvider ?? TimeProvider.System;
        Log = new RuntimeLog(logger ?? (ILogger)NullLogger.Instance);
        _collectionTimer = TimeProvider.CreateTimer(
            static state => ((GrainRuntime)state!).OnCollectionTimer(), this, Options.CollectionPeriod, Options.CollectionPeriod);
    }

    /// <summary>The settings this runtime runs with.</summary>
    public GrainRuntimeOptions Options { get; }

    /// <summary>The clock that ages activations and drives the collector.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Activations alive now.</summary>
    public int ActiveActivationCount => Volatile.Read(ref _activeActivations);

    internal bool IsStopping => _stopping;

    internal RuntimeLog Log { get; }

    /// <summary>
    /// Registers grain class <typeparamref name="TGrain"/> behind <typeparamref name="TGrainInterface"/>.
    /// <paramref name="factory"/> makes one instance per activation (inject storage through it).
    /// <paramref name="grainType"/> names the type in grain identities and in
    /// <see cref="Invalidate(string, string)"/>; it defaults to the interface's name.
    /// </summary>
    public GrainRuntime AddGrain<TGrainInterface, TGrain>(Func<TGrain> factory, string? grainType = null)
        where TGrainInterface : IGrainWithStringKey
        where TGrain : Grain, TGrainInterface
    {
        ArgumentNullException.ThrowIfNull(factory);
        GrainMethod.Validate(typeof(TGrainInterface));
        var grainClass = new GrainClass(grainType ?? typeof(TGrainInterface).Name, typeof(TGrainInterface), factory);
        if (string.IsNullOrWhiteSpace(grainClass.Type))
        {
            throw new ArgumentException("A grain type name must not be empty.", nameof(grainType));
        }

        if (!_classesByType.TryAdd(grainClass.Type, grainClass))
        {
            throw new InvalidOperationException($"Grain type '{grainClass.Type}' is already registered.");
        }

        if (!_classesByInterface.TryAdd(typeof(TGrainInterface), grainClass))
        {
            _classesByType.TryRemove(grainClass.Type, out _);
            throw new InvalidOperationException($"Grain interface {typeof(TGrainInterface).Name} is already registered.");
        }

        return this;
    }

    /// <inheritdoc />
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException($"A {typeof(TGrainInterface).Name} grain key must not be empty.", nameof(key));
        }

        if (!_classesByInterface.TryGetValue(typeof(TGrainInterface), out var grainClass))
        {
            throw new InvalidOperationException(
                $"No grain class is registered for {typeof(TGrainInterface).Name}: call AddGrain<{typeof(TGrainInterface).Name}, TGrain> first.");
        }

        // A reference holds only the runtime and the identity, so one is shared by every caller of that grain; the cache
        // is emptied when it grows past its bound, and a reference made again is as good as the old one.
        var grainId = new GrainId(grainClass.Type, key);
        if (_references.TryGetValue(grainId, out var cached) && cached is TGrainInterface known)
        {
            return known;
        }

        var reference = DispatchProxy.Create<TGrainInterface, GrainProxy>();
        ((GrainProxy)(object)reference).Bind(this, grainId);
        if (_references.Count >= MaxCachedReferences)
        {
            _references.Clear();
        }

        _references[grainId] = reference;
        return reference;
    }

    /// <inheritdoc />
    public bool TryReadView<TGrainInterface, TView>(string key, [NotNullWhen(true)] out TView? view)
        where TGrainInterface : IGrainWithStringKey
        where TView : class
    {
        view = null;
        if (_stopping || string.IsNullOrEmpty(key) || !_classesByInterface.TryGetValue(typeof(TGrainInterface), out var grainClass)
            || !_directory.TryGetValue(new GrainId(grainClass.Type, key), out var mailbox))
        {
            return false;
        }

        view = mailbox.ReadView() as TView;
        if (view is null)
        {
            return false;
        }

        CountViewRead();
        return true;
    }

    /// <summary>
    /// Marks the activation of <paramref name="grainType"/>/<paramref name="key"/> stale because its state
    /// changed elsewhere (another node). The call in progress, if any, finishes; the next call first
    /// deactivates it and reactivates, so it answers from freshly loaded state.
    /// </summary>
    /// <returns>True when an activation existed and was marked.</returns>
    public bool Invalidate(string grainType, string key)
    {
        if (!_classesByType.ContainsKey(grainType))
        {
            throw new ArgumentException($"Grain type '{grainType}' is not registered.", nameof(grainType));
        }

        return _directory.TryGetValue(new GrainId(grainType, key), out var mailbox) && mailbox.Invalidate();
    }

    /// <summary>Marks the <typeparamref name="TGrainInterface"/> activation with <paramref name="key"/> stale.</summary>
    public bool Invalidate<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey =>
        _classesByInterface.TryGetValue(typeof(TGrainInterface), out var grainClass)
            ? Invalidate(grainClass.Type, key)
            : throw new ArgumentException($"Grain interface {typeof(TGrainInterface).Name} is not registered.");

    /// <summary>
    /// Deactivates every activation idle for at least <see cref="GrainRuntimeOptions.IdleTimeout"/>.
    /// The collector timer runs this every <see cref="GrainRuntimeOptions.CollectionPeriod"/>.
    /// </summary>
    /// <returns>How many activations were deactivated.</returns>
    public async Task<int> CollectIdleAsync()
    {
        var now = TimeProvider.GetTimestamp();
        var requests = new List<Task<bool>>();
        foreach (var mailbox in _directory.Values)
        {
            if (!mailbox.LooksIdleSince(now))
            {
                continue;
            }

            var request = new DeactivationRequest(DeactivationReason.IdleTimeout);
            if (mailbox.TryEnqueue(request))
            {
                requests.Add(request.Task);
            }
        }

        var deactivated = await Task.WhenAll(requests).ConfigureAwait(false);
        return deactivated.Count(d => d);
    }

    /// <summary>
    /// Stops gracefully: refuses new calls from outside grains, runs every call already queued (and the
    /// grain-to-grain calls they make), then deactivates every activation.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _stopping = true;
        await _collectionTimer.DisposeAsync().ConfigureAwait(false);

        // Calls made by draining grains may bring up new mailboxes; they retire themselves too.
        while (!_directory.IsEmpty)
        {
            var mailboxes = _directory.Values.ToList();
            foreach (var mailbox in mailboxes)
            {
                mailbox.TryEnqueue(new DeactivationRequest(DeactivationReason.RuntimeShutdown));
            }

            await Task.WhenAll(mailboxes.Select(m => m.Retired)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the runtime (see <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    internal Task<TResult> InvokeAsync<TResult>(
        GrainId grainId,
        string methodName,
        Func<Grain, CancellationToken, Task<TResult>> body,
        CancellationToken cancellationToken)
    {
        var caller = CallChain.Current;
        if (caller is not null && caller.Contains(grainId))
        {
            var cycle = new GrainCallCycleException(caller.PathTo(grainId), methodName);
            Log.CallCycleRefused(grainId, methodName);
            return Task.FromException<TResult>(cycle);
        }

        // Calls from inside grains are part of draining the accepted work, so they still run.
        if (_stopping && caller is null)
        {
            return Task.FromException<TResult>(new GrainRuntimeStoppedException(grainId, methodName));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(cancellationToken);
        }

        var grainClass = _classesByType[grainId.Type];
        var call = new GrainCall<TResult>(methodName, body, caller, cancellationToken);
        while (!_directory.GetOrAdd(grainId, static (id, state) => new GrainMailbox(id, state.grainClass, state.runtime),
                   (grainClass, runtime: this)).TryEnqueue(call))
        {
            // The mailbox retired between lookup and enqueue; it is leaving the directory, so look again.
            Thread.Yield();
        }

        return call.Task;
    }

    internal void Remove(GrainMailbox mailbox) =>
        _directory.TryRemove(new KeyValuePair<GrainId, GrainMailbox>(mailbox.Id, mailbox));

    private void OnCollectionTimer()
    {
        // A slow sweep must not overlap the next tick.
        if (Interlocked.Exchange(ref _collecting, 1) == 1)
        {
            return;
        }

        _ = CollectFromTimerAsync();
    }

    private async Task CollectFromTimerAsync()
    {
        try
        {
            var deactivated = await CollectIdleAsync().ConfigureAwait(false);
            Log.Collected(deactivated, ActiveActivationCount);
        }
        catch (Exception exception)
        {
            Log.CollectionFailed(exception);
        }
        finally
        {
            Volatile.Write(ref _collecting, 0);
        }
    }
}
