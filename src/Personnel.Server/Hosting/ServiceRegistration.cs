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

    public static void MapPersonnelServices(WebApplication app)
    {
        app.MapGrpcService<KeyService>(KeysReflection.Descriptor.Services[0]);
        app.MapGrpcService<EventService>(EventsReflection.Descriptor.Services[0]);
        app.MapGrpcService<RotationService>(RotationReflection.Descriptor.Services[0]);
        app.MapGrpcService<EmployeeService>(EmployeeReflection.Descriptor.Services[0]);
        app.MapGrpcService<GradingService>(GradingReflection.Descriptor.Services[0]);
        app.MapGrpcService<DepartmentService>(DepartmentReflection.Descriptor.Services[0]);
        app.MapGrpcService<PayService>(PayReflection.Descriptor.Services[0]);
    }
}
