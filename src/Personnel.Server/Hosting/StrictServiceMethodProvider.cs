using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Personnel.Server.Hosting;

/// <summary>
/// Binds each gRPC service's methods as Grpc.AspNetCore's own binder does (through the generated <c>BindService</c>), with
/// one difference: a request that is not a valid message of its type is answered INTERNAL ("the request is not a valid
/// personnel.v1.X message"), as the gRPC spec says for a payload that does not parse, instead of UNKNOWN. Nothing of the
/// parser's exception reaches the caller. It takes the place of Grpc.AspNetCore's binder for every service (health and
/// reflection too); JSON transcoding keeps its own.
/// </summary>
internal sealed class StrictServiceMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var bind = BindServiceMethod();
        if (bind is null)
        {
            return;
        }

        bind.Invoke(null, [new Binder(context), null]);
    }

    /// <summary>Replaces Grpc.AspNetCore's binder (registered by <c>AddGrpc</c>) with this one.</summary>
    public static void Replace(IServiceCollection services)
    {
        var defaults = services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>)
            && d.ImplementationType?.Name == "BinderServiceMethodProvider`1").ToList();
        if (defaults.Count != 1)
        {
            throw new InvalidOperationException("Grpc.AspNetCore's service binder was not found: call AddGrpc first (or its registration changed).");
        }

        services.Remove(defaults[0]);
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(StrictServiceMethodProvider<>)));
    }

    /// <summary>The generated static <c>BindService(ServiceBinderBase, TServiceBase)</c> named by the base class's attribute.</summary>
    private static MethodInfo? BindServiceMethod()
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>() is { } attribute)
            {
                return attribute.BindType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    .Single(m => m.Name == attribute.BindMethodName && m.GetParameters() is [{ } first, _] && first.ParameterType == typeof(ServiceBinderBase));
            }
        }

        return null;
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(Strict(method), Metadata(method), Invoker<UnaryServerMethod<TService, TRequest, TResponse>>(method));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(Strict(method), Metadata(method), Invoker<ClientStreamingServerMethod<TService, TRequest, TResponse>>(method));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(Strict(method), Metadata(method), Invoker<ServerStreamingServerMethod<TService, TRequest, TResponse>>(method));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(Strict(method), Metadata(method), Invoker<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method));

        /// <summary>The same method with a request marshaller that turns a parse failure into INTERNAL.</summary>
        private static Method<TRequest, TResponse> Strict<TRequest, TResponse>(Method<TRequest, TResponse> method)
            where TRequest : class
            where TResponse : class
        {
            var inner = method.RequestMarshaller;
            var requestMarshaller = new Marshaller<TRequest>(inner.ContextualSerializer, deserialization =>
            {
                try
                {
                    return inner.ContextualDeserializer(deserialization);
                }
                catch (Exception e) when (e is Google.Protobuf.InvalidProtocolBufferException or InvalidOperationException)
                {
                    throw new RpcException(new Status(StatusCode.Internal, $"The request is not a valid {typeof(TRequest).Name} message of {method.ServiceName}."));
                }
            });
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, requestMarshaller, method.ResponseMarshaller);
        }

        /// <summary>The service's attributes and its method's, as the endpoint metadata Grpc.AspNetCore's binder gives.</summary>
        private static List<object> Metadata(IMethod method)
        {
            var metadata = new List<object>(typeof(TService).GetCustomAttributes(inherit: true));
            if (typeof(TService).GetMethod(method.Name) is { } handler)
            {
                metadata.AddRange(handler.GetCustomAttributes(inherit: true));
            }

            return metadata;
        }

        /// <summary>An open-instance delegate to the service's override of the method (the service comes per call from DI).</summary>
        private static TDelegate Invoker<TDelegate>(IMethod method)
            where TDelegate : Delegate
        {
            var parameters = typeof(TDelegate).GetMethod("Invoke")!.GetParameters().Skip(1).Select(p => p.ParameterType).ToArray();
            var handler = typeof(TService).GetMethod(method.Name, parameters)
                ?? throw new InvalidOperationException($"{typeof(TService).Name} has no method {method.Name}.");
            return (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handler);
        }
    }
}
