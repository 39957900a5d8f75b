namespace Personnel.Domain.Tests.Architecture;

/// <summary>The repository's C# sources, for the tests that hold the code to a shape.</summary>
internal static class Sources
{
    /// <summary>Gets the repository root: the first directory above the test binaries holding Personnel.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The lines of the C# sources under <paramref name="folder"/>, build output left out; numbered from 1.</summary>
    public static IEnumerable<(string Path, int Number, string Line)> Lines(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, index + 1, line)));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Personnel.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Personnel.sln not found above " + AppContext.BaseDirectory);
    }
}
