using FsCheck;
using FsCheck.Fluent;
using Personnel.Grains.Runtime;

namespace Personnel.Grains.Tests.Runtime;

/// <summary>
/// Random schedules of calls, bursts of concurrent calls, clock moves, sweeps and writes made by
/// another node, checked step by step against a model of what a virtual-actor runtime must do.
/// </summary>
public sealed class GrainRuntimePropertyTests
{
    private static readonly TimeSpan _idleTimeout = TimeSpan.FromMinutes(10);
    private static readonly string[] _keys = ["a", "b", "c"];

    [Fact]
    public void Any_schedule_keeps_state_exact_one_turn_at_a_time_and_collects_exactly_the_idle_activations()
    {
        var steps = Gen.Frequency(
            (4, Gen.Zip(Gen.Elements(_keys), Gen.Choose(1, 5), (key, amount) => (Step)new Call(key, amount))),
            (2, Gen.Zip(Gen.Elements(_keys), Gen.Choose(2, 30), (key, count) => (Step)new Burst(key, count))),
            (3, Gen.Choose(0, 12).Select(minutes => (Step)new Advance(minutes))),
            (2, Gen.Constant((Step)new Collect())),
            (1, Gen.Zip(Gen.Elements(_keys), Gen.Choose(1, 100), (key, delta) => (Step)new WriteElsewhere(key, delta))));
        var schedules = Gen.ListOf(steps).Select(list => list.ToArray()).ToArbitrary();

        // Off the test thread: the runtime's continuations must not queue behind a blocked test context.
        var property = Prop.ForAll(schedules, schedule => Task.Run(() => RunAsync(schedule)).GetAwaiter().GetResult());

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
    }

    private static async Task RunAsync(Step[] schedule)
    {
        // The timer is kept out of the way (a day's period): the schedule sweeps explicitly.
        await using var fixture = new RuntimeFixture(new GrainRuntimeOptions
        {
            IdleTimeout = _idleTimeout,
            CollectionPeriod = TimeSpan.FromDays(1),
        });
        var model = new Model();

        foreach (var step in schedule)
        {
            switch (step)
            {
                case Call(var key, var amount):
                    Assert.Equal(model.Add(key, amount, 1), await fixture.Counter(key).AddAsync(amount, default));
                    break;
                case Burst(var key, var count):
                    var grain = fixture.Counter(key);
                    var results = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => grain.AddAsync(1, default)));
                    var expected = model.Add(key, 1, count);
                    Assert.Equal(Enumerable.Range(expected - count + 1, count), results.Order());
                    break;
                case Advance(var minutes):
                    fixture.Clock.Advance(TimeSpan.FromMinutes(minutes));
                    model.Now += TimeSpan.FromMinutes(minutes);
                    break;
                case Collect:
                    Assert.Equal(model.Collect(), await fixture.Runtime.CollectIdleAsync());
                    break;
                case WriteElsewhere(var key, var delta):
                    var current = fixture.Store.Read(key);
                    fixture.Store.WriteExternally(key, current with { Value = current.Value + delta });
                    Assert.Equal(model.WriteElsewhere(key, delta), fixture.Runtime.Invalidate("Counter", key));
                    break;
            }

            Assert.Equal(model.ActiveCount, fixture.Runtime.ActiveActivationCount);
            Assert.All(_keys, key => Assert.Equal(model.Activations(key), fixture.Probe.ActivationsOf(key)));
        }

        Assert.True(fixture.Probe.MaxInside <= 1);
        Assert.Equal(0, fixture.Probe.Interleavings);
        Assert.Equal(0, fixture.Probe.CallsOnDeactivated);
        Assert.True(fixture.Probe.MaxLivePerKey <= 1);
    }

    private abstract record Step;

    private sealed record Call(string Key, int Amount) : Step;

    private sealed record Burst(string Key, int Count) : Step;

    private sealed record Advance(int Minutes) : Step;

    private sealed record Collect : Step;

    private sealed record WriteElsewhere(string Key, int Delta) : Step;

    /// <summary>What the runtime must show: stored values, live activations, when each was last used.</summary>
    private sealed class Model
    {
        private readonly Dictionary<string, int> _values = [];
        private readonly Dictionary<string, TimeSpan> _lastCall = [];
        private readonly HashSet<string> _stale = [];
        private readonly Dictionary<string, int> _activations = [];

        public TimeSpan Now { get; set; }

        public int ActiveCount => _lastCall.Count;

        public int Activations(string key) => _activations.GetValueOrDefault(key);

        /// <summary>Applies <paramref name="count"/> calls adding <paramref name="amount"/>; returns the final value.</summary>
        public int Add(string key, int amount, int count)
        {
            if (!_lastCall.ContainsKey(key) || _stale.Remove(key))
            {
                _activations[key] = Activations(key) + 1;
            }

            _lastCall[key] = Now;
            return _values[key] = _values.GetValueOrDefault(key) + (amount * count);
        }

        public int Collect()
        {
            var idle = _lastCall.Where(entry => Now - entry.Value >= _idleTimeout).Select(entry => entry.Key).ToList();
            foreach (var key in idle)
            {
                _lastCall.Remove(key);
                _stale.Remove(key);
            }

            return idle.Count;
        }

        /// <summary>Another node changed the state; returns whether a live activation was marked stale.</summary>
        public bool WriteElsewhere(string key, int delta)
        {
            _values[key] = _values.GetValueOrDefault(key) + delta;
            if (!_lastCall.ContainsKey(key))
            {
                return false;
            }

            _stale.Add(key);
            return true;
        }
    }
}
