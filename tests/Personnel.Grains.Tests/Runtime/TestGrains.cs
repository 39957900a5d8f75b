using System.Collections.Concurrent;
using System.Collections.Immutable;
using Personnel.Grains.Runtime;

namespace Personnel.Grains.Tests.Runtime;

/// <summary>What a counter grain keeps in storage: its value and every recorded (caller, sequence).</summary>
public sealed record CounterState(int Value, ImmutableList<(int Caller, int Sequence)> Log)
{
    public static readonly CounterState Empty = new(0, []);
}

/// <summary>Plays the part of the event store: state survives activations, loads can be made to fail.</summary>
public sealed class InMemoryStateStore
{
    private readonly ConcurrentDictionary<string, CounterState> _states = new();
    private int _failuresToInject;

    public int Loads;
    public int Saves;

    public Exception LoadFailure { get; set; } = new IOException("storage unavailable");

    public void FailNextLoads(int count) => Volatile.Write(ref _failuresToInject, count);

    /// <summary>A write made by someone else (another node), behind the activation's back.</summary>
    public void WriteExternally(string key, CounterState state) => _states[key] = state;

    public CounterState Read(string key) => _states.GetValueOrDefault(key, CounterState.Empty);

    public async Task<CounterState> LoadAsync(string key, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref Loads);
        if (Interlocked.Decrement(ref _failuresToInject) >= 0)
        {
            throw LoadFailure;
        }

        return Read(key);
    }

    public async Task SaveAsync(string key, CounterState state)
    {
        await Task.Yield();
        Interlocked.Increment(ref Saves);
        _states[key] = state;
    }
}

/// <summary>Watches every counter grain instance: turns, activations, misuse.</summary>
public sealed class GrainProbe
{
    private readonly ConcurrentDictionary<string, int> _live = new();
    private int _inside;
    private int _maxInside;
    private int _interleavings;
    private int _callsOnDeactivated;
    private int _maxLivePerKey;

    public ConcurrentDictionary<string, int> Activations { get; } = new();

    public ConcurrentQueue<(string Key, DeactivationReason Reason)> Deactivations { get; } = new();

    public int MaxInside => Volatile.Read(ref _maxInside);

    public int Interleavings => Volatile.Read(ref _interleavings);

    public int CallsOnDeactivated => Volatile.Read(ref _callsOnDeactivated);

    public int MaxLivePerKey => Volatile.Read(ref _maxLivePerKey);

    /// <summary>When set, OnActivateAsync waits for it (to widen races).</summary>
    public Task? ActivationGate { get; set; }

    /// <summary>When set, OnDeactivateAsync signals DeactivationStarted and then waits for it.</summary>
    public Task? DeactivationGate { get; set; }

    public TaskCompletionSource DeactivationStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<int> FirstDeactivation { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int ActivationsOf(string key) => Activations.GetValueOrDefault(key);

    public void OnActivated(string key)
    {
        Activations.AddOrUpdate(key, 1, (_, n) => n + 1);
        var live = _live.AddOrUpdate(key, 1, (_, n) => n + 1);
        InterlockedMax(ref _maxLivePerKey, live);
    }

    public void OnDeactivated(string key, DeactivationReason reason)
    {
        _live.AddOrUpdate(key, 0, (_, n) => n - 1);
        Deactivations.Enqueue((key, reason));
        FirstDeactivation.TrySetResult(Deactivations.Count);
    }

    public void Enter()
    {
        InterlockedMax(ref _maxInside, Interlocked.Increment(ref _inside));
    }

    public void Exit() => Interlocked.Decrement(ref _inside);

    public void Interleaved() => Interlocked.Increment(ref _interleavings);

    public void CalledWhileDeactivated() => Interlocked.Increment(ref _callsOnDeactivated);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Read, await, write: loses updates if two turns ever interleave.</summary>
    Task<int> AddAsync(int amount, CancellationToken cancellationToken);

    /// <summary>Appends (caller, sequence) to the log; returns the log's new length.</summary>
    Task<int> RecordAsync(int caller, int sequence, CancellationToken cancellationToken);

    Task<int> GetAsync(CancellationToken cancellationToken);

    /// <summary>Signals <paramref name="entered"/>, then holds the turn until <paramref name="release"/>.</summary>
    Task<int> HoldAsync(TaskCompletionSource entered, Task release, CancellationToken cancellationToken);

    /// <summary>Throws; when <paramref name="deactivate"/>, first asks to be deactivated (as after a conflict).</summary>
    Task FailAsync(string message, bool deactivate, CancellationToken cancellationToken);

    /// <summary>Withdraws the published view (as after a write of unknown outcome); the next write publishes again.</summary>
    Task WithdrawViewAsync(CancellationToken cancellationToken);
}

/// <summary>What a counter grain publishes for reads without a turn: its saved value.</summary>
public sealed record CounterView(int Value);

public sealed class CounterGrain(InMemoryStateStore store, GrainProbe probe) : Grain, ICounterGrain
{
    private CounterState _state = CounterState.Empty;
    private bool _deactivated;
    private int _currentTurn;
    private int _turns;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (probe.ActivationGate is { } gate)
        {
            await gate;
        }

