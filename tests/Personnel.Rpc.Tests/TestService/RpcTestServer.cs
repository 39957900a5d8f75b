using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Personnel.Rpc.Testing;

namespace Personnel.Rpc.Tests.TestService;

/// <summary>
/// A real Kestrel server on loopback serving the test service, health and reflection: one endpoint
/// speaking HTTP/2 only (h2c with prior knowledge, as gRPC clients do), one speaking HTTP/1.1 only.
/// </summary>
public sealed class RpcTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RpcTestServer(WebApplication app, Uri address, Uri http1Address)
    {
        _app = app;
        Address = address;
        Http1Address = http1Address;
    }

    public Uri Address { get; }

    public Uri Http1Address { get; }

    public IServiceProvider Services => _app.Services;

    public CallObserver Observer => _app.Services.GetRequiredService<CallObserver>();

    public static async Task<RpcTestServer> StartAsync(
        Action<RpcServerOptions>? configure = null,
        Action<IEndpointRouteBuilder>? mapMore = null,
        TimeSpan? shutdownTimeout = null,
        Action<WebApplicationBuilder>? configureBuilder = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        configureBuilder?.Invoke(builder);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout ?? TimeSpan.FromSeconds(5));
        builder.Services.AddPersonnelRpc(configure);
        builder.Services.AddSingleton<CallObserver>();
        var app = builder.Build();
        app.MapGrpcService<TestServiceImpl>(TestServiceReflection.Descriptor.Services[0]);
        mapMore?.Invoke(app);
        app.MapGrpcHealthService();
        app.MapGrpcReflectionService();
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.ToList();
        return new RpcTestServer(app, new Uri(addresses[0]), new Uri(addresses[1]));
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One server shared by the tests of a class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private RpcTestServer? _server;

    public RpcTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await RpcTestServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
