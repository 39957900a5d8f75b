using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;

namespace Personnel.Domain.Tests.Architecture;

/// <summary>
/// DESIGN.md, "Shape": Server → Grains → Domain, Grains → Storage. The server's services read nothing from storage
/// themselves (only its composition root opens the store), and every event-type name lives in <see cref="EventTypes"/>.
/// </summary>
public partial class LayeringTests
{
    /// <summary>The server's composition root: the only files that may name the storage project. Besides the host, its store
    /// and the entry point, the silo's set-up, which puts Orleans' clustering, reminders and grain state on the same
    /// database (the storage project holds their schema scripts).</summary>
    private static readonly string[] CompositionRoot =
    [
        Path.Combine("Hosting", "ServerHost.cs"), Path.Combine("Hosting", "StorageFactory.cs"), "Program.cs",
        Path.Combine("Hosting", "Silo.cs"), Path.Combine("Hosting", "OrleansStorage.cs"),
    ];

    private static readonly string EventTypesHome = Path.Combine("src", "Personnel.Domain", "Common", "EventTypes.cs");

    [Fact]
    public void Server_NamesStorageOnlyInItsCompositionRoot()
    {
        var server = Path.Combine(Sources.Root, "src", "Personnel.Server");

        var offences = Sources.Lines(server)
            .Where(x => !CompositionRoot.Contains(Path.GetRelativePath(server, x.Path)) && NamesStorage().IsMatch(x.Line))
            .Select(x => $"{Path.GetRelativePath(server, x.Path)}:{x.Number}: {x.Line.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0,
            "only the composition root (" + string.Join(", ", CompositionRoot) + ") may name Personnel.Storage; the services ask the "
            + "query interfaces of src/Personnel.Grains/Queries:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void EventTypeNames_AreWrittenOnlyInEventTypes()
    {
        var root = Sources.Root;
        var names = EventTypeNames();
        var literal = new Regex("\"(" + string.Join("|", names.Select(Regex.Escape)) + ")\"", RegexOptions.CultureInvariant);
        var domain = Path.Combine(root, "src", "Personnel.Domain") + Path.DirectorySeparatorChar;

        var offences = new[] { "src", "clients" }
            .SelectMany(folder => Sources.Lines(Path.Combine(root, folder)))
            .Where(x => Path.GetRelativePath(root, x.Path) != EventTypesHome)
            // A discriminator outside the domain names a command ("leadership-adjustment-rescinded" is also a command of the
            // employee grain), not an event; the domain's own discriminators must use the constants.
            .Where(x => x.Path.StartsWith(domain, StringComparison.Ordinal) || !x.Line.TrimStart().StartsWith("[JsonDerivedType(", StringComparison.Ordinal))
            .Where(x => literal.IsMatch(x.Line))
            .Select(x => $"{Path.GetRelativePath(root, x.Path)}:{x.Number}: {x.Line.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0, $"event-type names are written once, in {EventTypesHome}; use its constants:\n" + string.Join("\n", offences));
    }

    [Theory]
    [InlineData(typeof(EmployeeEvent))]
    [InlineData(typeof(DepartmentEvent))]
    [InlineData(typeof(QuotaEvent))]
    public void EveryDiscriminatorOfTheDomainsEvents_IsAnEventTypesName(Type eventBase)
    {
        var discriminators = eventBase.GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!).ToList();

        Assert.NotEmpty(discriminators);
        Assert.Empty(discriminators.Except(EventTypeNames()));
    }

    [Fact]
    public void EventTypes_NameEachEventOfAStreamOnce()
    {
        // Within one kind of stream a name means one event; the same name in two kinds (the head's copy of a department's
        // leadership adjustment) is the same fact told to two streams.
        foreach (var kind in typeof(EventTypes).GetNestedTypes())
        {
            var values = Constants(kind).ToList();
            Assert.True(values.Count == values.Distinct(StringComparer.Ordinal).Count(), $"EventTypes.{kind.Name} names one event twice");
        }
    }

    private static HashSet<string> EventTypeNames() =>
        typeof(EventTypes).GetNestedTypes().SelectMany(Constants).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    /// <summary>The storage project by its namespace, or by a name qualified from inside <c>Personnel</c> (<c>Storage.IEventStore</c>).</summary>
    [GeneratedRegex(@"\bPersonnel\.Storage\b|(?<![\w.])Storage\.[A-Z]")]
    private static partial Regex NamesStorage();
}
