using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Server.Tests;

/// <summary>One person's career through real gRPC (RULES §2, §4–§6), on SQLite and on PostgreSQL.</summary>
public abstract class CareerTests<TFixture>(TFixture server)
    where TFixture : ServerFixture
{
    [Fact]
    public async Task AS20_a_career_of_two_basically_competent_years_ends_in_a_demotion_and_every_read_follows()
    {
        var hrToken = await server.KeyAsync(Role.Hr, "planning");
        var hr = server.As(hrToken);
        var hired = await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("wang", "planning", "2020-01-06"));
        Assert.Equal((ContractState.Appointed, 6, 5), (hired.Employee.State, hired.Employee.PostLevel.GradeLevel, hired.Employee.PostLevel.Step));

        RecordAnnualGradeResponse? last = null;
        foreach (var year in new[] { 2020, 2021 })
        {
            foreach (var (quarter, grade) in new[] { (1, QuarterlyGrade.Average), (2, QuarterlyGrade.Average), (3, QuarterlyGrade.Average), (4, QuarterlyGrade.FairlyGood) })
            {
                var recorded = await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("wang", year, quarter, grade));
                Assert.Equal(grade == QuarterlyGrade.Average ? 20 : 100, recorded.Record.PayPercent);
            }

            last = await hr.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(Build.Annual("wang", year, AnnualGrade.BasicallyCompetent));
            Assert.False(last.Record.YearCounted);
        }

        var demoted = Assert.Single(last!.Consequences, c => c.Kind == "Demoted");
        Assert.Equal("AS 第二十一条", demoted.Article);

        var before = await hr.Call<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "wang", AsOf = Build.Date("2021-06-30") });
        var after = await hr.Call<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "wang", AsOf = Build.Date("2022-01-10") });
        Assert.Equal((Post.DeputySectionChief, 6), (before.PostLevel.Post, before.PostLevel.GradeLevel));
        Assert.Equal((Post.DeputySectionChief, 7, ContractState.Appointed), (after.PostLevel.Post, after.PostLevel.GradeLevel, after.State));

        var tenure = await hr.Call<GetTenureRequest, GetTenureResponse>(new GetTenureRequest { EmployeeId = "wang", AsOf = Build.Date("2022-01-10") });
        // The demotion restarts the grade: only the year after it still stands uncounted at the new grade.
        Assert.Equal([2021], tenure.UncountedYears.Select(y => y.Year));
        // Every uncounted year of the career, at the grade it was held, with its article.
        Assert.Equal([(2020, 6), (2021, 7)], tenure.CareerUncountedYears.Select(y => (y.Year, y.PostLevel.GradeLevel)));
        Assert.All(tenure.CareerUncountedYears, y => Assert.Equal("BasicallyCompetent 基本称职 (AS 第二十条)", y.Reason));
        Assert.Equal(0, tenure.CountedYears);

        var grades = await hr.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = "wang", FromYear = 2021 });
        Assert.Equal((4, 1), (grades.Quarterly.Count, grades.Annual.Count));

        var employee = await server.As(await server.KeyAsync(Role.Reader)).Call<GetEmployeeRequest, GetEmployeeResponse>(new GetEmployeeRequest { EmployeeId = "wang" });
        var history = await hr.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = "wang" });
        Assert.Equal(employee.Employee.Version, history.Entries[^1].Version);
        Assert.All(history.Entries, e => Assert.Equal(hrToken.Split('.')[0], e.RecordedBy));
        Assert.Contains(history.Entries, e => e.Type == "demoted");
    }

    [Fact]
    public async Task AM13_open_recruitment_starts_on_probation_grades_nothing_then_passes()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr));
        var request = Build.Appointment("li", "planning", "2024-01-02");
        request.Method = AppointmentMethod.OpenRecruitment;
        var hired = await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(request);
        Assert.Equal((ContractState.InProbation, Build.Date("2024-07-01")), (hired.Employee.State, hired.Employee.ProbationEndsOn));

        var noGrade = Build.Quarterly("li", 2024, 1, QuarterlyGrade.Good);
        noGrade.NoGrade = new NoGrade { Reason = NoGradeReason.Probation };
        await hr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(noGrade);
        var refused = await hr.Refused<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("li", 2024, 2, QuarterlyGrade.FairlyGood));
        var passed = await hr.Call<RecordProbationOutcomeRequest, RecordProbationOutcomeResponse>(new RecordProbationOutcomeRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "li", Passed = true, DecidedOn = Build.Date("2024-07-02"),
        });

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("第二十三条", refused.Status.Detail);
        Assert.Equal(ContractState.Appointed, passed.Employee.State);
        var grades = await hr.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = "li" });
        Assert.Equal(NoGradeReason.Probation, Assert.Single(grades.Quarterly).NoGrade.Reason);
    }

    [Fact]
    public async Task A_retried_request_returns_the_first_answer_and_records_nothing_new()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr));
        var request = Build.Appointment("retry", "planning", "2024-01-02");
        var first = await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(request);
        var version = await server.Store.GetStreamVersionAsync("employee:retry");
        var second = await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(request);

        Assert.Equal(first.Employee, second.Employee);
        Assert.Equal(version, await server.Store.GetStreamVersionAsync("employee:retry"));
    }

    [Fact]
    public async Task History_is_read_a_page_at_a_time_and_the_pages_join_up_to_the_whole_stream()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("paged", "planning", "2022-01-03"));
        for (var i = 1; i <= 3; i++)
        {
            await hr.Call<RecordQualificationsRequest, RecordQualificationsResponse>(Build.Qualifications("paged", $"2015-07-0{i}", $"2023-02-0{i}"));
        }

        // Five events (the name, the appointment, three records): pages of two, then the last one alone.
        var pages = new List<string>();
        long after = 0;
        do
        {
            var page = await hr.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = "paged", AfterVersion = after, PageSize = 2 });
            pages.Add($"{string.Join(",", page.Entries.Select(e => e.Version))} next {page.NextAfterVersion}");
            after = page.NextAfterVersion;
        }
        while (after != 0 && pages.Count < 10);

        Assert.Equal(["1,2 next 2", "3,4 next 4", "5 next 0"], pages);
        Assert.Equal(5, await server.Store.GetStreamVersionAsync("employee:paged"));
    }
}

public sealed class SqliteCareerTests(ServerFixture server) : CareerTests<ServerFixture>(server), IClassFixture<ServerFixture>;

public sealed class PostgresCareerTests(PostgresServerFixture server) : CareerTests<PostgresServerFixture>(server), IClassFixture<PostgresServerFixture>;
