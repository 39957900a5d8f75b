using Npgsql;

namespace Personnel.Storage.Tests;

/// <summary>
/// The throwaway PostgreSQL that tests/setup/20-postgres.sh starts (./test.sh sources it). Each test
/// gets its own schema, dropped afterwards.
/// </summary>
internal static class PostgresTestDatabase
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("PERSONNEL_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "PERSONNEL_TEST_PG is not set, so the PostgreSQL half of the storage suite cannot run. "
                + "Run ./test.sh (it starts a throwaway PostgreSQL), or `source tests/setup/20-postgres.sh` "
                + "from a shell that defines apt_install and on_exit, then run dotnet test again.");

    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..20];

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
