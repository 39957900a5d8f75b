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
}
