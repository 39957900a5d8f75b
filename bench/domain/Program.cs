using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;

BenchmarkRunner.Run<Activation>(DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator), args);

/// <summary>
/// What an employee activation costs in the domain: a new aggregate (which would configure the contract machine, were the
/// machine built per instance) and the replay of a 100-event career (appointment, renewals, quarterly and annual
/// grades), as a grain does on activation.
/// </summary>
[MemoryDiagnoser]
public class Activation
{
    private EmployeeEvent[] _history = [];

    [GlobalSetup]
    public void Setup()
    {
        var employee = Employee.Appoint(new DateOnly(2000, 1, 1), new AppointmentRequest(
            new EmployeeId("bench"), new DepartmentId("planning"), new PostLevel(Post.Staff, new PostGrade(6, 3)),
            AppointmentMethod.Competition, ProbationKind.None, new DateOnly(2060, 6, 30),
            AdministrativeRank.FirstGradeStaff, new DateOnly(1999, 1, 1), Education.Bachelor));
        for (var year = 2000; employee.History.Count < 100; year++)
        {
            foreach (var quarter in Quarter.OfYear(year))
            {
                employee.RecordQuarterlyGrade(quarter.LastDay, quarter, QuarterlyGrade.FairlyGood, employee.Department);
            }

            employee.RecordAnnualGrade(new DateOnly(year, 12, 20), year, AnnualGrade.Competent, AnnualAssessment.None,
                new DepartmentYearFacts(employee.Department, year, DepartmentTier.Tier2, 20));
            if (employee.CanOpenRenewal(new DateOnly(year, 12, 21)))
            {
                employee.OpenRenewal(new DateOnly(year, 12, 21));
                employee.Renew(new DateOnly(year, 12, 22));
            }
        }

        _history = employee.History.Take(100).ToArray();
        if (Employee.FromHistory(_history).Version != 100)
        {
            throw new InvalidOperationException("the benchmark history must hold 100 events");
        }
    }

    /// <summary>A new aggregate: were the machine configured per instance, this would include configuring it.</summary>
    [Benchmark]
    public Employee NewAggregate() => Employee.New();

    /// <summary>Activation: load and replay a 100-event history.</summary>
    [Benchmark(Baseline = true)]
    public Employee Replay100Events() => Employee.FromHistory(_history);
}
