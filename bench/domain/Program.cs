using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;

// Every benchmark class of the assembly: run.sh removes Snapshot.cs from the copy it builds against a tree without snapshots.
BenchmarkSwitcher.FromAssembly(typeof(Activation).Assembly).Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator));

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
    public void Setup() => _history = Career.Events(100, new DateOnly(2060, 6, 30));

    /// <summary>A new aggregate: were the machine configured per instance, this would include configuring it.</summary>
    [Benchmark]
    public Employee NewAggregate() => Employee.New();

    /// <summary>Activation: load and replay a 100-event history.</summary>
    [Benchmark(Baseline = true)]
    public Employee Replay100Events() => Employee.FromHistory(_history);
}

/// <summary>The careers the benchmarks replay: appointed in 2000, four quarterly grades and the annual grade a year, renewed at
/// each term's end while the retirement date leaves room.</summary>
internal static class Career
{
    /// <summary>The first <paramref name="count"/> events of such a career.</summary>
    public static EmployeeEvent[] Events(int count, DateOnly retirement)
    {
        var employee = Employee.Appoint(new DateOnly(2000, 1, 1), new AppointmentRequest(
            new EmployeeId("bench"), new DepartmentId("planning"), new PostLevel(Post.Staff, new PostGrade(6, 3)),
            AppointmentMethod.Competition, ProbationKind.None, retirement,
            AdministrativeRank.FirstGradeStaff, new DateOnly(1999, 1, 1), Education.Bachelor));
        for (var year = 2000; employee.History.Count < count; year++)
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

        var history = employee.History.Take(count).ToArray();
        if (Employee.FromHistory(history).Version != count)
        {
            throw new InvalidOperationException($"the benchmark history must hold {count} events");
        }

        return history;
    }
}
