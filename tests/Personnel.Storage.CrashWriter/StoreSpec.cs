using Personnel.Storage.Postgres;
using Personnel.Storage.Sqlite;

namespace Personnel.Storage.CrashWriter;

/// <summary>Which database a writer process opens: "sqlite:&lt;path&gt;" or "pg:&lt;schema&gt;:&lt;connection string&gt;".</summary>
public static class StoreSpec
{
    public static string Sqlite(string path) => "sqlite:" + path;

    public static string Postgres(string schema, string connectionString) => $"pg:{schema}:{connectionString}";

    public static async Task<IEventStore> OpenAsync(string spec, string nodeId)
    {
        if (spec.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            return await SqliteEventStore.OpenAsync(spec["sqlite:".Length..], new EventStoreOptions { NodeId = nodeId });
        }

        if (spec.StartsWith("pg:", StringComparison.Ordinal))
        {
            var rest = spec["pg:".Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            return await PostgresEventStore.OpenAsync(rest[(colon + 1)..], new PostgresEventStoreOptions { Schema = rest[..colon], NodeId = nodeId });
        }

        throw new ArgumentException($"Store spec '{spec}' is neither sqlite:<path> nor pg:<schema>:<connection string>.");
    }
}
