using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.Logging;

namespace Personnel.Rpc.Server;

/// <summary>
/// Binds the RPCs of a protobuf <see cref="ServiceDescriptor"/> to the public methods of a service type,
/// once at start-up: each method is found by name, its signature checked against the RPC's kind, and a
/// typed delegate compiled, so no call ever reflects.
/// </summary>
internal static class ServiceBinder
{
    public static IReadOnlyList<(MethodDescriptor Method, string Path, Func<Microsoft.AspNetCore.Http.HttpContext, Task> Handler)> Bind<TService>(
        ServiceDescriptor service, IServiceProvider rootServices, RpcServerOptions options, TimeProvider timeProvider, ILogger logger,
        TService? instance = null)
        where TService : class
    {
        var activator = new ServiceActivator<TService>(rootServices, instance);
        var bindings = new List<(MethodDescriptor, string, Func<Microsoft.AspNetCore.Http.HttpContext, Task>)>();
        foreach (var method in service.Methods)
        {
            var path = $"/{service.FullName}/{method.Name}";
            var candidates = typeof(TService)
                .GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name == method.Name)
                .ToList();
            if (candidates.Count == 0)
            {
                RpcServerLog.MethodNotImplemented(logger, service.FullName, method.Name);
                var unimplemented = new UnimplementedMethodHandler($"Method {method.Name} of {service.FullName} is unimplemented.", logger);
                bindings.Add((method, path, unimplemented.HandleCallAsync));
                continue;
            }

            if (candidates.Count > 1)
            {
                throw new InvalidOperationException(
                    $"{typeof(TService).FullName} has {candidates.Count} public methods named {method.Name}; an RPC binds to exactly one.");
            }

            var handler = CreateHandler<TService>(method, candidates[0], path, activator, options, timeProvider, logger);
            bindings.Add((method, path, handler.HandleCallAsync));
        }

        return bindings;
    }

    private static ServerMethodHandler CreateHandler<TService>(
        MethodDescriptor method, MethodInfo target, string path, ServiceActivator<TService> activator,
        RpcServerOptions options, TimeProvider timeProvider, ILogger logger)
        where TService : class
    {
        var request = method.InputType.ClrType;
        var response = method.OutputType.ClrType;
        var (kind, expected) = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => ("unary", $"Task<{response.Name}> {method.Name}({request.Name} request, ServerCallContext context)"),
            (false, true) => ("server-streaming", $"Task {method.Name}({request.Name} request, IServerStreamWriter<{response.Name}> responseStream, ServerCallContext context)"),
            (true, false) => ("client-streaming", $"Task<{response.Name}> {method.Name}(IAsyncStreamReader<{request.Name}> requestStream, ServerCallContext context)"),
            (true, true) => ("bidirectional-streaming", $"Task {method.Name}(IAsyncStreamReader<{request.Name}> requestStream, IServerStreamWriter<{response.Name}> responseStream, ServerCallContext context)"),
        };
        var handlerOpenType = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => typeof(UnaryMethodHandler<,,>),
            (false, true) => typeof(ServerStreamingMethodHandler<,,>),
            (true, false) => typeof(ClientStreamingMethodHandler<,,>),
            (true, true) => typeof(DuplexStreamingMethodHandler<,,>),
        };
        var handlerType = handlerOpenType.MakeGenericType(typeof(TService), request, response);

        // The handler's constructor names the delegate type it needs; the method must match it exactly.
        var delegateType = handlerType.GetConstructors()[0].GetParameters()[1].ParameterType;
        Delegate invoker;
        try
        {
            invoker = target.CreateDelegate(delegateType);
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException(
                $"{typeof(TService).FullName}.{method.Name} does not match the {kind} RPC {method.FullName}; expected public {expected}.");
        }

        var parser = (MessageParser)request.GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var setupType = typeof(HandlerSetup<,>).MakeGenericType(typeof(TService), request);
        var setup = System.Activator.CreateInstance(setupType, path, activator, parser, options, timeProvider, logger)!;
        return (ServerMethodHandler)System.Activator.CreateInstance(handlerType, setup, invoker)!;
    }
}
