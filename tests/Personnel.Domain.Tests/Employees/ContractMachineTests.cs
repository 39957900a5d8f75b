using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;
using S = Personnel.Domain.Employees.ContractState;
using T = Personnel.Domain.Employees.ContractTrigger;

namespace Personnel.Domain.Tests.Employees;

/// <summary>
/// The Stateless machine inside <see cref="Employee"/> against the lifecycle of RULES.md written out here
/// (<see cref="Expected"/>): every (state, trigger) pair, the README's diagram, and refusals named by the machine.
/// </summary>
public class ContractMachineTests
{
    private const string Begin = "<!-- lifecycle-diagram:begin -->";
    private const string End = "<!-- lifecycle-diagram:end -->";
    private const string UpdateVariable = "PERSONNEL_UPDATE_README";

    /// <summary>A trigger allowed but keeping the state (an internal transition).</summary>
    private static readonly S? Stays = null;

    /// <summary>
    /// The lifecycle as AM 第九条–第十八条 and AS 第二十一条, 第二十八条 describe it, independent of the machine: for each
    /// state a contract can be in, the triggers it allows and where each leads (<see cref="Stays"/>: an internal
    /// transition). Every other pair is refused.
    /// </summary>
    private static readonly Dictionary<S, Dictionary<T, S?>> Expected = Build();

    /// <summary>The rule a trigger's refusal cites when the state does not allow it at all.</summary>
    private static readonly Dictionary<T, Rule> RefusalRules = new()
    {
        [T.AppointOnProbation] = Rules.AppointmentOnce, [T.AppointFormally] = Rules.AppointmentOnce,
        [T.PassProbation] = Rules.Probation, [T.FailProbation] = Rules.Probation,
        [T.Promote] = Rules.PromotionTrial, [T.PassTrial] = Rules.PromotionTrial, [T.FailTrial] = Rules.PromotionTrial,
        [T.ChangePost] = Rules.PostChangeWithinTerm, [T.Rotate] = Rules.Rotation,
        [T.OpenRenewal] = Rules.ContractTerm, [T.Renew] = Rules.ContractTerm, [T.DeclineRenewal] = Rules.ContractTerm,
        [T.Resign] = Rules.Termination, [T.TransferOut] = Rules.Termination, [T.Retire] = Rules.Termination,
        [T.Dismiss] = Rules.Dismissal,
        [T.Reinstate] = Rules.AppealOfIncompetent, [T.AppealAnnualGrade] = Rules.AppealOfIncompetent, [T.ResolveAppeal] = Rules.AppealOfIncompetent,
        [T.OrderLeadershipAdjustment] = Rules.LeadershipAdjustment, [T.RescindLeadershipAdjustment] = Rules.LeadershipAdjustment,
        [T.RecordHealthIncapacity] = Rules.HealthPostAdjustment,
        [T.CorrectAnnualGrade] = Rules.AnnualGradeCorrection,
    };

