using System.Reflection;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Fluent;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;

namespace Personnel.Domain.Tests.Employees;

/// <summary>
/// An employee restored from the snapshot of any prefix of its history, with the rest of the events applied, is the employee
/// the whole history replays: every field, every public answer, every next intent's outcome, at every split point.
/// </summary>
public class SnapshotEquivalenceTests
{
    public static TheoryData<string> Careers() => [.. SnapshotCareers.All().Select(c => c.Name)];

    /// <summary>Every career ends separated, where every next intent is refused: the thirds of the way are in service, and
    /// each is a history of its own, restored at every split point.</summary>
    [Theory]
    [MemberData(nameof(Careers))]
    public void AScriptedCareer_RestoredAtEverySplitPoint_IsTheReplayedEmployee(string name)
    {
        var career = SnapshotCareers.All().Single(c => c.Name == name);

        foreach (var length in new[] { career.Events.Count / 3, career.Events.Count * 2 / 3, career.Events.Count }.Distinct())
        {
            AssertEveryRestoreIsTheReplay([.. career.Events.Take(length)], career.Policy);
        }
    }

    [Fact]
    public void TheScriptedCareers_HaveEveryEventTypeBetweenThem()
    {
        var declared = typeof(EmployeeEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType.Name).Order();

        var lived = SnapshotCareers.All().SelectMany(c => c.Events).Select(e => e.GetType().Name).Distinct().Order();

        Assert.Equal(declared, lived);
    }

    [Fact]
    public void ARandomCareer_RestoredAtEverySplitPoint_IsTheReplayedEmployee()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(8), Prop.ForAll(PropertyTests.Careers(), numbers =>
        {
            // Half the careers under the ranking-based yangshahu-2020, as the state machine's property test lives them.
            var yangshahu = numbers[7] % 2 == 0 ? SnapshotCareers.Yangshahu : null;
            var employee = new HistorySimulator(numbers).Run(yangshahu?.Grading, yangshahu?.Consequences.Ranking);

            AssertEveryRestoreIsTheReplay(employee.History, employee.Policy);
        }));
    }

    private static void AssertEveryRestoreIsTheReplay(IReadOnlyList<EmployeeEvent> events, GradingPolicy policy)
    {
        var replayed = Employee.FromHistory(events, policy);
        var equivalence = new SnapshotEquivalence(replayed, events);
        var snapshot = replayed.ToSnapshotJson();
        var fields = SnapshotEquivalence.Fields(replayed);
        var answers = equivalence.Observations(replayed);
        var outcomes = equivalence.NextIntents(() => Employee.FromHistory(events, policy));

        for (var k = 0; k <= events.Count; k++)
        {
            var json = Employee.FromHistory(events.Take(k), policy).ToSnapshotJson();
            var tail = events.Skip(k).ToList();

            var restored = Employee.FromSnapshotJson(json, tail, policy);

            Assert.True(fields.SequenceEqual(SnapshotEquivalence.Fields(restored)),
                $"split {k} of {events.Count}: fields differ: {string.Join(" | ", SnapshotEquivalence.Fields(restored).Except(fields))}");
            Assert.Equal(snapshot, restored.ToSnapshotJson());
            Assert.Equal(answers, equivalence.Observations(restored));
            Assert.Equal(outcomes, equivalence.NextIntents(() => Employee.FromSnapshotJson(json, tail, policy)));
            Assert.Equal(tail, restored.History);
            Assert.Equal(k == 0, restored.HasWholeHistory);
        }
    }
}
