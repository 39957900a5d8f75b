using System.Collections.Concurrent;
using Orleans.Runtime;

namespace Personnel.Storage.Tests;

/// <summary>A grain with what the Orleans schema serves: state on the AdoNet grain storage and a reminder.</summary>
[Alias("personnel-tests.counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("increment")]
    Task<int> IncrementAsync();

    [Alias("get")]
    Task<int> GetAsync();

    [Alias("start-ticking")]
    Task StartTickingAsync(TimeSpan period);

    [Alias("stop-ticking")]
    Task StopTickingAsync();
}

/// <summary>The counter's persistent state.</summary>
[GenerateSerializer]
[Alias("personnel-tests.counter-state")]
public sealed class CounterState
{
    [Id(0)]
    public int Count { get; set; }
}

/// <summary>Counts in <see cref="CounterState"/> on the <c>store</c> grain storage; its reminder reports to the
/// <see cref="TickLog"/>.</summary>
public sealed class CounterGrain(
    [PersistentState("counter", SiloHost.StorageName)] IPersistentState<CounterState> state, TickLog ticks) : Grain, ICounterGrain, IRemindable
{
    public const string ReminderName = "tick";

    public async Task<int> IncrementAsync()
    {
        state.State.Count++;
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Count);

    public async Task StartTickingAsync(TimeSpan period) => await this.RegisterOrUpdateReminder(ReminderName, period, period);

    public async Task StopTickingAsync()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.Record(this.GetPrimaryKeyString(), reminderName);
        return Task.CompletedTask;
    }
}

/// <summary>The reminders that fired, per grain key, for tests to await.</summary>
public sealed class TickLog
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _first = new();

    public void Record(string grainKey, string reminderName) => Fired(grainKey).TrySetResult(reminderName);

    /// <summary>Completes with the reminder's name when the grain's first reminder fires.</summary>
    public Task<string> FirstAsync(string grainKey) => Fired(grainKey).Task;

    private TaskCompletionSource<string> Fired(string grainKey) =>
        _first.GetOrAdd(grainKey, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}
