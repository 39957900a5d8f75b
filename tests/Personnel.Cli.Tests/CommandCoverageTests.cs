using System.Collections.Concurrent;
using System.CommandLine;
using System.Reflection;
using System.Text;
using Google.Protobuf.Reflection;
using Personnel.Tests.Shared;

namespace Personnel.Cli.Tests;

/// <summary>
/// Issue 17 item 5: every RPC meant for people has a `personnel` command, and docs/cli.md lists every command with an
/// example. The RPCs are read from the generated descriptors of every personnel.v1 file, so a new RPC without a
/// command fails here; each example in docs/cli.md is run against a stand-in server that records the RPC it calls.
/// </summary>
public sealed class CommandCoverageTests
{
    /// <summary>
    /// RPCs deliberately without a command, each with why. Empty today: every personnel.v1 RPC is a task someone does
    /// (the key RPCs are the administrator's `keys` commands). Health and reflection are not personnel.v1 services, so
    /// they never appear in the descriptors read here. Add an RPC here only with the reason a person never calls it.
    /// </summary>
    private static readonly Dictionary<string, string> Excluded = new(StringComparer.Ordinal);

    private sealed record Row(string Synopsis, string Example, string Rpc);

    [Fact]
    public void EveryRpcOfThePersonnelServices_HasACommandInDocsCliMd()
    {
        var documented = DocumentedRows().Select(r => r.Rpc).ToHashSet(StringComparer.Ordinal);

        var missing = AllRpcs().Where(rpc => !Excluded.ContainsKey(rpc) && !documented.Contains(rpc)).ToList();

        // The descriptors found are the whole contract: the same RPCs as the `rpc` lines of protos/personnel/v1/*.proto.
        var inProtos = Directory.GetFiles(Path.Combine(RepoPaths.Root, "protos", "personnel", "v1"), "*.proto")
            .SelectMany(File.ReadLines)
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^\s*rpc\s+(\w+)\s*\("))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Order(StringComparer.Ordinal);
        Assert.Equal(inProtos, AllRpcs().Select(r => r.Split('/')[1]).Order(StringComparer.Ordinal));
        Assert.True(missing.Count == 0, "RPCs with no command in docs/cli.md (add one, or exclude it with a reason): " + string.Join(", ", missing));
        Assert.Empty(Excluded.Keys.Except(AllRpcs()));
    }

    [Fact]
    public void EveryCommandOfPersonnel_IsInDocsCliMd_AndEveryDocumentedCommandExists()
    {
        var root = PersonnelCli.Build(new CliContext(CliContext.PlainConsole(new StringWriter()), new StringWriter(), _ => null, _ => throw new InvalidOperationException(), TimeProvider.System));
        var leaves = Leaves(root, string.Empty).ToHashSet(StringComparer.Ordinal);
        var documented = DocumentedRows().Select(r => CommandPath(root, Split(r.Example).Skip(1).ToList())).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(leaves.Except(documented));
        Assert.Empty(documented.Except(leaves));
    }

    [Fact]
    public async Task EachExampleInDocsCliMd_CallsTheRpcOfItsRow()
    {
        var failures = new StringBuilder();
        var directory = Directory.CreateTempSubdirectory("personnel-examples-");
        try
        {
            foreach (var row in DocumentedRows().Where(r => !r.Rpc.StartsWith("none", StringComparison.Ordinal)))
            {
                var args = Split(row.Example).Skip(1).Select(a => Staged(a, directory)).ToArray();
                var recorder = new RecordingHandler();
                var result = await CliHarness.RunAsync(new Dictionary<string, string> { ["PERSONNEL_KEY"] = "k.example" }, recorder, args);
                var called = recorder.Paths.Distinct().ToList();
                if (called.Count != 1 || called[0] != "/personnel.v1." + row.Rpc)
                {
                    failures.AppendLine($"{row.Example}: called [{string.Join(", ", called)}], documented {row.Rpc}; exit {result.ExitCode}: {result.Error}");
                }
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    /// <summary>Every RPC of every personnel.v1 service, as "EmployeeService/Promote", from the generated descriptors.</summary>
    private static IReadOnlyList<string> AllRpcs() =>
        typeof(Api.V1.EmployeeReflection).Assembly.GetTypes()
            .Where(t => t.Namespace == "Personnel.Api.V1" && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods.Select(m => $"{s.Name}/{m.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The rows of docs/cli.md's command table: synopsis, example, and the RPC (its first word).</summary>
    private static List<Row> DocumentedRows()
    {
        var rows = new List<Row>();
        var inTable = false;
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, "docs", "cli.md")))
        {
            if (line.StartsWith("| command | example | RPC |", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            if (!inTable || line.StartsWith("|---", StringComparison.Ordinal))
            {
                continue;
            }

            if (!line.StartsWith('|'))
            {
                break;
            }

            var cells = line.Replace("\\|", "\u0001", StringComparison.Ordinal).Split('|').Select(c => c.Replace('\u0001', '|').Trim()).ToArray();
            rows.Add(new Row(cells[1].Trim('`'), cells[2].Trim('`'), cells[3].Split(' ')[0]));
        }

        Assert.True(rows.Count > 40, $"docs/cli.md's command table has {rows.Count} rows");
        return rows;
    }

    private static IEnumerable<string> Leaves(Command command, string path)
    {
        foreach (var sub in command.Subcommands)
        {
            var subPath = path.Length == 0 ? sub.Name : $"{path} {sub.Name}";
            if (sub.Subcommands.Count == 0)
            {
                yield return subPath;
            }
            else
            {
                foreach (var leaf in Leaves(sub, subPath))
                {
                    yield return leaf;
                }
            }
        }
    }

    /// <summary>The command an example runs ("grades appeal file"); a bash/zsh argument of `completion` is its sub-command.</summary>
    private static string CommandPath(Command root, IReadOnlyList<string> words)
    {
        var path = new List<string>();
        Command current = root;
        foreach (var word in words)
        {
            var next = current.Subcommands.FirstOrDefault(c => c.Name == word);
            if (next is null)
            {
                break;
            }

            path.Add(word);
            current = next;
        }

        return string.Join(' ', path);
    }

    /// <summary>A CSV named in an example is copied to a scratch directory first, so a run never writes beside the docs.</summary>
    private static string Staged(string arg, DirectoryInfo directory)
    {
        var source = Path.Combine(RepoPaths.Root, arg);
        if (!arg.EndsWith(".csv", StringComparison.Ordinal) || !File.Exists(source))
        {
            return arg;
        }

        var copy = Path.Combine(directory.FullName, Path.GetFileName(arg));
        File.Copy(source, copy, overwrite: true);
        return copy;
    }

    /// <summary>Splits a documented command line as the shell would: words, "double" and 'single' quoted.</summary>
    internal static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Records the path of every call and fails it as a connection error: nothing reaches a server.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public ConcurrentQueue<string> Paths { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Paths.Enqueue(request.RequestUri!.AbsolutePath);
            return Task.FromException<HttpResponseMessage>(new HttpRequestException("recorded, not sent"));
        }
    }
}
