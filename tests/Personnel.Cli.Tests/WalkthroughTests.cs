using System.Text;
using System.Text.RegularExpressions;
using Personnel.Tests.Shared;

namespace Personnel.Cli.Tests;

/// <summary>
/// Acceptance: docs/walkthrough.md, run as a new user would run it. Every ```sh block is executed in one bash
/// session against a real server, in order; the ```text block after it lists lines its output must contain, in
/// order ("…" stands for anything, runs of spaces are one space), and `exit=N` the exit code it must end with (0
/// when not given). Blocks marked `setup` and `server` are what the test does its own way: it uses the CLI it was
/// built with and starts the server itself.
/// </summary>
public sealed partial class WalkthroughTests
{
    private static readonly string CliDll = Path.Combine(RepoPaths.Root, "clients", "Personnel.Cli", "bin", "Release", "net10.0", "personnel.dll");

    private const string DocumentedAdminKey = "change-me-admin-key";

    private sealed record Step(int Number, string Script, string[] Expected, int ExitCode);

    [Fact]
    public async Task EveryStepOfTheWalkthrough_RunsAgainstARealServer_AndPrintsWhatTheDocumentSays()
    {
        var steps = ReadSteps(Path.Combine(RepoPaths.Root, "docs", "walkthrough.md"));
        Assert.True(steps.Count >= 8, $"docs/walkthrough.md has only {steps.Count} runnable steps");
        await using var server = await LiveServer.StartAsync(DocumentedAdminKey);

        var script = new StringBuilder();
        script.AppendLine("personnel() { dotnet \"$PERSONNEL_CLI_DLL\" \"$@\"; }");
        foreach (var step in steps)
        {
            script.AppendLine($"echo '@@begin {step.Number}'");
            script.AppendLine("{");
            script.AppendLine(step.Script);
            script.AppendLine("} 2>&1");
            script.AppendLine($"echo \"@@end {step.Number} $?\"");
        }

        var scriptPath = Path.Combine(Path.GetTempPath(), $"personnel-walkthrough-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(scriptPath, script.ToString());
        Assert.True(File.Exists(CliDll), $"{CliDll} is missing: build the solution in Release first (./test.sh does).");
        ProcessRunner.Result result;
        try
        {
            result = await ProcessRunner.RunAsync("/bin/bash", [scriptPath], new Dictionary<string, string>
            {
                ["PERSONNEL_SERVER"] = server.Address.ToString(),
                // The CLI as it is installed: its own output folder, its own dependencies (the test's folder holds the
                // server's, which run on the ASP.NET Core shared framework the CLI does not use).
                ["PERSONNEL_CLI_DLL"] = CliDll,
                ["PERSONNEL_KEY"] = string.Empty,
            }, TimeSpan.FromMinutes(3));
        }
        finally
        {
            File.Delete(scriptPath);
        }

        var outputs = SplitOutputs(result.Out);
        foreach (var step in steps)
        {
            Assert.True(outputs.TryGetValue(step.Number, out var output), $"step {step.Number} never ran; bash printed:\n{result.Out}\n{result.Error}");
            Assert.True(output.ExitCode == step.ExitCode, $"step {step.Number} exited {output.ExitCode}, expected {step.ExitCode}:\n{step.Script}\n--- output:\n{output.Text}");
            AssertLinesInOrder(step, output.Text);
        }
    }

    private static List<Step> ReadSteps(string path)
    {
        var steps = new List<Step>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```sh", StringComparison.Ordinal))
            {
                continue;
            }

            var info = lines[i][3..].Trim();
            var body = ReadFence(lines, ref i);
            if (info is "sh setup" or "sh server")
            {
                continue;
            }

            var expected = Array.Empty<string>();
            var exitCode = 0;
            var next = i + 1;
            while (next < lines.Length && lines[next].Trim().Length == 0)
            {
                next++;
            }

            if (next < lines.Length && lines[next].StartsWith("```text", StringComparison.Ordinal))
            {
                var exit = ExitPattern().Match(lines[next]);
                exitCode = exit.Success ? int.Parse(exit.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
                i = next;
                expected = ReadFence(lines, ref i).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }

            steps.Add(new Step(steps.Count + 1, body, expected, exitCode));
        }

        return steps;
    }

    private static string ReadFence(string[] lines, ref int i)
    {
        var body = new StringBuilder();
        for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
        {
            body.Append(lines[i]).Append('\n');
        }

        return body.ToString();
    }

    private static Dictionary<int, (int ExitCode, string Text)> SplitOutputs(string output)
    {
        var result = new Dictionary<int, (int, string)>();
        var text = new StringBuilder();
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("@@begin ", StringComparison.Ordinal))
            {
                text.Clear();
            }
            else if (line.StartsWith("@@end ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                result[int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)] = (int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), text.ToString());
            }
            else
            {
                text.Append(line).Append('\n');
            }
        }

        return result;
    }

    private static void AssertLinesInOrder(Step step, string output)
    {
        var actual = output.Split('\n').Select(Normalize).ToList();
        var from = 0;
        foreach (var expected in step.Expected)
        {
            var pattern = new Regex("^" + string.Join(".*", Normalize(expected).Split('…').Select(Regex.Escape)) + "$");
            var found = actual.FindIndex(from, line => pattern.IsMatch(line));
            Assert.True(found >= 0, $"step {step.Number}: no line (after line {from}) matches\n  {expected}\n--- script:\n{step.Script}--- output:\n{output}");
            from = found + 1;
        }
    }

    private static string Normalize(string line) => SpacesPattern().Replace(line.Trim(), " ");

    [GeneratedRegex(@"exit=(\d+)")]
    private static partial Regex ExitPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacesPattern();
}
