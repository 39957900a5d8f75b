using System.Text.Json;
using Personnel.Api.V1;
using Personnel.Cli.Output;
using Personnel.Tests.Shared;

namespace Personnel.Cli.Tests;

/// <summary>
/// Issue 17 item 6: one `--json` convention for scripts (proto field names, enum proto names, ISO dates) and table
/// headings in Chinese and English; `personnel completion bash|zsh` prints a script that completes the command tree.
/// </summary>
public sealed class OutputConventionTests
{
    [Fact]
    public void Json_WritesEveryDateAsAnIsoString_NestedRepeatedAndInMaps_AndLeavesAnUnsetDateOut()
    {
        var tenure = new GetTenureResponse
        {
            EmployeeId = "e-1",
            AsOf = Values.ToDate(new DateOnly(2024, 1, 3)),
            PostLevel = new PostLevel { Post = Post.DeputySectionChief, GradeLevel = 5, Step = 2 },
            RotationDue = new RotationDue { DueOn = Values.ToDate(new DateOnly(2025, 12, 31)), Strength = RotationStrength.Mandatory },
            CareerUncountedYears = { new UncountedYear { Year = 2022, Reason = "基本称职 (AS 第二十条)" } },
        };
        var department = new GetDepartmentResponse { Department = new Department { DepartmentId = "d-1" } };
        department.Department.PendingLeadershipAdjustments.Add(new PendingLeadershipAdjustment { Year = 2023, OrderedOn = Values.ToDate(new DateOnly(2024, 1, 20)) });

        using var json = JsonDocument.Parse(Values.Json(tenure));
        using var repeated = JsonDocument.Parse(Values.Json(department));

        var root = json.RootElement;
        Assert.Equal("2024-01-03", root.GetProperty("as_of").GetString());
        Assert.Equal("2025-12-31", root.GetProperty("rotation_due").GetProperty("due_on").GetString());
        Assert.Equal("ROTATION_STRENGTH_MANDATORY", root.GetProperty("rotation_due").GetProperty("strength").GetString());
        Assert.Equal("POST_DEPUTY_SECTION_CHIEF", root.GetProperty("post_level").GetProperty("post").GetString());
        Assert.Equal("基本称职 (AS 第二十条)", root.GetProperty("career_uncounted_years")[0].GetProperty("reason").GetString());
        Assert.False(root.TryGetProperty("term_ends_on", out _));
        Assert.Equal(0, root.GetProperty("counted_years").GetInt32());
        Assert.Equal("2024-01-20", repeated.RootElement.GetProperty("department").GetProperty("pending_leadership_adjustments")[0].GetProperty("ordered_on").GetString());
        Assert.DoesNotContain("\\u", Values.Json(tenure), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', Values.Json(tenure));
    }

    [Theory]
    [InlineData("employee", "员工编号 / employee")]
    [InlineData("grade", "等次 / grade")]
    [InlineData("decided on", "决定日期 / decided on")]
    [InlineData("no such heading", "no such heading")]
    public void Headings_PutTheChineseTermBeforeTheEnglish(string english, string shown) => Assert.Equal(shown, Headings.Of(english));

    [Fact]
    public void EveryHeadingTheCommandsWrite_HasItsChineseTerm()
    {
        // The headings are English literals in the command files: table columns (Render.NewTable), the rows of a record
        // (Render.Fields tuples, one per line), and the events header line.
        var headings = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "clients", "Personnel.Cli", "Commands"), "*.cs"))
        {
            var text = File.ReadAllText(file);
            foreach (System.Text.RegularExpressions.Match call in System.Text.RegularExpressions.Regex.Matches(text, @"(?:Render\.NewTable\(|Line\(\[)([^;]*?)[\])]"))
            {
                headings.UnionWith(System.Text.RegularExpressions.Regex.Matches(call.Groups[1].Value, "\"([^\"]+)\"").Select(m => m.Groups[1].Value));
            }

            headings.UnionWith(System.Text.RegularExpressions.Regex.Matches(text, @"^\s*\(""([a-z][^""]*)"",", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value));
        }

        Assert.True(headings.Count > 60, $"only {headings.Count} headings found");
        var missing = headings.Where(h => !Headings.Has(h)).ToList();
        Assert.True(missing.Count == 0, "headings without a Chinese term in Output/Headings.cs: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task CompletionBash_CompletesCommandsAndOptionsDownTheTree_WhenSourcedIntoBash()
    {
        var script = await CliHarness.RunAsync("completion", "bash");
        Assert.Equal(0, script.ExitCode);
        var path = Path.Combine(Path.GetTempPath(), $"personnel-completion-{Guid.NewGuid():N}.bash");
        await File.WriteAllTextAsync(path, script.Out);
        try
        {
            var result = await ProcessRunner.RunAsync("/bin/bash", ["-c", $$"""
                source '{{path}}'
                complete -p personnel
                COMP_WORDS=(personnel employee pro); COMP_CWORD=2; _personnel; echo "1:${COMPREPLY[*]}"
                COMP_WORDS=(personnel --json grades appeal ''); COMP_CWORD=4; _personnel; echo "2:${COMPREPLY[*]}"
                COMP_WORDS=(personnel employee promote e-1 --grade); COMP_CWORD=4; _personnel; echo "3:${COMPREPLY[*]}"
                COMP_WORDS=(personnel pa); COMP_CWORD=1; _personnel; echo "4:${COMPREPLY[*]}"
                """], new Dictionary<string, string>(), TimeSpan.FromSeconds(30));

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("complete -F _personnel personnel", result.Out);
            Assert.Contains("1:promote probation-outcome\n", result.Out);
            Assert.Contains("2:file resolve --help --server --key --json --ca-file\n", result.Out);
            Assert.Contains("3:--grade-level\n", result.Out);
            Assert.Contains("4:pay\n", result.Out);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task CompletionZsh_IsACompdefScript_ListingTheSameTree()
    {
        var zsh = await CliHarness.RunAsync("completion", "zsh");
        var bash = await CliHarness.RunAsync("completion", "bash");

        Assert.Equal(0, zsh.ExitCode);
        Assert.StartsWith("#compdef personnel\n", zsh.Out);
        Assert.Contains("compdef _personnel personnel", zsh.Out);
        Assert.Contains("        \"grades appeal\") echo \"file resolve --help --server --key --json --ca-file\" ;;", zsh.Out);
        Assert.Contains("        \"events watch\") echo \"--after --type --department --limit --until-idle --help --server --key --json --ca-file\" ;;", zsh.Out);
        var cases = (string text) => text.Split('\n').Where(l => l.Contains(") echo ", StringComparison.Ordinal)).ToList();
        Assert.Equal(cases(bash.Out), cases(zsh.Out));
    }
}
