namespace Personnel.Rpc;

/// <summary>
/// A connection to a gRPC server over HttpClient's HTTP/2: prior knowledge for http:// addresses, ALPN for
/// https://. Thread-safe; make one per server and share it.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly HttpMessageInvoker _invoker;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        var handler = options.HttpHandler ?? new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        };
        _invoker = new HttpMessageInvoker(handler, options.HttpHandler is null || options.DisposeHttpHandler);
    }

    /// <summary>Gets the server's base address.</summary>
    public Uri Address { get; }

    internal GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker HttpInvoker => _invoker;

    /// <summary>Creates a channel to <paramref name="address"/>, e.g. <c>http://127.0.0.1:5000</c>.</summary>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) =>
        ForAddress(new Uri(address), options);

    /// <inheritdoc cref="ForAddress(string, GrpcChannelOptions?)"/>
    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Address '{address}' must be http:// or https://.", nameof(address));
        }

        return new GrpcChannel(address, options ?? new GrpcChannelOptions());
    }

    /// <summary>Creates the invoker typed clients call through.</summary>
    public CallInvoker CreateCallInvoker() => new Client.HttpCallInvoker(this);

    public void Dispose() => _invoker.Dispose();
}
