namespace Personnel.Rpc;

/// <summary>Options of the gRPC server layer, set through <c>AddPersonnelRpc</c>.</summary>
public sealed class RpcServerOptions
{
    /// <summary>Gets or sets the largest request message accepted, in bytes (after decompression). Defaults to 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = Internal.GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Gets or sets the largest response message sent, in bytes; null for no limit. Defaults to null.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// Gets or sets the largest total size of request metadata (header names and values, in bytes) a call may
    /// carry before it is refused with RESOURCE_EXHAUSTED. Defaults to 8 KiB, the C core's default.
    /// </summary>
    public int MaxReceiveMetadataSize { get; set; } = 8 * 1024;

    /// <summary>Gets or sets the encoding of response messages when the client accepts it ("gzip" or null). Defaults to null.</summary>
    public string? ResponseCompression { get; set; }
}
