using Microsoft.Data.Sqlite;
using Personnel.Api.V1;

namespace Personnel.Server.Tests;

/// <summary>The departments' register (DepartmentService.ListDepartments): written with each department's creation, and
/// once at start-up for a database older than it (schema 0003 leaves the marker then).</summary>
public sealed class ListDepartmentsTests
{
    private const string AdminToken = "list-departments-admin-0123456789";

    [Fact]
    public async Task Departments_are_listed_in_id_order_page_by_page_and_a_database_older_than_the_list_gets_it_at_start_up()
    {
        var directory = Directory.CreateTempSubdirectory("personnel-departments-");
        var database = Path.Combine(directory.FullName, "personnel.db");
        try
        {
            await using (var first = await StartedServer.StartAsync(AdminToken, "--Storage:ConnectionString", database))
            {
                foreach (var (id, kind) in new[] { ("d-c", DepartmentKind.JudicialOffice), ("d-a", DepartmentKind.ZoneDepartment), ("d-b", DepartmentKind.ZoneDepartment) })
                {
                    await first.Client.Call<CreateDepartmentRequest, CreateDepartmentResponse>(new CreateDepartmentRequest
                    {
                        RequestId = "create-" + id, DepartmentId = id, Name = "Unit " + id, Kind = kind, CreatedOn = Build.Date("2019-03-01"),
                    });
                }

                var page1 = await first.Client.Call<ListDepartmentsRequest, ListDepartmentsResponse>(new ListDepartmentsRequest { PageSize = 2 });
                var page2 = await first.Client.Call<ListDepartmentsRequest, ListDepartmentsResponse>(new ListDepartmentsRequest { PageSize = 2, PageToken = page1.NextPageToken });

                Assert.Equal(["d-a", "d-b"], page1.Departments.Select(d => d.DepartmentId));
                Assert.Equal(["d-c"], page2.Departments.Select(d => d.DepartmentId));
                Assert.Empty(page2.NextPageToken);
                Assert.Equal(("Unit d-c", DepartmentKind.JudicialOffice, 2019), (page2.Departments[0].Name, page2.Departments[0].Kind, page2.Departments[0].CreatedOn.Year));
            }

            // As a database from before the register: no documents, and the marker migration 0003 leaves when it finds departments.
            await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var older = connection.CreateCommand();
                older.CommandText = "DELETE FROM read_model WHERE kind = 'department'; INSERT INTO read_model (kind, key, json) VALUES ('maintenance', 'department-list-rebuild', '{}');";
                await older.ExecuteNonQueryAsync();
            }

            SqliteConnection.ClearAllPools();
            await using var second = await StartedServer.StartAsync(AdminToken, "--Storage:ConnectionString", database);
            var rebuilt = await second.Client.Call<ListDepartmentsRequest, ListDepartmentsResponse>(new ListDepartmentsRequest());

            Assert.Equal(["d-a", "d-b", "d-c"], rebuilt.Departments.Select(d => d.DepartmentId));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
