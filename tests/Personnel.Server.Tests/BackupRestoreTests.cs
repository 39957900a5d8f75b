using Npgsql;
using Personnel.Api.V1;
using Personnel.Tests.Shared;

namespace Personnel.Server.Tests;

/// <summary>
/// docs/operations.md's backup and restore, done as an operator would: an online backup of a running server's database
/// (sqlite3 .backup; pg_dump of the schema), the server stopped, a new one started on the restored copy, and everything
/// acknowledged before the backup answered as before — the key, the employee, the grade, the history.
/// </summary>
public sealed class BackupRestoreTests
{
    private const string AdminToken = "backup-admin-key-0123456789";

    [Fact]
    public async Task An_online_sqlite_backup_restores_into_a_server_that_answers_as_before()
    {
        var directory = Directory.CreateTempSubdirectory("personnel-backup-");
        try
        {
            var live = Path.Combine(directory.FullName, "personnel.db");
            var backup = Path.Combine(directory.FullName, "backup.db");
            var before = await RecordAndReadAsync(["--Storage:ConnectionString", live], async () =>
            {
                var result = await ProcessRunner.RunAsync("sqlite3", [live, $".backup '{backup}'"]);
                Assert.True(result.ExitCode == 0, $"sqlite3 failed ({result.ExitCode}): {result.Out + result.Error} (tests/setup/25-sqlite3.sh installs it)");
            });

            var after = await ReadAsync(["--Storage:ConnectionString", backup]);

            Assert.Equal(before, after);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_pg_dump_of_the_schema_restores_into_another_database_and_answers_as_before()
    {
        var connectionString = Environment.GetEnvironmentVariable("PERSONNEL_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("PERSONNEL_TEST_PG is not set: run ./test.sh (it starts a throwaway PostgreSQL).");
        var bin = Environment.GetEnvironmentVariable("PERSONNEL_TEST_PG_BIN") ?? "/usr/lib/postgresql/15/bin";
        var pg = new NpgsqlConnectionStringBuilder(connectionString);
        var schema = "bk_" + Guid.NewGuid().ToString("N")[..12];
        var database = "restore_" + Guid.NewGuid().ToString("N")[..12];
        var dump = Path.Combine(Path.GetTempPath(), schema + ".dump");
        string[] connection = ["-h", pg.Host!, "-p", pg.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", pg.Username!];
        try
        {
            string[] storage = ["--Storage:Provider", "postgres", "--Storage:ConnectionString", connectionString, "--Storage:Schema", schema];
            var before = await RecordAndReadAsync(storage, async () =>
            {
                var dumped = await ProcessRunner.RunAsync(Path.Combine(bin, "pg_dump"), [.. connection, "-d", pg.Database!, "-n", schema, "-Fc", "-f", dump]);
                Assert.True(dumped.ExitCode == 0, dumped.Out + dumped.Error);
            });
            var created = await ProcessRunner.RunAsync(Path.Combine(bin, "createdb"), [.. connection, database]);
            Assert.True(created.ExitCode == 0, created.Out + created.Error);
            var restored = await ProcessRunner.RunAsync(Path.Combine(bin, "pg_restore"), [.. connection, "-d", database, dump]);
            Assert.True(restored.ExitCode == 0, restored.Out + restored.Error);

            var after = await ReadAsync(["--Storage:Provider", "postgres", "--Storage:ConnectionString", new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString,
                "--Storage:Schema", schema]);

            Assert.Equal(before, after);
        }
        finally
        {
            File.Delete(dump);
            await ProcessRunner.RunAsync(Path.Combine(bin, "dropdb"), [.. connection, "--if-exists", database]);
            await using var admin = new NpgsqlConnection(connectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Records a department, a person and a grade, backs up while the server runs, records one more grade after the
    /// backup (which the restored copy must not have), and returns what a reader saw at the moment of the backup.</summary>
    private static async Task<string> RecordAndReadAsync(string[] storage, Func<Task> backup)
    {
        await using var server = await StartedServer.StartAsync(AdminToken, storage);
        var admin = server.Client;
        await admin.Call<CreateDepartmentRequest, CreateDepartmentResponse>(new CreateDepartmentRequest
        {
            RequestId = "bk-dept", DepartmentId = "bk", Name = "Backup unit", Kind = DepartmentKind.ZoneDepartment, CreatedOn = Build.Date("2019-01-01"),
        });
        await admin.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("bk-1", "bk", "2024-01-02", Post.Staff));
        await admin.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("bk-1", 2024, 1, QuarterlyGrade.FairlyGood));
        var seen = await DescribeAsync(admin);
        await backup();
        await admin.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("bk-1", 2024, 2, QuarterlyGrade.Average));
        return seen;
    }

    private static async Task<string> ReadAsync(string[] storage)
    {
        await using var server = await StartedServer.StartAsync(AdminToken, storage);
        return await DescribeAsync(server.Client);
    }

    private static async Task<string> DescribeAsync(Client admin)
    {
        var level = await admin.Call<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "bk-1", AsOf = Build.Date("2024-06-01") });
        var grades = await admin.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = "bk-1" });
        var history = await admin.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = "bk-1" });
        var keys = await admin.Call<ListApiKeysRequest, ListApiKeysResponse>(new ListApiKeysRequest());
        return $"{level.PostLevel}|{string.Join(",", grades.Quarterly.Select(g => $"{g.Year}Q{g.Quarter}={g.Grade}"))}|"
            + $"{string.Join(",", history.Entries.Select(e => $"{e.Version}:{e.Type}"))}|{string.Join(",", keys.Keys.Select(k => k.KeyId))}";
    }
}
