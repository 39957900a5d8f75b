using Personnel.Grains;
using Personnel.Storage.Orleans;

namespace Personnel.Server.Hosting;

/// <summary>
/// Where Orleans keeps its own tables (Storage/Sql/Orleans, applied at start-up beside the event store): reminders and
/// grain state always on the configured database; membership there too with PostgreSQL, where several processes form
/// one cluster. A SQLite file serves one process, which is its own cluster (localhost clustering).
/// </summary>
internal static class OrleansStorage
{
    public static void Use(ISiloBuilder silo, OrleansDatabase database, bool postgres, int siloPort, int gatewayPort)
    {
        if (postgres)
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = database.Invariant;
                o.ConnectionString = database.ConnectionString;
            });
        }
        else
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
        }

        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = database.Invariant;
            o.ConnectionString = database.ConnectionString;
        });
        silo.AddAdoNetGrainStorage(GrainProviders.State, o =>
        {
            o.Invariant = database.Invariant;
            o.ConnectionString = database.ConnectionString;
        });
    }
}
