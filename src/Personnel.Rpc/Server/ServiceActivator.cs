using Microsoft.Extensions.DependencyInjection;

namespace Personnel.Rpc.Server;

/// <summary>
/// Gives each call its service instance: from the container when the type is registered there,
/// otherwise a new one built by a factory compiled once (and disposed after the call).
/// </summary>
internal sealed class ServiceActivator<TService>
    where TService : class
{
    private readonly bool _fromContainer;
    private readonly ObjectFactory? _factory;

    public ServiceActivator(IServiceProvider rootServices)
    {
        _fromContainer = rootServices.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) == true;
        if (!_fromContainer)
        {
            _factory = ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);
        }
    }

    public TService Create(IServiceProvider requestServices) =>
        _fromContainer ? requestServices.GetRequiredService<TService>() : (TService)_factory!(requestServices, null);

    public ValueTask ReleaseAsync(TService service)
    {
        if (_fromContainer)
        {
            return ValueTask.CompletedTask;
        }

        if (service is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        (service as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }
}
