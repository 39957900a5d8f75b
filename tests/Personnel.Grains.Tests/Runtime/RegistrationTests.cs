using Personnel.Grains.Runtime;

namespace Personnel.Grains.Tests.Runtime;

public interface ISynchronousGrain : IGrainWithStringKey
{
    int Count(CancellationToken cancellationToken);
}

public interface IUncancellableGrain : IGrainWithStringKey
{
    Task<int> CountAsync();
}

public sealed class SynchronousGrain : Grain, ISynchronousGrain
{
    public int Count(CancellationToken cancellationToken) => 0;
}

public sealed class UncancellableGrain : Grain, IUncancellableGrain
{
    public Task<int> CountAsync() => Task.FromResult(0);
}

public sealed class RegistrationTests
{
    [Fact]
    public async Task A_grain_interface_with_a_synchronous_method_is_refused_naming_the_method()
    {
        await using var runtime = new GrainRuntime(timeProvider: new FakeTimeProvider());

        var error = Assert.Throws<ArgumentException>(() => runtime.AddGrain<ISynchronousGrain, SynchronousGrain>(() => new()));

        Assert.Contains("ISynchronousGrain.Count returns Int32", error.Message);
    }

    [Fact]
    public async Task A_grain_method_without_a_cancellation_token_is_refused_naming_the_method()
    {
        await using var runtime = new GrainRuntime(timeProvider: new FakeTimeProvider());

        var error = Assert.Throws<ArgumentException>(() => runtime.AddGrain<IUncancellableGrain, UncancellableGrain>(() => new()));

        Assert.Contains("IUncancellableGrain.CountAsync must take a CancellationToken", error.Message);
    }

    [Fact]
    public async Task Registering_the_same_grain_type_twice_is_refused()
    {
        await using var fixture = new RuntimeFixture();

        var error = Assert.Throws<InvalidOperationException>(
            () => fixture.Runtime.AddGrain<IRelayGrain, RelayGrain>(() => new(), "Counter"));

        Assert.Contains("'Counter' is already registered", error.Message);
    }

    [Fact]
    public async Task Getting_an_unregistered_grain_interface_is_refused()
    {
        await using var runtime = new GrainRuntime(timeProvider: new FakeTimeProvider());

        var error = Assert.Throws<InvalidOperationException>(() => runtime.GetGrain<ICounterGrain>("e1"));

        Assert.Contains("No grain class is registered for ICounterGrain", error.Message);
    }

    [Fact]
    public async Task An_empty_grain_key_is_refused()
    {
        await using var fixture = new RuntimeFixture();

        var error = Assert.Throws<ArgumentException>(() => fixture.Runtime.GetGrain<ICounterGrain>(""));

        Assert.Contains("ICounterGrain grain key must not be empty", error.Message);
    }
}
