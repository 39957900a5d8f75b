using System.Diagnostics.CodeAnalysis;

namespace Personnel.Grains.Runtime;

/// <summary>
/// Marker for a grain interface. Every method returns <see cref="Task"/> or <see cref="Task{TResult}"/>
/// and takes a <see cref="CancellationToken"/> last: a call is an asynchronous turn on the activation.
/// </summary>
public interface IGrain
{
}

/// <summary>A grain identified by a string key (an employee number, a department code).</summary>
public interface IGrainWithStringKey : IGrain
{
}

/// <summary>Hands out references to grains; the grain is activated on its first call.</summary>
public interface IGrainFactory
{
    /// <summary>
    /// Gets a reference to the grain of interface <typeparamref name="TGrainInterface"/> with key
    /// <paramref name="key"/>. Cheap: nothing is activated until a method is called.
    /// </summary>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>
    /// Reads the view of type <typeparamref name="TView"/> that the live activation of the grain published (see
    /// <see cref="Grain.PublishView"/>), on the caller's thread and without a turn: the state the grain last loaded or
    /// committed. False when there is none to read (not active, stale, nothing published): then call the grain.
    /// </summary>
    bool TryReadView<TGrainInterface, TView>(string key, [NotNullWhen(true)] out TView? view)
        where TGrainInterface : IGrainWithStringKey
        where TView : class;
}
