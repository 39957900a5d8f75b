using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Grains.Tests.Integration;

public abstract partial class GrainSuite
{
    [Fact]
    public async Task AS20_a_career_through_the_grains_ends_in_a_demotion_after_two_basically_competent_years_and_the_view_follows()
    {
        var hired = await Run("wang", "2020-01-06", Appointment("wang", Planning));
        Assert.Equal((ContractState.Appointed, 2L, "Name of wang"), (hired.Snapshot.State, hired.Snapshot.Version, hired.Snapshot.Name));
        Assert.Equal(["employee-named", "employee-appointed"], hired.Events.Select(e => e.Type));

        foreach (var year in new[] { 2020, 2021 })
        {
            foreach (var (quarter, grade) in Quarter.OfYear(year).Zip([QuarterlyGrade.Average, QuarterlyGrade.Average, QuarterlyGrade.Average, QuarterlyGrade.FairlyGood]))
            {
                await Run("wang", quarter.LastDay.ToString("yyyy-MM-dd"), new RecordQuarterlyGrade(quarter, grade));
            }

            await Run("wang", $"{year}-12-18", new RecordAnnualGrade(year, AnnualGrade.BasicallyCompetent, AnnualAssessment.None));
        }

        var snapshot = await Employee("wang").GetSnapshotAsync(CancellationToken.None);
        Assert.Equal(new PostLevel(Post.DeputySectionChief, L7S5), snapshot.PostLevel);
        var stream = await Store.ReadStreamAsync("employee:wang");
        Assert.Equal(snapshot.Version, stream[^1].Version);
        var demoted = stream.Single(e => e.Type == "demoted");
        Assert.Equal(D("2021-12-18"), demoted.OccurredOn);

        var view = await Store.ReadModels.GetEmployeeAsync("wang");
        Assert.Equal(("planning", "DeputySectionChief", 7, 5, "Appointed", snapshot.Version), (view!.DepartmentId, view.Post, view.GradeLevel, view.Step, view.Status, view.UpdatedVersion));

        var before = await Employee("wang").GetPostLevelAsync(D("2021-06-30"), CancellationToken.None);
        var after = await Employee("wang").GetPostLevelAsync(D("2022-01-10"), CancellationToken.None);
        Assert.Equal(new PostLevel(Post.DeputySectionChief, L6S5), before.PostLevel);
        Assert.Equal((new PostLevel(Post.DeputySectionChief, L7S5), ContractState.Appointed), (after.PostLevel, after.State));

        var grades = await Employee("wang").ListGradesAsync(CancellationToken.None);
        Assert.Equal((8, 2), (grades.Quarterly.Count, grades.Annual.Count));
        var tenure = await Employee("wang").GetTenureAsync(D("2022-01-10"), CancellationToken.None);
        Assert.Equal(D("2021-12-18"), tenure.GradeSince);
        Assert.Equal([2021], tenure.YearsNotCounted.Select(y => y.Year));
    }

    [Fact]
    public async Task AM13_probation_withholds_the_quarter_grade_and_passing_it_is_recorded_through_the_grain()
    {
        var request = Appointment("li", Planning).Request with { Method = AppointmentMethod.OpenRecruitment, Probation = ProbationKind.Standard };
        var hired = await Run("li", "2024-01-02", new AppointEmployee(request, "Li Si"));
        Assert.Equal((ContractState.InProbation, D("2024-07-01")), (hired.Snapshot.State, hired.Snapshot.ProbationEnd));

        var graded = await Run("li", "2024-03-31", new RecordQuarterlyGrade(new Quarter(2024, 1), null));
        var refused = await Refused(() => Run("li", "2024-06-30", new RecordQuarterlyGrade(new Quarter(2024, 2), QuarterlyGrade.FairlyGood)));
        var passed = await Run("li", "2024-07-02", new RecordProbationOutcome(true, null));

        Assert.Equal(NoGradeReason.InProbation, (await Employee("li").ListGradesAsync(CancellationToken.None)).Quarterly.Single().NoGradeReason);
        Assert.Equal(Rules.ProbationNoGrade, Assert.IsType<RuleRefusedException>(refused).ToViolation().Rule);
        Assert.Equal(ContractState.Appointed, passed.Snapshot.State);
        Assert.Equal(graded.Snapshot.Version + 1, passed.Snapshot.Version);
    }

    [Fact]
    public async Task A_refused_command_writes_nothing_neither_events_nor_view_nor_its_request_id()
    {
        await Run("zhao", "2024-01-02", Appointment("zhao", Planning));
        var viewBefore = await Store.ReadModels.GetEmployeeAsync("zhao");
        var position = await Store.GetLastPositionAsync();

        var early = await Refused(() => Run("zhao", "2024-02-01", new RecordQuarterlyGrade(new Quarter(2024, 1), QuarterlyGrade.Average), requestId: "too-early"));
        var again = await Refused(() => Run("zhao", "2024-03-01", Appointment("zhao", Planning), requestId: "second-hire"));

        Assert.Equal(Rules.QuarterlyAssessmentTiming, Assert.IsType<RuleRefusedException>(early).ToViolation().Rule);
        Assert.Equal(ViolationKind.AlreadyExists, Assert.IsType<RuleRefusedException>(again).ToViolation().Kind);
        Assert.Equal(position, await Store.GetLastPositionAsync());
        Assert.Equal(2, await Store.GetStreamVersionAsync("employee:zhao"));
        Assert.Equal(viewBefore, await Store.ReadModels.GetEmployeeAsync("zhao"));
        Assert.Null(await Store.GetRequestAsync("too-early"));
        Assert.Equal(2, (await Employee("zhao").GetSnapshotAsync(CancellationToken.None)).Version);
    }

    [Fact]
    public async Task Queries_on_an_employee_never_appointed_are_not_found_and_create_nothing()
    {
        var error = await Refused(() => Employee("nobody").GetSnapshotAsync(CancellationToken.None));

        Assert.Equal(ViolationKind.NotFound, Assert.IsType<RuleRefusedException>(error).ToViolation().Kind);
        Assert.Equal(0, await Store.GetLastPositionAsync());
        Assert.Null(await Store.ReadModels.GetEmployeeAsync("nobody"));
    }
}