    public static TheoryData<S, T> EveryPair()
    {
        var pairs = new TheoryData<S, T>();
        foreach (var state in Expected.Keys)
        {
            foreach (var trigger in Enum.GetValues<T>())
            {
                pairs.Add(state, trigger);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void EveryStateAndTrigger_IsAllowedWithItsTargetOrRefusedNamingItsRule(S state, T trigger)
    {
        var (employee, on) = InState(state);
        Assert.Equal(state, employee.State);

        var refusal = employee.RefusalOf(trigger, on);
        var notAllowed = $"{ContractLifecycle.Words(trigger)} is not allowed while the contract is {ContractLifecycle.Words(state)}";
        if (!Expected[state].TryGetValue(trigger, out var target))
        {
            Assert.NotNull(refusal);
            Assert.Equal(RefusalRules.GetValueOrDefault(trigger, Rules.ContractLifecycle), refusal.Rule);
            Assert.Contains(notAllowed, refusal.Message, StringComparison.Ordinal);
            Assert.False(employee.CanFire(trigger, on));
            return;
        }

        // Allowed: at most a guard refuses it on this date (with that guard's own facts), never the state.
        Assert.True(refusal is null || !refusal.Message.Contains(notAllowed, StringComparison.Ordinal), refusal?.Message);
        Assert.Contains(trigger, ContractLifecycle.HandledIn(state));
        var transition = TransitionsOf(state).Single(t => t.Trigger == trigger);
        Assert.Equal(target is null, transition.IsInternal);
        Assert.Equal(target ?? transition.Source, transition.Destination);
    }

    [Fact]
    public void EveryStateAContractCanBeIn_IsInTheExpectedTable()
    {
        var concrete = ContractLifecycle.States.Where(s => !ContractLifecycle.IsAbstract(s)).Order().ToList();

        Assert.Equal(Expected.Keys.Order(), concrete);
        Assert.True(ContractLifecycle.IsAbstract(S.InService));
        Assert.True(ContractLifecycle.IsAbstract(S.Separated));
    }

    [Fact]
    public void TheSubstates_AreThoseOfTheRules()
    {
        Assert.Equal(S.Appointed, ContractLifecycle.SuperstateOf(S.InPromotionTrial));
        Assert.Equal(S.InService, ContractLifecycle.SuperstateOf(S.Appointed));
        foreach (var kind in new[] { S.ProbationFailed, S.NotRenewed, S.Resigned, S.TransferredOut, S.Dismissed, S.Terminated, S.Retired })
        {
            Assert.Equal(S.Separated, ContractLifecycle.SuperstateOf(kind));
        }

        Assert.True(ContractLifecycle.IsInState(S.InPromotionTrial, S.InService));
        Assert.False(ContractLifecycle.IsInState(S.Terminated, S.InService));
    }

    [Fact]
    public void AGuardThatFails_IsReportedByTheMachineAndNamesItsRuleAndFacts()
    {
        var employee = Employee.Appoint(D("2020-03-01"), Request(method: AppointmentMethod.OpenRecruitment, probation: ProbationKind.Standard));

        var refusal = employee.RefusalOf(T.PassProbation, D("2020-08-30"));

        Assert.NotNull(refusal);
        Assert.Equal(Rules.Probation, refusal.Rule);
        Assert.Contains("the probation runs until 2020-08-31; it cannot be passed on 2020-08-30", refusal.Message, StringComparison.Ordinal);
        Assert.Null(employee.RefusalOf(T.PassProbation, D("2020-08-31")));
    }

    [Fact]
    public void TwoGuards_TheFirstUnmetIsTheOneNamed()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        employee.Promote(D("2020-06-01"), Level(Post.Staff, 5));

        var refusal = employee.RefusalOf(T.Promote, D("2020-07-01"));

        Assert.Equal(Rules.PromotionTrial, refusal!.Rule);
        Assert.Contains("the promotion trial runs until 2021-05-31 and must be decided first", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_AppliesRecordedEventsWithoutJudgingTheGuardsAgain()
    {
        // Passed on 2020-05-01 under a profile with a shorter probation: today's guard (probation served) would refuse it.
        var history = new EmployeeEvent[]
        {
            new EmployeeAppointed(D("2020-03-01"), Zhang, Planning, Level(Post.Staff, 6), AppointmentMethod.OpenRecruitment,
                ProbationKind.Standard, D("2020-08-31"), D("2020-03-01"), D("2023-02-28"), D("2050-06-30"), false,
                AdministrativeRank.FirstGradeStaff, D("2015-01-01"), Education.Bachelor),
            new ProbationPassed(D("2020-05-01")),
        };

        var employee = Employee.FromHistory(history);

        Assert.Equal(S.Appointed, employee.State);
        Assert.NotNull(Employee.FromHistory(history.Take(1)).RefusalOf(T.PassProbation, D("2020-05-01")));
    }

    [Fact]
    public void Replay_OfATransitionNoStateAllows_IsCorruptHistory()
    {
        var history = new EmployeeEvent[] { new ProbationPassed(D("2020-05-01")) };

        Assert.Throws<InvalidOperationException>(() => Employee.FromHistory(history));
    }

    [Fact]
    public void TheSharedMachine_KeepsEachEmployeesStateWhenThreadsUseItAtOnce()
    {
        // One machine serves the type; each thread names its employee while it runs. Employees in different states,
        // driven and replayed on many threads at once, each end where its own history leads.
        var outcomes = new S[4000];
        Parallel.For(0, outcomes.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var employee = Appointed("2020-01-01");
            switch (i % 4)
            {
                case 0:
                    employee.Promote(D("2020-06-01"), Level(Post.Staff, 5));
                    break;
                case 1:
                    employee.OpenRenewal(D("2022-11-01"));
                    break;
                case 2:
                    employee.Resign(D("2021-01-01"));
                    break;
            }

            outcomes[i] = Employee.FromHistory(employee.History).State;
            Assert.Equal(employee.State, outcomes[i]);
        });

        S[] expected = [S.InPromotionTrial, S.AwaitingRenewal, S.Resigned, S.Appointed];
        Assert.All(outcomes.Select((state, i) => (state, i)), o => Assert.Equal(expected[o.i % 4], o.state));
    }

    [Fact]
    public void EntryActions_RunWhenTheirStateIsEntered()
    {
        var employee = Appointed("2020-01-01", Post.Staff, level: 6);
        employee.Promote(D("2020-06-01"), Level(Post.Staff, 5));
        Assert.Equal((D("2021-05-31"), (PostLevel?)Level(Post.Staff, 6, 3)), (employee.TrialEnd, employee.TrialBefore));

        employee.Resign(D("2020-09-01"));

        Assert.Equal(S.Resigned, employee.State);
        Assert.Equal(D("2020-09-01"), employee.SeparatedOn);
        var entries = ContractLifecycle.Info.States.ToDictionary(s => (S)s.UnderlyingState, s => s.EntryActions.Select(a => a.Method.Description).ToList());
        Assert.Equal(["start the probation clock"], entries[S.InProbation]);
        Assert.Equal(["start the promotion trial"], entries[S.InPromotionTrial]);
        Assert.Equal(["close the contract"], entries[S.Separated]);
    }

    /// <summary>
    /// The README's diagram is Stateless' Mermaid export of the configured machine (<see cref="ContractLifecycle.ToMermaid"/>).
    /// With PERSONNEL_UPDATE_README=1 the test rewrites the README's block from the machine instead (then passes);
    /// otherwise a difference fails with a diff and that hint.
    /// </summary>
    [Fact]
    public void TheReadmeDiagram_IsTheMachine()
    {
        var path = Path.Combine(RepositoryRoot(), "README.md");
        var readme = File.ReadAllText(path);
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md must hold the diagram between '{Begin}' and '{End}'");

        var generated = Normalise(ContractLifecycle.ToMermaid());
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
            Assert.Fail($"README.md's lifecycle diagram differs from ContractLifecycle.ToMermaid():\n{LineDiff(diagram, generated)}\n" +
                $"Regenerate it with: {UpdateVariable}=1 dotnet test tests/Personnel.Domain.Tests --filter TheReadmeDiagram_IsTheMachine");
        }
    }

    [Fact]
    public void LineDiff_ShowsLinesOnlyInTheReadmeAndOnlyInTheMachine()
    {
        Assert.Equal("- B --> C\n+ B --> D", LineDiff("A\nB --> C", "A\nB --> D"));
    }

    [Fact]
    public void TheDiagram_ShowsEveryTransitionWithItsGuardsAndArticles()
    {
        var diagram = ContractLifecycle.ToMermaid();

        foreach (var (state, transitions) in Expected)
        {
            foreach (var (trigger, target) in transitions.Where(t => t.Value is not null))
            {
                var owner = TransitionsOf(state).Single(t => t.Trigger == trigger).Source;
                Assert.Contains($"{owner} --> {target} : {trigger}", diagram, StringComparison.Ordinal);
            }
        }

        Assert.Contains("[probation served (AM 第十三条)]", diagram, StringComparison.Ordinal);
        Assert.Contains("Promote [not already on a trial (AM 第十三条)] [promotion not frozen (AS 第二十条; AM 第十七条)]", diagram, StringComparison.Ordinal);
        Assert.Contains("InService --> InService : RecordQuarterlyGrade [internal]", diagram, StringComparison.Ordinal);
    }

    private static Dictionary<S, Dictionary<T, S?>> Build()
    {
        var inService = new Dictionary<T, S?>
        {
            [T.Resign] = S.Resigned, [T.TransferOut] = S.TransferredOut, [T.Retire] = S.Retired,
            [T.Dismiss] = S.Dismissed, [T.Terminate] = S.Terminated,
        };
        foreach (var record in new[]
        {
            T.RecordSanction, T.RecordInvestigation, T.RecordLeave, T.RecordAbsence, T.RecordHealthIncapacity, T.RecordSecondment,
            T.RecordQuarterlyGrade, T.ProposeExcellent, T.RecordAnnualGrade, T.AppealAnnualGrade, T.ResolveAppeal,
            T.OrderLeadershipAdjustment, T.RescindLeadershipAdjustment, T.RecordQualifications, T.RecordRankingPlace, T.SignAnnualFeedback,
            T.RecordAttendance, T.CorrectAnnualGrade,
        })
        {
            inService[record] = Stays;
        }

        Dictionary<T, S?> With(params (T Trigger, S? Target)[] rows)
        {
            var table = new Dictionary<T, S?>(inService);
            foreach (var (trigger, target) in rows)
            {
                table[trigger] = target;
            }

            return table;
        }

        var appointed = With(
            (T.Promote, S.InPromotionTrial), (T.ChangePost, Stays), (T.Rotate, Stays), (T.OpenRenewal, S.AwaitingRenewal));
        return new Dictionary<S, Dictionary<T, S?>>
        {
            [S.NotAppointed] = new() { [T.AppointOnProbation] = S.InProbation, [T.AppointFormally] = S.Appointed },
            [S.InProbation] = With((T.PassProbation, S.Appointed), (T.FailProbation, S.ProbationFailed)),
            [S.Appointed] = appointed,
            [S.InPromotionTrial] = new(appointed) { [T.PassTrial] = S.Appointed, [T.FailTrial] = S.Appointed },
            [S.AwaitingRenewal] = With((T.Renew, S.Appointed), (T.DeclineRenewal, S.NotRenewed)),
            [S.ProbationFailed] = [],
            [S.NotRenewed] = [],
            [S.Resigned] = [],
            [S.TransferredOut] = [],
            [S.Dismissed] = [],
            [S.Retired] = [],
            [S.Terminated] = new() { [T.AppealAnnualGrade] = Stays, [T.ResolveAppeal] = Stays, [T.CorrectAnnualGrade] = Stays, [T.Reinstate] = S.Appointed },
        };
    }

    /// <summary>An employee in <paramref name="state"/>, reached through the intent methods, and a date to ask on.</summary>
    private static (Employee Employee, DateOnly On) InState(S state)
    {
        Employee OnProbation() => Employee.Appoint(D("2020-03-01"), Request(method: AppointmentMethod.OpenRecruitment, probation: ProbationKind.Standard));
        Employee AwaitingRenewal()
        {
            var e = Appointed("2020-01-01");
            e.OpenRenewal(D("2022-11-01"));
            return e;
        }

        Employee Then(Employee e, Action<Employee> act)
        {
            act(e);
            return e;
        }

        var employee = state switch
        {
            S.NotAppointed => Employee.New(),
            S.InProbation => OnProbation(),
            S.Appointed => Appointed("2020-01-01"),
            S.InPromotionTrial => Then(Appointed("2020-01-01"), e => e.Promote(D("2020-06-01"), Level(Post.Staff, 5))),
            S.AwaitingRenewal => AwaitingRenewal(),
            S.ProbationFailed => Then(OnProbation(), e => e.FailProbation(D("2020-06-01"), "not suited")),
            S.NotRenewed => Then(AwaitingRenewal(), e => e.DeclineRenewal(D("2022-12-01"), "post abolished")),
            S.Resigned => Then(Appointed("2020-01-01"), e => e.Resign(D("2021-01-01"))),
            S.TransferredOut => Then(Appointed("2020-01-01"), e => e.TransferOut(D("2021-01-01"), "city bureau")),
            S.Dismissed => Then(Appointed("2020-01-01"), e => e.Dismiss(D("2021-01-01"), DismissalCause.IncompetentRefusesArrangement, "refused")),
            S.Retired => Then(Appointed("2020-01-01", retirement: "2021-06-30"), e => e.Retire(D("2021-06-30"))),
            S.Terminated => Then(Appointed("2020-01-01"), e =>
            {
                Year(e, 2020, AnnualGrade.Incompetent);
                Year(e, 2021, AnnualGrade.Incompetent);
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a state a contract can be in"),
        };
        return (employee, D("2022-12-15"));
    }

    /// <summary>The transitions <paramref name="state"/> follows, its own and inherited, as Stateless describes them.</summary>
    private static List<(S Source, T Trigger, S Destination, bool IsInternal)> TransitionsOf(S state)
    {
        var result = new List<(S, T, S, bool)>();
        for (S? current = state; current is { } s; current = ContractLifecycle.SuperstateOf(s))
        {
            var info = ContractLifecycle.Info.States.Single(i => (S)i.UnderlyingState == s);
            result.AddRange(info.FixedTransitions.Select(t =>
                (s, (T)t.Trigger.UnderlyingTrigger, (S)t.DestinationState.UnderlyingState, t.IsInternalTransition)));
        }

        return result;
    }

    private static string Normalise(string mermaid) =>
        string.Join('\n', mermaid.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim();

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
