namespace Personnel.Rpc;

/// <summary>Per-call options of the client.</summary>
/// <param name="Headers">Metadata sent with the request. Defaults to none.</param>
/// <param name="Deadline">The UTC instant the call must end by; sent as <c>grpc-timeout</c>. Defaults to none.</param>
/// <param name="CancellationToken">Cancels the call (the stream is reset; the status is CANCELLED). Defaults to none.</param>
/// <param name="RequestCompression">"gzip" to compress request messages, or null. Defaults to null.</param>
public readonly record struct CallOptions(
    Metadata? Headers = null,
    DateTime? Deadline = null,
    CancellationToken CancellationToken = default,
    string? RequestCompression = null);
