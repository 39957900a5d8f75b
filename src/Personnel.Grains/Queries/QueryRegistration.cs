using Microsoft.Extensions.DependencyInjection;

namespace Personnel.Grains.Queries;

/// <summary>Registers the grains' side's query interfaces, each a singleton over the <see cref="Storage.IEventStore"/> in the container.</summary>
public static class QueryRegistration
{
    /// <summary>Adds <see cref="IEmployeeDirectory"/>, <see cref="IDepartmentDirectory"/>, <see cref="IRotationDueQuery"/>,
    /// <see cref="IEmployeeJournal"/>, <see cref="IEventFeed"/>, <see cref="IPayFacts"/> and <see cref="IApiKeyStore"/>. The
    /// container must hold the event store and the policy profile; the store may be opened after the container is built, as
    /// long as no query is resolved before.</summary>
    public static IServiceCollection AddPersonnelQueries(this IServiceCollection services)
    {
        services.AddSingleton<IEmployeeDirectory, EmployeeDirectory>();
        services.AddSingleton<IDepartmentDirectory, DepartmentDirectory>();
        services.AddSingleton<IRotationDueQuery, RotationDueQuery>();
        services.AddSingleton<IEmployeeJournal, EmployeeJournal>();
        services.AddSingleton<IEventFeed, EventFeed>();
        services.AddSingleton<IPayFacts, PayFactsReader>();
        services.AddSingleton<IApiKeyStore, ApiKeyStore>();
        return services;
    }
}
