using Npgsql;

namespace Personnel.Cluster.Tests.Harness;

/// <summary>The one PostgreSQL database every node of a cluster shares, in a schema of its own (also the cluster's id).</summary>
internal sealed record ClusterStorage(string ConnectionString, string Schema)
{
    /// <summary>A fresh schema on the throwaway PostgreSQL that tests/setup/20-postgres.sh starts (PERSONNEL_TEST_PG).</summary>
    public static ClusterStorage NewSchema(string prefix) => new(
        Environment.GetEnvironmentVariable("PERSONNEL_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "PERSONNEL_TEST_PG is not set, so the cluster cannot run: run ./test.sh (it starts a throwaway PostgreSQL), "
                + "or set PERSONNEL_TEST_PG to an Npgsql connection string."),
        prefix + Guid.NewGuid().ToString("N")[..16]);

    /// <summary>Drops the schema and everything the nodes wrote in it.</summary>
    public async Task DropAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
