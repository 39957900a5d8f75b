using Personnel.Api.V1;
using Personnel.Rpc;
using Personnel.Server.Services;

namespace Personnel.Server.Hosting;

/// <summary>Registers and maps the personnel.v1 services.</summary>
internal static class ServiceRegistration
{
    public static void AddPersonnelServices(IServiceCollection services)
    {
        services.AddSingleton<KeyService>();
        services.AddSingleton<EventService>();
        services.AddSingleton<RotationService>();
    }

    public static void MapPersonnelServices(WebApplication app)
    {
        app.MapGrpcService<KeyService>(KeysReflection.Descriptor.Services[0]);
        app.MapGrpcService<EventService>(EventsReflection.Descriptor.Services[0]);
        app.MapGrpcService<RotationService>(RotationReflection.Descriptor.Services[0]);
    }
}
