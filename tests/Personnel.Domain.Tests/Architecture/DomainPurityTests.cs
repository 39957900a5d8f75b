using System.Reflection;
using Personnel.Domain.Employees;

namespace Personnel.Domain.Tests.Architecture;

/// <summary>
/// DESIGN.md: the domain references nothing but the base class library and Stateless (the contract machine),
/// does no I/O and reads no clock (time is passed in).
/// </summary>
public class DomainPurityTests
{
    private static readonly Assembly Domain = typeof(Employee).Assembly;

    [Fact]
    public void Domain_ReferencesOnlyTheBaseClassLibraryAndStateless()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Stateless", references);
        var foreign = references.Where(name => !(name is "netstandard" or "mscorlib" or "Stateless"
            || name.StartsWith("System", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Win32.Primitives", StringComparison.Ordinal)))
            .ToList();

        Assert.True(foreign.Count == 0, $"Personnel.Domain references {string.Join(", ", foreign)}");
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal)
            || name is "System.Net.Http" or "System.Data.Common" or "System.Net.Sockets");
    }

    [Fact]
    public void Domain_SourceReadsNoClockAndDoesNoIo()
    {
        var root = Sources.Root;
        var forbidden = new[]
        {
            "DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now", "DateTimeOffset.UtcNow",
            "TimeProvider.System", "File.", "Directory.", "Console.", "HttpClient", "Environment.GetEnvironmentVariable",
        };

        var offences = Sources.Lines(Path.Combine(root, "src", "Personnel.Domain"))
            .Where(x => forbidden.Any(f => x.Line.Contains(f, StringComparison.Ordinal)))
            .Select(x => $"{Path.GetRelativePath(root, x.Path)}:{x.Number}: {x.Line.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0, "the domain must take time and data as arguments:\n" + string.Join("\n", offences));
    }
}
