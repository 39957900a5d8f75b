namespace Personnel.Server.Hosting;

/// <summary>Where Orleans keeps its own tables: membership and reminders (and grain state) on the configured database.</summary>
internal static class OrleansStorage
{
    /// <summary>One process on SQLite: localhost clustering; reminders in memory until the AdoNet schema for SQLite lands.</summary>
    public static void UseSqlite(ISiloBuilder silo, StorageOptions storage, int siloPort, int gatewayPort)
    {
        silo.UseLocalhostClustering(siloPort, gatewayPort);
        silo.UseInMemoryReminderService();
    }

    /// <summary>Several processes on one PostgreSQL.</summary>
    public static void UsePostgres(ISiloBuilder silo, StorageOptions storage, int siloPort, int gatewayPort)
    {
        silo.UseLocalhostClustering(siloPort, gatewayPort);
        silo.UseInMemoryReminderService();
    }
}
