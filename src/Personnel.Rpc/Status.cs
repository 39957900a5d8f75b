namespace Personnel.Rpc;

/// <summary>The outcome of a call: a status code and a human-readable detail.</summary>
/// <param name="StatusCode">The canonical code.</param>
/// <param name="Detail">The detail sent as <c>grpc-message</c>; empty when there is none.</param>
public readonly record struct Status(StatusCode StatusCode, string Detail)
{
    /// <summary>The status of a call that succeeded.</summary>
    public static readonly Status DefaultSuccess = new(StatusCode.OK, string.Empty);

    /// <summary>The status of a call the client cancelled.</summary>
    public static readonly Status DefaultCancelled = new(StatusCode.Cancelled, string.Empty);

    public override string ToString() => $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")";
}
