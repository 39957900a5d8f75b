using Microsoft.Extensions.DependencyInjection;

namespace Personnel.Rpc.Server;

/// <summary>
/// Gives each call its service instance: the one instance the service was mapped with; else from the container when
/// the type is registered there, otherwise a new one built by a factory compiled once (and disposed after the call). A
/// mapped instance or a type with a parameterless constructor is had without touching RequestServices, which would
/// open a DI scope.
/// </summary>
internal sealed class ServiceActivator<TService>
    where TService : class
{
    private readonly bool _fromContainer;
    private readonly ObjectFactory? _factory;
    private readonly Func<TService>? _new;
    private readonly TService? _instance;

    public ServiceActivator(IServiceProvider rootServices, TService? instance = null)
    {
        if (instance is not null)
        {
            _instance = instance;
            return;
        }

        _fromContainer = rootServices.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) == true;
        if (_fromContainer)
        {
            return;
        }

        var constructors = typeof(TService).GetConstructors();
        if (constructors.Length == 1 && constructors[0].GetParameters().Length == 0)
        {
            _new = System.Linq.Expressions.Expression.Lambda<Func<TService>>(
                System.Linq.Expressions.Expression.New(constructors[0])).Compile();
        }
        else
        {
            _factory = ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);
        }
    }

    public TService Create(Microsoft.AspNetCore.Http.HttpContext http) =>
        _instance ?? (_new is not null ? _new()
        : _fromContainer ? http.RequestServices.GetRequiredService<TService>()
        : (TService)_factory!(http.RequestServices, null));

    public ValueTask ReleaseAsync(TService service)
    {
        if (_fromContainer || _instance is not null)
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
