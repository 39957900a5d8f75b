using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Server.Tests;

/// <summary>A department's quarter at the Good quota (AS 第八条), one RPC at a time and through the import.</summary>
public sealed class DepartmentQuarterTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AS8_the_fifth_good_of_ten_is_refused_naming_cap_and_count_and_the_quota_reads_four_of_four()
    {
        await server.DepartmentAsync("audit");
        var hr = server.As(await server.KeyAsync(Role.Hr, "audit"));
        var staff = await AppointAsync(hr, "audit", "au", 10);

        for (var i = 0; i < 4; i++)
        {
            var granted = await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly(staff[i], 2024, 1, QuarterlyGrade.Good));
            Assert.Equal((i + 1, 4, 10), (granted.GoodQuota.Granted, granted.GoodQuota.Cap, granted.GoodQuota.Eligible));
        }

        var position = await server.Store.GetLastPositionAsync();
        var refused = await hr.Refused<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly(staff[4], 2024, 1, QuarterlyGrade.Good));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("AS 第八条", refused.Status.Detail);
        Assert.Contains("cap 4", refused.Status.Detail);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
        var quotas = await hr.Call<GetQuotasRequest, GetQuotasResponse>(new GetQuotasRequest { DepartmentId = "audit", Year = 2024 });
        var q1 = Assert.Single(quotas.Good, q => q.Quarter == 1);
        Assert.Equal((4, 4, 10), (q1.Granted, q1.Cap, q1.Eligible));
    }

    [Fact]
    public async Task AS8_an_import_records_valid_rows_reports_invalid_ones_and_a_rerun_records_nothing_twice()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "census"));
        var staff = await AppointAsync(hr, "census", "ce", 5);
        // Cap floor(0.4 × 5) = 2: rows 1–2 Good, row 3 a third Good (refused), row 4 quarter 5 (malformed), row 5 Average.
        var rows = new List<ImportQuarterlyGradeRow>
        {
            Row(1, Build.Quarterly(staff[0], 2024, 2, QuarterlyGrade.Good)),
            Row(2, Build.Quarterly(staff[1], 2024, 2, QuarterlyGrade.Good)),
            Row(3, Build.Quarterly(staff[2], 2024, 2, QuarterlyGrade.Good)),
            Row(4, Build.Quarterly(staff[3], 2024, 5, QuarterlyGrade.Average, on: "2024-06-30")),
            Row(5, Build.Quarterly(staff[4], 2024, 2, QuarterlyGrade.Average)),
        };

        var first = await hr.Import(rows);
        var position = await server.Store.GetLastPositionAsync();
        var second = await hr.Import(rows);

        Assert.Equal((3, 0, 2), (first.Recorded, first.AlreadyRecorded, first.Rejected));
        Assert.Equal([1, 2, 3, 4, 5], first.Results.Select(r => r.RowNumber));
        Assert.Equal(("FAILED_PRECONDITION", "INVALID_ARGUMENT"), (first.Results[2].ErrorCode, first.Results[3].ErrorCode));
        Assert.Contains("AS 第八条", first.Results[2].ErrorMessage);
        Assert.Contains("quarter 5", first.Results[3].ErrorMessage);
        Assert.Equal((0, 3, 2), (second.Recorded, second.AlreadyRecorded, second.Rejected));
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
        var grades = await hr.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = staff[2] });
        Assert.Empty(grades.Quarterly);
    }

    [Fact]
    public async Task AS8_an_import_takes_one_employees_rows_in_file_order_so_the_first_grade_of_a_quarter_is_the_one_recorded()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "ledger"));
        var staff = await AppointAsync(hr, "ledger", "lg", 6);
        // Each person twice for 2024Q2: Average first, then Poor; rows of different people interleave.
        var rows = staff.Select((id, i) => Row((2 * i) + 1, Build.Quarterly(id, 2024, 2, QuarterlyGrade.Average)))
            .Concat(staff.Select((id, i) => Row((2 * i) + 2, Build.Quarterly(id, 2024, 2, QuarterlyGrade.Poor))))
            .OrderBy(r => r.RowNumber % 2 == 0).ThenBy(r => r.RowNumber)
            .ToList();

        var report = await hr.Import(rows);

        Assert.Equal((6, 0, 6), (report.Recorded, report.AlreadyRecorded, report.Rejected));
        Assert.All(report.Results, r => Assert.Equal(r.RowNumber % 2 == 0 ? "ALREADY_EXISTS" : string.Empty, r.ErrorCode));
        foreach (var id in staff)
        {
            var grades = await hr.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = id });
            Assert.Equal(QuarterlyGrade.Average, Assert.Single(grades.Quarterly).Grade);
        }
    }

    [Fact]
    public async Task An_import_over_the_row_limit_is_refused_and_records_nothing()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "bulk"));
        var staff = await AppointAsync(hr, "bulk", "bk", 3);
        var position = await server.Store.GetLastPositionAsync();
        // 10,001 valid rows: a grade for each of three people, quarter after quarter.
        var rows = Enumerable.Range(0, 10_001).Select(i => Row(i + 1, Build.Quarterly(staff[i % 3], 2024 + i / 12, 1 + i / 3 % 4, QuarterlyGrade.Average)));

        var refused = await Assert.ThrowsAsync<RpcException>(() => hr.Import(rows));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("at most 10,000 rows", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("nothing was recorded", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
        var grades = await hr.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = staff[0] });
        Assert.Empty(grades.Quarterly);
    }

    [Fact]
    public async Task A_30000_character_id_is_refused_with_a_short_message_that_quotes_a_prefix()
    {
        var reader = server.As(await server.KeyAsync(Role.Reader));
        var id = new string('x', 30_000);

        var refused = await Assert.ThrowsAsync<RpcException>(() => reader.Call<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = id }));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(refused.Status.Detail) < 1000, refused.Status.Detail.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"employee_id '{new string('x', 40)}…' (30,000 characters) must be at most 64 characters", refused.Status.Detail, StringComparison.Ordinal);
    }

    private static ImportQuarterlyGradeRow Row(int number, RecordQuarterlyGradeRequest grade) => new() { RowNumber = number, Grade = grade };

    internal static async Task<List<string>> AppointAsync(Client hr, string department, string prefix, int count)
    {
        var ids = Enumerable.Range(1, count).Select(i => $"{prefix}-{i:D2}").ToList();
        foreach (var id in ids)
        {
            await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment(id, department, "2024-01-02"));
        }

        return ids;
    }
}
