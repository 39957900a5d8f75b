namespace Personnel.Rpc;

/// <summary>Options of a <see cref="GrpcChannel"/>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>
    /// Gets or sets the HTTP handler. Defaults to a SocketsHttpHandler with several HTTP/2 connections
    /// allowed, so long-lived streams never starve unary calls of stream slots.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Gets or sets whether disposing the channel disposes <see cref="HttpHandler"/>. Defaults to true.</summary>
    public bool DisposeHttpHandler { get; set; } = true;

    /// <summary>Gets or sets the largest response message accepted, in bytes. Defaults to 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = Internal.GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Gets or sets the largest request message sent, in bytes; null for no limit. Defaults to null.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Gets or sets the clock deadlines are measured with. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
