namespace Personnel.Rpc;

/// <summary>A stream of messages read one at a time: the requests of a client-streaming call, or the responses of a server-streaming call.</summary>
public interface IAsyncStreamReader<out T>
{
    /// <summary>Gets the message read by the last successful <see cref="MoveNext"/>.</summary>
    T Current { get; }

    /// <summary>Reads the next message; false at the end of the stream.</summary>
    Task<bool> MoveNext(CancellationToken cancellationToken = default);
}

/// <summary>Writes a stream of messages.</summary>
public interface IAsyncStreamWriter<in T>
{
    /// <summary>Writes one message; only one write may be pending at a time.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}

/// <summary>The response stream of a server-streaming call, written by the server handler.</summary>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
{
}

/// <summary>The request stream of a client-streaming call, written by the client.</summary>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Ends the request stream (half-close): the server sees the end of its request messages.</summary>
    Task CompleteAsync();
}

/// <summary>Helpers over <see cref="IAsyncStreamReader{T}"/>.</summary>
public static class AsyncStreamReaderExtensions
{
    /// <summary>Reads every remaining message as an async sequence.</summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        this IAsyncStreamReader<T> reader,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (await reader.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.Current;
        }
    }
}
