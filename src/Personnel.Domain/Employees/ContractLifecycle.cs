using Personnel.Domain.Common;
using Stateless.Graph;
using Stateless.Reflection;

namespace Personnel.Domain.Employees;

/// <summary>
/// What the contract machine says about itself, the same for every employee: read once from Stateless'
/// introspection (<see cref="StateMachineInfo"/>) of the machine <see cref="Employee"/> configures once for the type. Refusals,
/// the diagram of the README and the state questions of other layers come from here, not from a second copy
/// of the lifecycle.
/// </summary>
public static class ContractLifecycle
{
    private static readonly Dictionary<ContractTrigger, Rule> TriggerRules = new()
    {
        [ContractTrigger.AppointOnProbation] = Rules.AppointmentOnce,
        [ContractTrigger.AppointFormally] = Rules.AppointmentOnce,
        [ContractTrigger.PassProbation] = Rules.Probation,
        [ContractTrigger.FailProbation] = Rules.Probation,
        [ContractTrigger.Promote] = Rules.PromotionTrial,
        [ContractTrigger.PassTrial] = Rules.PromotionTrial,
        [ContractTrigger.FailTrial] = Rules.PromotionTrial,
        [ContractTrigger.ChangePost] = Rules.PostChangeWithinTerm,
        [ContractTrigger.Rotate] = Rules.Rotation,
        [ContractTrigger.OpenRenewal] = Rules.ContractTerm,
        [ContractTrigger.Renew] = Rules.ContractTerm,
        [ContractTrigger.DeclineRenewal] = Rules.ContractTerm,
        [ContractTrigger.Resign] = Rules.Termination,
        [ContractTrigger.TransferOut] = Rules.Termination,
        [ContractTrigger.Retire] = Rules.Termination,
        [ContractTrigger.Dismiss] = Rules.Dismissal,
        [ContractTrigger.Reinstate] = Rules.AppealOfIncompetent,
        [ContractTrigger.AppealAnnualGrade] = Rules.AppealOfIncompetent,
        [ContractTrigger.ResolveAppeal] = Rules.AppealOfIncompetent,
        [ContractTrigger.CorrectAnnualGrade] = Rules.AnnualGradeCorrection,
        [ContractTrigger.OrderLeadershipAdjustment] = Rules.LeadershipAdjustment,
        [ContractTrigger.RescindLeadershipAdjustment] = Rules.LeadershipAdjustment,
        [ContractTrigger.RecordHealthIncapacity] = Rules.HealthPostAdjustment,
    };

    private static readonly Lazy<Facts> Read = new(() => new Facts(Employee.ContractInfo()));

    /// <summary>The machine's states, transitions, guards and entry actions (Stateless introspection).</summary>
    public static StateMachineInfo Info => Read.Value.Info;

    /// <summary>Every state the machine knows.</summary>
    public static IReadOnlyCollection<ContractState> States => Read.Value.Superstates.Keys;

    /// <summary>The rule a refusal of <paramref name="trigger"/> cites when the trigger is not allowed in the state at all.</summary>
    public static Rule RuleOf(ContractTrigger trigger) => TriggerRules.GetValueOrDefault(trigger, Rules.ContractLifecycle);

    /// <summary>The superstate of <paramref name="state"/>, or null at the top.</summary>
    public static ContractState? SuperstateOf(ContractState state) => Read.Value.Superstates[state];

    /// <summary>True when <paramref name="state"/> is <paramref name="ancestorOrSelf"/> or one of its substates.</summary>
    public static bool IsInState(ContractState state, ContractState ancestorOrSelf)
    {
        for (ContractState? current = state; current is { } s; current = SuperstateOf(s))
        {
            if (s == ancestorOrSelf)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A superstate that no transition leads to directly (InService, Separated): never the state of a contract.</summary>
    public static bool IsAbstract(ContractState state) => Read.Value.Abstract.Contains(state);

    /// <summary>The triggers <paramref name="state"/> handles, its own and its superstates', guards not consulted.</summary>
    public static IReadOnlyCollection<ContractTrigger> HandledIn(ContractState state) => Read.Value.Handled[state];

    /// <summary>Where <paramref name="trigger"/> is allowed, for a refusal's message: "only in A, B" or "in no state".</summary>
    public static string WhereAllowed(ContractTrigger trigger)
    {
        var states = Read.Value.Handled.Where(h => h.Value.Contains(trigger) && !IsAbstract(h.Key)).Select(h => h.Key).ToList();
        return states.Count == 0 ? "in no state" : $"only {string.Join(", ", states.Select(Words))}";
    }

    /// <summary>A contract state as a refusal names it for the people who read it: the policy's Chinese term and English.</summary>
    public static string Words(ContractState state) => state switch
    {
        ContractState.NotAppointed => "未聘任 not appointed",
        ContractState.InService => "在聘 in service",
        ContractState.InProbation => "试用期 in probation",
        ContractState.Appointed => "正式聘任 appointed",
        ContractState.InPromotionTrial => "提拔任职试用期 on a promotion trial",
        ContractState.AwaitingRenewal => "待续聘 awaiting renewal",
        ContractState.Separated => "已离岗 separated",
        ContractState.ProbationFailed => "取消聘任 probation failed",
        ContractState.NotRenewed => "不再续聘 not renewed",
        ContractState.Resigned => "辞职 resigned",
        ContractState.TransferredOut => "调出 transferred out",
        ContractState.Dismissed => "辞聘 dismissed",
        ContractState.Terminated => "解除聘用合同 terminated",
        ContractState.Retired => "退休 retired",
        _ => state.ToString(),
    };

    /// <summary>What a trigger asks, in words ("record a sanction"), for refusals: never the trigger's code name.</summary>
    public static string Words(ContractTrigger trigger) =>
        System.Text.RegularExpressions.Regex.Replace(trigger.ToString(), "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();

    /// <summary>The machine as a Mermaid state diagram: Stateless' own export, the README's lifecycle block.</summary>
    public static string ToMermaid() => MermaidGraph.Format(Info);

    private sealed class Facts
    {
        public Facts(StateMachineInfo info)
        {
            Info = info;
            var states = info.States.ToList();
            Superstates = states.ToDictionary(s => (ContractState)s.UnderlyingState, s => (ContractState?)s.Superstate?.UnderlyingState);
            var own = states.ToDictionary(
                s => (ContractState)s.UnderlyingState,
                s => s.FixedTransitions.Select(t => (ContractTrigger)t.Trigger.UnderlyingTrigger).ToHashSet());
            Handled = own.Keys.ToDictionary(s => s, s =>
            {
                var handled = new HashSet<ContractTrigger>();
                for (ContractState? current = s; current is { } c; current = Superstates[c])
                {
                    handled.UnionWith(own[c]);
                }

                return (IReadOnlyCollection<ContractTrigger>)handled;
            });
            var destinations = states.SelectMany(s => s.FixedTransitions.Where(t => !t.IsInternalTransition))
                .Select(t => (ContractState)t.DestinationState.UnderlyingState).ToHashSet();
            var initial = (ContractState)info.InitialState.UnderlyingState;
            Abstract = states.Where(s => s.Substates.Any()).Select(s => (ContractState)s.UnderlyingState)
                .Where(s => !destinations.Contains(s) && s != initial).ToHashSet();
        }

        public StateMachineInfo Info { get; }

        public Dictionary<ContractState, ContractState?> Superstates { get; }

        public Dictionary<ContractState, IReadOnlyCollection<ContractTrigger>> Handled { get; }

        public HashSet<ContractState> Abstract { get; }
    }
}
