using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Personnel.Rpc;

/// <summary>How messages flow in an RPC.</summary>
public enum MethodType
{
    Unary,
    ClientStreaming,
    ServerStreaming,
    DuplexStreaming,
}

/// <summary>One RPC as the client sees it: its path and how to read its responses.</summary>
public sealed class Method<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public Method(MethodType type, string serviceName, string name, MessageParser<TResponse> responseParser)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Type = type;
        ServiceName = serviceName;
        Name = name;
        ResponseParser = responseParser ?? throw new ArgumentNullException(nameof(responseParser));
        FullName = $"/{serviceName}/{name}";
    }

    /// <summary>Gets how messages flow.</summary>
    public MethodType Type { get; }

    /// <summary>Gets the fully-qualified service name, e.g. <c>personnel.v1.Employees</c>.</summary>
    public string ServiceName { get; }

    /// <summary>Gets the method name, e.g. <c>GetEmployee</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the HTTP/2 path, <c>/{ServiceName}/{Name}</c>.</summary>
    public string FullName { get; }

    /// <summary>Gets the parser of response messages.</summary>
    public MessageParser<TResponse> ResponseParser { get; }

    /// <summary>Builds the method from its protobuf descriptor, checking the message types match.</summary>
    public static Method<TRequest, TResponse> FromDescriptor(MethodDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (descriptor.InputType.ClrType != typeof(TRequest) || descriptor.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException(
                $"{descriptor.FullName} takes {descriptor.InputType.ClrType.Name} and returns {descriptor.OutputType.ClrType.Name}, not {typeof(TRequest).Name} and {typeof(TResponse).Name}.",
                nameof(descriptor));
        }

        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        return new Method<TRequest, TResponse>(type, descriptor.Service.FullName, descriptor.Name, (MessageParser<TResponse>)descriptor.OutputType.Parser);
    }
}