        _state = await store.LoadAsync(GetPrimaryKeyString(), cancellationToken);
        PublishView(new CounterView(_state.Value));
        probe.OnActivated(GetPrimaryKeyString());
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (probe.DeactivationGate is { } gate)
        {
            probe.DeactivationStarted.TrySetResult();
            await gate;
        }

        _deactivated = true;
        probe.OnDeactivated(GetPrimaryKeyString(), reason);
    }

    public Task<int> AddAsync(int amount, CancellationToken cancellationToken) =>
        TurnAsync(async () =>
        {
            var read = _state.Value;
            await Task.Yield();
            _state = _state with { Value = read + amount };
            await store.SaveAsync(GetPrimaryKeyString(), _state);
            PublishView(new CounterView(_state.Value));
            return _state.Value;
        });

    public Task<int> RecordAsync(int caller, int sequence, CancellationToken cancellationToken) =>
        TurnAsync(async () =>
        {
            var log = _state.Log;
            await Task.Yield();
            _state = _state with { Log = log.Add((caller, sequence)) };
            await store.SaveAsync(GetPrimaryKeyString(), _state);
            return _state.Log.Count;
        });

    public Task<int> GetAsync(CancellationToken cancellationToken) => TurnAsync(() => Task.FromResult(_state.Value));

    public Task<int> HoldAsync(TaskCompletionSource entered, Task release, CancellationToken cancellationToken) =>
        TurnAsync(async () =>
        {
            entered.TrySetResult();
            await release.WaitAsync(cancellationToken);
            return _state.Value;
        });

    public Task FailAsync(string message, bool deactivate, CancellationToken cancellationToken) =>
        TurnAsync<int>(() =>
        {
            if (deactivate)
            {
                DeactivateOnIdle();
            }

            throw new InvalidOperationException(message);
        });

    public Task WithdrawViewAsync(CancellationToken cancellationToken) =>
        TurnAsync(() =>
        {
            PublishView(null);
            return Task.FromResult(0);
        });

    /// <summary>Runs a call body, recording whether any other turn ever ran inside it.</summary>
    private async Task<T> TurnAsync<T>(Func<Task<T>> body)
    {
        if (_deactivated)
        {
            probe.CalledWhileDeactivated();
        }

        var turn = ++_turns;
        _currentTurn = turn;
        probe.Enter();
        try
        {
            return await body();
        }
        finally
        {
            if (_currentTurn != turn)
            {
                probe.Interleaved();
            }

            probe.Exit();
        }
    }
}

/// <summary>Relays a call along a path of grains, as an employee grain calls its department grain.</summary>
public interface IRelayGrain : IGrainWithStringKey
{
    /// <summary>Calls path[hop] (if any) and returns the keys visited, joined by '→'.</summary>
    Task<string> RelayAsync(string[] path, int hop, CancellationToken cancellationToken);
}

public sealed class RelayGrain : Grain, IRelayGrain
{
    public async Task<string> RelayAsync(string[] path, int hop, CancellationToken cancellationToken)
    {
        if (hop == path.Length)
        {
            return GetPrimaryKeyString();
        }

        var rest = await GrainFactory.GetGrain<IRelayGrain>(path[hop]).RelayAsync(path, hop + 1, cancellationToken);
        return $"{GetPrimaryKeyString()}→{rest}";
    }
}

/// <summary>A runtime on a fake clock with the counter and relay grains registered.</summary>
public sealed class RuntimeFixture : IAsyncDisposable
{
    /// <summary>Activations idle for 10 minutes are collected only when a test sweeps (the timer's period is a day).</summary>
    public static readonly GrainRuntimeOptions SweptByTests = new()
    {
        IdleTimeout = TimeSpan.FromMinutes(10),
        CollectionPeriod = TimeSpan.FromDays(1),
    };

    public RuntimeFixture(GrainRuntimeOptions? options = null)
    {
        Runtime = new GrainRuntime(options, Clock)
            .AddGrain<ICounterGrain, CounterGrain>(() => new CounterGrain(Store, Probe), "Counter")
            .AddGrain<IRelayGrain, RelayGrain>(() => new RelayGrain(), "Relay");
    }

    public FakeTimeProvider Clock { get; } = new();

    public InMemoryStateStore Store { get; } = new();

    public GrainProbe Probe { get; } = new();

    public GrainRuntime Runtime { get; }

    public ICounterGrain Counter(string key) => Runtime.GetGrain<ICounterGrain>(key);

    public IRelayGrain Relay(string key) => Runtime.GetGrain<IRelayGrain>(key);

    /// <summary>Stops the runtime; a test that left a grain blocked fails here instead of hanging.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TestTimeout.Hang);
        await Runtime.StopAsync(timeout.Token);
    }
}

public static class TestTimeout
{
    /// <summary>A safety net so a broken runtime fails the test instead of hanging it; never a sleep.</summary>
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);
}
