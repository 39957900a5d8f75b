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
        services.AddSingleton<EmployeeService>();
        services.AddSingleton<GradingService>();
        services.AddSingleton<DepartmentService>();
        services.AddSingleton<PayFactsReader>();
        services.AddSingleton<PayService>();
    }

    /// <summary>Maps each service to its one (singleton) instance: no call opens a DI scope to find its service.</summary>
    public static void MapPersonnelServices(WebApplication app)
    {
        Map<KeyService>(app, KeysReflection.Descriptor);
        Map<EventService>(app, EventsReflection.Descriptor);
        Map<RotationService>(app, RotationReflection.Descriptor);
        Map<EmployeeService>(app, EmployeeReflection.Descriptor);
        Map<GradingService>(app, GradingReflection.Descriptor);
        Map<DepartmentService>(app, DepartmentReflection.Descriptor);
        Map<PayService>(app, PayReflection.Descriptor);
    }

    private static void Map<TService>(WebApplication app, Google.Protobuf.Reflection.FileDescriptor file)
        where TService : class =>
        app.MapGrpcService(file.Services[0], app.Services.GetRequiredService<TService>());
}
