using System.Text.Json;
using System.Text.Json.Nodes;
using Personnel.Domain.Employees;
using Personnel.Domain.Tests.Architecture;

namespace Personnel.Domain.Tests.Employees;

/// <summary>
/// The snapshot of a fixed career, checked in as <c>Snapshots/employee-snapshot-v{format}.json</c> (indented). Snapshots
/// stored in production are read by the next release: a change of the memento's shape, or of what Apply derives from the
/// events, must come with a new <see cref="Employee.SnapshotFormat"/>, so that old snapshots are refused and rebuilt from
/// the history rather than read wrongly. With PERSONNEL_UPDATE_GOLDEN=1 the test writes the file of the current format when
/// there is none (then passes); it never overwrites one, since that format may already be stored.
/// </summary>
public class SnapshotGoldenTests
{
    private const string UpdateVariable = "PERSONNEL_UPDATE_GOLDEN";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string GoldenPath =>
        Path.Combine(Sources.Root, "tests", "Personnel.Domain.Tests", "Employees", "Snapshots", $"employee-snapshot-v{Employee.SnapshotFormat}.json");

    /// <summary>The scripted head's career up to the day before the transfer out: in service, holding a leadership adjustment.</summary>
    private static Employee Career()
    {
        var career = SnapshotCareers.HeadWithAppealsAndCorrections();
        return Employee.FromHistory(career.Events.Take(career.Events.Count - 1), career.Policy);
    }

    [Fact]
    public void TheSnapshotOfAFixedCareer_IsTheCheckedInOneOfThisFormat()
    {
        var actual = Indent(Career().ToSnapshotJson());
        if (!File.Exists(GoldenPath) && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(GoldenPath)!);
            File.WriteAllText(GoldenPath, actual + "\n");
            return;
        }

        Assert.True(File.Exists(GoldenPath),
            $"{GoldenPath} is missing: write it with {UpdateVariable}=1 dotnet test tests/Personnel.Domain.Tests --filter {nameof(SnapshotGoldenTests)}");
        var golden = File.ReadAllText(GoldenPath).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        if (golden != actual)
        {
            Assert.Fail($"the snapshot differs from {Path.GetFileName(GoldenPath)} at {FirstDifference(golden, actual)}.\n"
                + $"The memento's shape or what Apply derives changed: bump Employee.SnapshotFormat (now {Employee.SnapshotFormat}), then write the "
                + $"new format's file with {UpdateVariable}=1 dotnet test tests/Personnel.Domain.Tests --filter {nameof(SnapshotGoldenTests)}.\n"
                + "Only if the scripted career itself changed (not the aggregate), delete the file and write it again the same way.");
        }
    }

    [Fact]
    public void TheCheckedInSnapshot_IsReadBackToTheSameEmployee()
    {
        Assert.True(File.Exists(GoldenPath), $"{GoldenPath} is missing");
        var stored = File.ReadAllText(GoldenPath);
        var career = Career();

        var restored = Employee.FromSnapshotJson(stored, [], career.Policy);

        Assert.Equal(Indent(stored), Indent(restored.ToSnapshotJson()));
        Assert.Equal(SnapshotEquivalence.Fields(career), SnapshotEquivalence.Fields(restored));
    }

    private static string Indent(string json) => JsonNode.Parse(json)!.ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var was = i < expectedLines.Length ? expectedLines[i] : "(end)";
            var now = i < actualLines.Length ? actualLines[i] : "(end)";
            if (was != now)
            {
                return $"line {i + 1}:\n- {was.Trim()}\n+ {now.Trim()}";
            }
        }

        return "no line";
    }
}
