using Personnel.Grains.Queries;
using Personnel.Server.Services;

namespace Personnel.Server.Hosting;

/// <summary>Registers and maps the personnel.v1 services.</summary>
internal static class ServiceRegistration
{
    /// <summary>Each service is one singleton: Grpc.AspNetCore's activator takes it from the container, so no call makes
    /// (or disposes) a service of its own. The services ask the grains' side's queries, which read the event store the
    /// composition root registers.</summary>
    public static void AddPersonnelServices(IServiceCollection services)
    {
        services.AddPersonnelQueries();
        services.AddSingleton<KeyService>();
        services.AddSingleton<EventService>();
        services.AddSingleton<RotationService>();
        services.AddSingleton<EmployeeService>();
        services.AddSingleton<GradingService>();
        services.AddSingleton<DepartmentService>();
        services.AddSingleton<PayService>();
    }

    public static void MapPersonnelServices(WebApplication app)
    {
        app.MapGrpcService<KeyService>();
        app.MapGrpcService<EventService>();
        app.MapGrpcService<RotationService>();
        app.MapGrpcService<EmployeeService>();
        app.MapGrpcService<GradingService>();
        app.MapGrpcService<DepartmentService>();
        app.MapGrpcService<PayService>();
    }
}
