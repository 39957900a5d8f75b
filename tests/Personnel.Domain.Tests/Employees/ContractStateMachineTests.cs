using Personnel.Domain.Common;
using Personnel.Domain.Employees;

namespace Personnel.Domain.Tests.Employees;

public class ContractStateMachineTests
{
    private const string Begin = "<!-- lifecycle-diagram:begin -->";
    private const string End = "<!-- lifecycle-diagram:end -->";
    private const string UpdateVariable = "PERSONNEL_UPDATE_README";

    /// <summary>
    /// The README's diagram is <see cref="ContractStateMachine.ToMermaid"/>. With PERSONNEL_UPDATE_README=1 the test
    /// rewrites the README's block from the table instead (then passes); otherwise a difference fails with a diff and that hint.
    /// </summary>
    [Fact]
    public void TheReadmeDiagram_IsTheTransitionTable()
    {
        var path = Path.Combine(RepositoryRoot(), "README.md");
        var readme = File.ReadAllText(path);
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md must hold the diagram between '{Begin}' and '{End}'");

        var generated = ContractStateMachine.ToMermaid().Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var block = $"{Begin}\n```mermaid\n{generated}\n```\n{End}";
            File.WriteAllText(path, readme[..start] + block + readme[(end + End.Length)..]);
            return;
        }

        var current = readme[(start + Begin.Length)..end].Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        Assert.StartsWith("```mermaid\n", current, StringComparison.Ordinal);
        Assert.EndsWith("\n```", current, StringComparison.Ordinal);
        var diagram = current["```mermaid\n".Length..^"\n```".Length].Trim();
        if (diagram != generated)
        {
            Assert.Fail($"README.md's lifecycle diagram differs from ContractStateMachine.ToMermaid():\n{LineDiff(diagram, generated)}\n" +
                $"Regenerate it with: {UpdateVariable}=1 dotnet test tests/Personnel.Domain.Tests --filter TheReadmeDiagram_IsTheTransitionTable");
        }
    }

    [Fact]
    public void LineDiff_ShowsLinesOnlyInTheReadmeAndOnlyInTheTable()
    {
        Assert.Equal("- B --> C\n+ B --> D", LineDiff("A\nB --> C", "A\nB --> D"));
    }

    [Fact]
    public void TheDiagram_ShowsEveryRowOfTheTable()
    {
        var diagram = ContractStateMachine.ToMermaid();

        foreach (var row in ContractStateMachine.Table.Rows)
        {
            var expected = row.IsInternal ? row.Trigger.ToString() : $"{row.Source} --> {row.Destination} : {row.Trigger}";
            Assert.Contains(expected, diagram, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SeparatedStates_AreFinalExceptTerminatedWhichAnAppealMayReverse()
    {
        var table = ContractStateMachine.Table;

        foreach (var state in table.States.Where(s => table.ParentOf(s) == ContractState.Separated))
        {
            var leaving = table.PermittedTriggers(state).Select(t => table.Find(state, t)!).Where(r => !r.IsInternal).ToList();
            if (state == ContractState.Terminated)
            {
                Assert.Equal(ContractTrigger.Reinstate, Assert.Single(leaving).Trigger);
            }
            else
            {
                Assert.Empty(table.PermittedTriggers(state));
            }
        }

        Assert.True(table.IsAbstract(ContractState.Separated));
        Assert.True(table.IsAbstract(ContractState.InService));
    }

    [Fact]
    public void ASubstate_InheritsItsSuperstatesRows()
    {
        var table = ContractStateMachine.Table;

        Assert.Equal(ContractState.Resigned, table.Find(ContractState.InPromotionTrial, ContractTrigger.Resign)!.Destination);
        Assert.True(table.IsInState(ContractState.InPromotionTrial, ContractState.InService));
        Assert.Null(table.Find(ContractState.InProbation, ContractTrigger.Promote));
    }

    [Fact]
    public void TheTable_RefusesTwoRowsForOneTrigger()
    {
        var table = new TransitionTable<ContractState, ContractTrigger, int, int>(ContractState.NotAppointed, Rules.ContractLifecycle);
        table.Configure(ContractState.Appointed).Permit(ContractTrigger.Resign, ContractState.Resigned);

        Assert.Throws<InvalidOperationException>(() => table.Configure(ContractState.Appointed).Permit(ContractTrigger.Resign, ContractState.Retired));
    }

    [Fact]
    public void TheTable_RefusesACycleOfSuperstates()
    {
        var table = new TransitionTable<ContractState, ContractTrigger, int, int>(ContractState.NotAppointed, Rules.ContractLifecycle);
        table.Configure(ContractState.Appointed).SubstateOf(ContractState.InService);

        Assert.Throws<InvalidOperationException>(() => table.Configure(ContractState.InService).SubstateOf(ContractState.Appointed));
    }

    [Fact]
    public void EntryActions_RunOutermostFirstOnlyForStatesEntered()
    {
        var log = new List<string>();
        var table = new TransitionTable<ContractState, ContractTrigger, int, int>(ContractState.NotAppointed, Rules.ContractLifecycle);
        table.Configure(ContractState.InService).OnEntry("service", _ => log.Add("InService"));
        table.Configure(ContractState.Appointed).SubstateOf(ContractState.InService).OnEntry("appointed", _ => log.Add("Appointed"))
            .Permit(ContractTrigger.Promote, ContractState.InPromotionTrial);
        table.Configure(ContractState.InPromotionTrial).SubstateOf(ContractState.Appointed).OnEntry("trial", _ => log.Add("Trial"))
            .Permit(ContractTrigger.PassTrial, ContractState.Appointed);
        table.Configure(ContractState.NotAppointed).Permit(ContractTrigger.AppointFormally, ContractState.Appointed);

        var state = table.Fire(ContractState.NotAppointed, ContractTrigger.AppointFormally, 0);
        state = table.Fire(state, ContractTrigger.Promote, 0);
        state = table.Fire(state, ContractTrigger.PassTrial, 0);

        Assert.Equal(ContractState.Appointed, state);
        Assert.Equal(["InService", "Appointed", "Trial"], log);
    }

    [Fact]
    public void AGuardThatFails_NamesItsRule()
    {
        var table = new TransitionTable<ContractState, ContractTrigger, int, int>(ContractState.NotAppointed, Rules.ContractLifecycle);
        table.Configure(ContractState.Appointed).PermitIf(
            ContractTrigger.Retire, ContractState.Retired, new Guard<int>("old enough", Rules.Termination, age => age < 60 ? $"age {age}" : null));

        var error = Assert.Throws<RuleViolationException>(() => table.Ensure(ContractState.Appointed, ContractTrigger.Retire, 59));

        Assert.Equal(Rules.Termination, error.Rule);
        Assert.Contains("age 59", error.Message, StringComparison.Ordinal);
        Assert.True(table.CanFire(ContractState.Appointed, ContractTrigger.Retire, 60));
    }

    /// <summary>Lines only in the README ("- ") and lines only in the generated diagram ("+ "), in their order.</summary>
    private static string LineDiff(string readme, string generated)
    {
        var readmeLines = readme.Split('\n').Select(l => l.TrimEnd()).ToList();
        var generatedLines = generated.Split('\n').Select(l => l.TrimEnd()).ToList();
        return string.Join('\n', readmeLines.Except(generatedLines).Select(l => $"- {l}")
            .Concat(generatedLines.Except(readmeLines).Select(l => $"+ {l}")));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Personnel.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Personnel.sln above {AppContext.BaseDirectory}");
    }
}
