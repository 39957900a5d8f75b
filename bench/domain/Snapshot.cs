using BenchmarkDotNet.Attributes;
using Personnel.Domain.Employees;

/// <summary>
/// Activation from a snapshot (issue 12): restoring the committed state with no events after it, against replaying the
/// history it stands for, for careers of 100 and 1,000 events; and what writing the snapshot costs. Only this tree has
/// snapshots, so run.sh builds this file for it alone; the ratios are to Replay100Events of the same run.
/// </summary>
[MemoryDiagnoser]
public class SnapshotActivation
{
    private EmployeeEvent[] _history100 = [];
    private EmployeeEvent[] _history1000 = [];
    private string[] _stored100 = [];
    private string[] _stored1000 = [];
    private string _snapshot100 = "";
    private string _snapshot1000 = "";
    private Employee _employee1000 = Employee.New();

    [GlobalSetup]
    public void Setup()
    {
        // Retirement far enough away that every term is renewed through 1,000 events.
        _history100 = Career.Events(100, new DateOnly(2300, 6, 30));
        _history1000 = Career.Events(1000, new DateOnly(2300, 6, 30));
        _stored100 = [.. _history100.Select(e => EventJson.Serialize(e))];
        _stored1000 = [.. _history1000.Select(e => EventJson.Serialize(e))];
        _snapshot100 = Employee.FromHistory(_history100).ToSnapshotJson();
        _employee1000 = Employee.FromHistory(_history1000);
        _snapshot1000 = _employee1000.ToSnapshotJson();
        Console.WriteLine($"snapshot sizes: {_snapshot100.Length:N0} and {_snapshot1000.Length:N0} characters; stored events {_stored100.Sum(e => e.Length):N0} and {_stored1000.Sum(e => e.Length):N0}");
    }

    /// <summary>Activation by replay of a 100-event history: the baseline.</summary>
    [Benchmark(Baseline = true)]
    public Employee Replay100Events() => Employee.FromHistory(_history100);

    /// <summary>Activation by replay of a 1,000-event history.</summary>
    [Benchmark]
    public Employee Replay1000Events() => Employee.FromHistory(_history1000);

    /// <summary>Activation by replay of a 100-event history read as storage holds it: each event's JSON payload.</summary>
    [Benchmark]
    public Employee ReplayStored100Events() => Employee.FromHistory(_stored100.Select(EventJson.Deserialize<EmployeeEvent>));

    /// <summary>Activation by replay of a 1,000-event history read as storage holds it.</summary>
    [Benchmark]
    public Employee ReplayStored1000Events() => Employee.FromHistory(_stored1000.Select(EventJson.Deserialize<EmployeeEvent>));

    /// <summary>Activation from the snapshot of the 100-event career, no events after it.</summary>
    [Benchmark]
    public Employee RestoreSnapshotOf100Events() => Employee.FromSnapshotJson(_snapshot100, []);

    /// <summary>Activation from the snapshot of the 1,000-event career, no events after it.</summary>
    [Benchmark]
    public Employee RestoreSnapshotOf1000Events() => Employee.FromSnapshotJson(_snapshot1000, []);

    /// <summary>Writing the snapshot of the 1,000-event career.</summary>
    [Benchmark]
    public string WriteSnapshotOf1000Events() => _employee1000.ToSnapshotJson();
}
