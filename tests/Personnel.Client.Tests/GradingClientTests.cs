using Personnel.Api.V1;
using Grpc.Core;
using Personnel.Tests.Shared;

namespace Personnel.Client.Tests;

/// <summary>The typed clients against the real server: a department's quarter, its quota, and the reads that follow.</summary>
public sealed class GradingClientTests : IAsyncLifetime
{
    private LiveServer _server = null!;
    private PersonnelClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LiveServer.StartAsync();
        _client = new PersonnelClient(new PersonnelClientOptions { Address = _server.Address, ApiKey = LiveServer.AdminKey });
        await _client.Departments.CreateDepartmentAsync(new CreateDepartmentRequest
        {
            DepartmentId = "d-1", Name = "Roads", Kind = DepartmentKind.ZoneDepartment, CreatedOn = Day(2024, 1, 1),
        });
        for (var i = 1; i <= 5; i++)
        {
            await _client.Employees.AppointEmployeeAsync(new AppointEmployeeRequest
            {
                EmployeeId = $"e-{i}", Name = $"Staff {i}", DepartmentId = "d-1", Method = AppointmentMethod.Competitive,
                PostLevel = new PostLevel { Post = Post.Staff, GradeLevel = 6, Step = i },
                StartsOn = Day(2026, 1, 1), RetirementOn = Day(2050, 6, 30), FirstCompetition = true, Education = Education.Bachelor,
            });
        }
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private static Google.Type.Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static RecordQuarterlyGradeRequest Grade(string employee, QuarterlyGrade grade) =>
        new() { EmployeeId = employee, Year = 2026, Quarter = 1, Grade = grade, DecidedOn = Day(2026, 4, 3) };

    [Fact]
    public async Task GoodPastTheQuota_IsAPersonnelExceptionNamingAS8_AndRecordsNothing()
    {
        await _client.Grading.RecordQuarterlyGradeAsync(Grade("e-1", QuarterlyGrade.Good));
        await _client.Grading.RecordQuarterlyGradeAsync(Grade("e-2", QuarterlyGrade.Good));

        var ex = await Assert.ThrowsAsync<PersonnelException>(() => _client.Grading.RecordQuarterlyGradeAsync(Grade("e-3", QuarterlyGrade.Good)));
        var grades = await _client.Grading.ListGradesAsync(new ListGradesRequest { EmployeeId = "e-3" });

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("AS 第八条", ex.Message);
        Assert.Equal("/personnel.v1.GradingService/RecordQuarterlyGrade", ex.Method);
        Assert.Empty(grades.Quarterly);
    }

    [Fact]
    public async Task RepeatedRequest_ReturnsTheFirstAnswer_AndRecordsOnce()
    {
        var request = Grade("e-4", QuarterlyGrade.Average);

        var first = await _client.Grading.RecordQuarterlyGradeAsync(request);
        var again = await _client.Grading.RecordQuarterlyGradeAsync(request.Clone());
        var grades = await _client.Grading.ListGradesAsync(new ListGradesRequest { EmployeeId = "e-4" });

        Assert.False(string.IsNullOrEmpty(request.RequestId));
        Assert.Equal(first.Record, again.Record);
        Assert.Equal(20, first.Record.PayPercent);
        Assert.Single(grades.Quarterly);
    }

    [Fact]
    public async Task Import_ReportsEachRow_AndPostLevelsAreRead()
    {
        ImportQuarterlyGradeRow Row(int n, string employee, QuarterlyGrade grade) => new() { RowNumber = n, Grade = Grade(employee, grade) };

        var import = await _client.Grading.ImportQuarterlyGradesAsync([Row(2, "e-1", QuarterlyGrade.Good), Row(3, "e-2", QuarterlyGrade.Poor), Row(4, "nobody", QuarterlyGrade.Average)]);
        var level = await _client.Employees.GetPostLevelAsync(new GetPostLevelRequest { EmployeeId = "e-2", AsOf = Day(2026, 5, 1) });

        Assert.Equal((2, 0, 1), (import.Recorded, import.AlreadyRecorded, import.Rejected));
        var rejected = Assert.Single(import.Results, r => r.Outcome == ImportRowResult.Types.Outcome.Rejected);
        Assert.Equal(4, rejected.RowNumber);
        Assert.Equal("NOT_FOUND", rejected.ErrorCode);
        Assert.Equal(new PostLevel { Post = Post.Staff, GradeLevel = 6, Step = 2 }, level.PostLevel);
    }

    [Fact]
    public async Task UnknownEmployee_IsNotFound()
    {
        var ex = await Assert.ThrowsAsync<PersonnelException>(() => _client.Employees.GetEmployeeAsync(new GetEmployeeRequest { EmployeeId = "nobody" }));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }
}
