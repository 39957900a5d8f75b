using Personnel.Rpc.Testing;

namespace Personnel.Rpc.Tests.TestService;

/// <summary>A typed client for the test service, written the way personnel clients will be: methods from descriptors.</summary>
public sealed class TestClient(CallInvoker invoker)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = TestServiceReflection.Descriptor.Services[0];

    public static readonly Method<Empty, Empty> EmptyCallMethod = Method<Empty, Empty>.FromDescriptor(Service.FindMethodByName("EmptyCall"));
    public static readonly Method<SimpleRequest, SimpleResponse> UnaryCallMethod = Method<SimpleRequest, SimpleResponse>.FromDescriptor(Service.FindMethodByName("UnaryCall"));
    public static readonly Method<StreamingOutputCallRequest, StreamingOutputCallResponse> StreamingOutputCallMethod =
        Method<StreamingOutputCallRequest, StreamingOutputCallResponse>.FromDescriptor(Service.FindMethodByName("StreamingOutputCall"));
    public static readonly Method<StreamingInputCallRequest, StreamingInputCallResponse> StreamingInputCallMethod =
        Method<StreamingInputCallRequest, StreamingInputCallResponse>.FromDescriptor(Service.FindMethodByName("StreamingInputCall"));
    public static readonly Method<StreamingOutputCallRequest, StreamingOutputCallResponse> FullDuplexCallMethod =
        Method<StreamingOutputCallRequest, StreamingOutputCallResponse>.FromDescriptor(Service.FindMethodByName("FullDuplexCall"));
    public static readonly Method<Empty, Empty> UnimplementedCallMethod = Method<Empty, Empty>.FromDescriptor(Service.FindMethodByName("UnimplementedCall"));
    public static readonly Method<Empty, Empty> UnimplementedServiceMethod =
        Method<Empty, Empty>.FromDescriptor(TestServiceReflection.Descriptor.Services[1].FindMethodByName("UnimplementedCall"));

    public AsyncUnaryCall<Empty> EmptyCall(Empty request, CallOptions options = default) =>
        invoker.AsyncUnaryCall(EmptyCallMethod, options, request);

    public AsyncUnaryCall<SimpleResponse> UnaryCall(SimpleRequest request, CallOptions options = default) =>
        invoker.AsyncUnaryCall(UnaryCallMethod, options, request);

    public AsyncServerStreamingCall<StreamingOutputCallResponse> StreamingOutputCall(StreamingOutputCallRequest request, CallOptions options = default) =>
        invoker.AsyncServerStreamingCall(StreamingOutputCallMethod, options, request);

    public AsyncClientStreamingCall<StreamingInputCallRequest, StreamingInputCallResponse> StreamingInputCall(CallOptions options = default) =>
        invoker.AsyncClientStreamingCall(StreamingInputCallMethod, options);

    public AsyncDuplexStreamingCall<StreamingOutputCallRequest, StreamingOutputCallResponse> FullDuplexCall(CallOptions options = default) =>
        invoker.AsyncDuplexStreamingCall(FullDuplexCallMethod, options);

    public AsyncUnaryCall<Empty> UnimplementedCall(Empty request, CallOptions options = default) =>
        invoker.AsyncUnaryCall(UnimplementedCallMethod, options, request);

    public AsyncUnaryCall<Empty> UnimplementedServiceCall(Empty request, CallOptions options = default) =>
        invoker.AsyncUnaryCall(UnimplementedServiceMethod, options, request);
}
