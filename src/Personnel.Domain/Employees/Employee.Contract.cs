using Personnel.Domain.Common;
using Stateless;
using static Personnel.Domain.Employees.ContractState;
using Machine = Stateless.StateMachine<Personnel.Domain.Employees.ContractState, Personnel.Domain.Employees.ContractTrigger>;

namespace Personnel.Domain.Employees;

/// <summary>
/// The contract lifecycle (AM 第九条–第十八条) as a Stateless machine inside the aggregate. The state lives in
/// <see cref="State"/> (external accessor and mutator), so replay keeps owning it. Intent methods ask the machine
/// first (<see cref="EnsureAllowed"/>: <c>CanFire</c> with the decision), then raise events; applying an event fires
/// its trigger, which moves the state and runs the entry actions.
/// </summary>
/// <remarks>
/// One machine for the type, configured once: bench/domain measured configuring a machine per aggregate at 14 µs, more
/// than half of replaying a 100-event history, paid on every activation and every as-of question (bench/RESULTS.md,
/// "domain"). The shared machine reads and writes the state of the employee it is used for, which
/// <see cref="OnContract{T}"/> names for the calling thread while it runs (the domain is synchronous: nothing awaits
/// in between). In immediate firing mode Stateless keeps no per-call state in the machine itself, so threads using it
/// for different employees do not meet.
/// </remarks>
public sealed partial class Employee
{
    /// <summary>One trigger object per trigger, shared by every machine: each carries a <see cref="ContractDecision"/>.</summary>
    private static readonly Machine.TriggerWithParameters<ContractDecision>[] Triggers =
        Enum.GetValues<ContractTrigger>().Select(t => new Machine.TriggerWithParameters<ContractDecision>(t)).ToArray();

    /// <summary>The machine, configured on first use (after every other static of the type is set).</summary>
    private static Machine Contract => SharedMachine.Instance;

    /// <summary>The employee the shared machine acts on, for the calling thread, while <see cref="OnContract{T}"/> runs.</summary>
    [ThreadStatic]
    private static Employee? t_current;

    private static Machine.TriggerWithParameters<ContractDecision> With(ContractTrigger trigger) => Triggers[(int)trigger];

    private static Tuple<Func<ContractDecision, bool>, string> When(ContractGuard guard) => Tuple.Create<Func<ContractDecision, bool>, string>(guard.Holds, guard.Description);

    /// <summary>What the diagram shows on an unguarded internal transition (Stateless would print "Function").</summary>
    private const string Internal = "internal";

    private static void Keep(ContractDecision decision, Machine.Transition transition)
    {
        // An internal transition: allowed, the state stays; the event's facts were applied by ApplyFacts.
    }

    private static bool Always(ContractDecision decision) => true;

    private static Machine ConfigureContract()
    {
        var machine = new Machine(
            // Stateless reads the state once while it is constructed, before any employee uses it: the initial state.
            () => t_current is { } employee ? employee.State : NotAppointed,
            s => (t_current ?? throw new InvalidOperationException("the contract machine is used outside OnContract")).State = s,
            FiringMode.Immediate);

        machine.Configure(NotAppointed)
            .PermitIf(With(ContractTrigger.AppointOnProbation), InProbation, When(ContractGuards.RetirementRoom))
            .PermitIf(With(ContractTrigger.AppointFormally), Appointed, When(ContractGuards.RetirementRoom));

        var inService = machine.Configure(InService)
            .Permit(ContractTrigger.Resign, Resigned)
            .Permit(ContractTrigger.TransferOut, ContractState.TransferredOut)
            .PermitIf(With(ContractTrigger.Retire), Retired, When(ContractGuards.RetirementReached))
            .Permit(ContractTrigger.Dismiss, Dismissed)
            .Permit(ContractTrigger.Terminate, Terminated);
        foreach (var record in new[]
        {
            ContractTrigger.RecordSanction, ContractTrigger.RecordInvestigation, ContractTrigger.RecordLeave,
            ContractTrigger.RecordAbsence, ContractTrigger.RecordHealthIncapacity, ContractTrigger.RecordSecondment,
            ContractTrigger.RecordQuarterlyGrade, ContractTrigger.ProposeExcellent, ContractTrigger.RecordAnnualGrade,
            ContractTrigger.AppealAnnualGrade, ContractTrigger.ResolveAppeal, ContractTrigger.OrderLeadershipAdjustment,
            ContractTrigger.RescindLeadershipAdjustment, ContractTrigger.RecordQualifications, ContractTrigger.RecordRankingPlace,
            ContractTrigger.SignAnnualFeedback, ContractTrigger.RecordAttendance, ContractTrigger.CorrectAnnualGrade,
        })
        {
            inService.InternalTransitionIf(With(record), Always, Keep, Internal);
        }

        machine.Configure(InProbation)
            .SubstateOf(InService)
            .OnEntry(t => EmployeeOf(t).StartProbation(RecordedBy(t)), "start the probation clock")
            .PermitIf(With(ContractTrigger.PassProbation), Appointed, When(ContractGuards.ProbationServed))
            .Permit(ContractTrigger.FailProbation, ContractState.ProbationFailed);

        var notOnTrial = ContractGuards.NotOnTrial;
        machine.Configure(Appointed)
            .SubstateOf(InService)
            .PermitIf(With(ContractTrigger.Promote), InPromotionTrial, When(ContractGuards.NotAlreadyOnTrial), When(ContractGuards.PromotionNotFrozen))
            .InternalTransitionIf(With(ContractTrigger.ChangePost), notOnTrial.Holds, Keep, notOnTrial.Description)
            .InternalTransitionIf(With(ContractTrigger.Rotate), notOnTrial.Holds, Keep, notOnTrial.Description)
            .PermitIf(With(ContractTrigger.OpenRenewal), AwaitingRenewal, When(notOnTrial), When(ContractGuards.TermEnding));

        machine.Configure(InPromotionTrial)
            .SubstateOf(Appointed)
            .OnEntry(t => EmployeeOf(t).StartTrial(RecordedBy(t)), "start the promotion trial")
            .PermitIf(With(ContractTrigger.PassTrial), Appointed, When(ContractGuards.TrialServed))
            .PermitIf(With(ContractTrigger.FailTrial), Appointed, When(ContractGuards.TrialServed));

        machine.Configure(AwaitingRenewal)
            .SubstateOf(InService)
            .PermitIf(With(ContractTrigger.Renew), Appointed, When(ContractGuards.RoomForAnotherTerm))
            .Permit(ContractTrigger.DeclineRenewal, NotRenewed);

        machine.Configure(Separated)
            .OnEntry(t => EmployeeOf(t).CloseContract(RecordedBy(t)), "close the contract");
        foreach (var separated in SeparationKinds)
        {
            machine.Configure(separated).SubstateOf(Separated);
        }

        // An appeal may revise the second Incompetent year that terminated the contract (AS 第二十八条), and a correction
        // (更正) of that year's grade may undo the termination (the intent checks that the termination rests on the year).
        machine.Configure(Terminated)
            .InternalTransitionIf(With(ContractTrigger.AppealAnnualGrade), Always, Keep, Internal)
            .InternalTransitionIf(With(ContractTrigger.ResolveAppeal), Always, Keep, Internal)
            .InternalTransitionIf(With(ContractTrigger.CorrectAnnualGrade), Always, Keep, Internal)
            .Permit(ContractTrigger.Reinstate, Appointed);

        return machine;
    }

    /// <summary>The kinds of separation, each a substate of <see cref="ContractState.Separated"/>.</summary>
    internal static readonly ContractState[] SeparationKinds =
        [ContractState.ProbationFailed, NotRenewed, Resigned, ContractState.TransferredOut, Dismissed, Terminated, Retired];

    private static class SharedMachine
    {
        public static readonly Machine Instance = ConfigureContract();
    }

    /// <summary>The employee an entry action acts on: the one the decision is about.</summary>
    private static Employee EmployeeOf(Machine.Transition transition) => ((ContractDecision)transition.Parameters[0]).Employee;

    /// <summary>Uses the shared machine for this employee: its state is the machine's state while <paramref name="use"/> runs.</summary>
    private T OnContract<T>(Func<Machine, T> use)
    {
        var previous = t_current;
        t_current = this;
        try
        {
            return use(Contract);
        }
        finally
        {
            t_current = previous;
        }
    }

    /// <summary>The event an entry action acts on: the one whose trigger is being applied.</summary>
    private static EmployeeEvent RecordedBy(Machine.Transition transition) =>
        ((ContractDecision)transition.Parameters[0]).Recorded
        ?? throw new InvalidOperationException($"{transition.Trigger} entered {transition.Destination} without a recorded event");

    /// <summary>True when the machine allows <paramref name="trigger"/> on <paramref name="on"/> and its guards hold.</summary>
    public bool CanFire(ContractTrigger trigger, DateOnly on) =>
        OnContract(m => m.CanFire(With(trigger), new ContractDecision(this, on)));

    /// <summary>The configured machine as Stateless describes it; <see cref="ContractLifecycle"/> reads it once.</summary>
    internal static Stateless.Reflection.StateMachineInfo ContractInfo() => Contract.GetInfo();

    /// <summary>True when <see cref="State"/> is <paramref name="state"/> or one of its substates.</summary>
    public bool IsIn(ContractState state) => ContractLifecycle.IsInState(State, state);

    /// <summary>
    /// Why the machine refuses <paramref name="trigger"/> on <paramref name="on"/> (the refusal an intent would throw),
    /// or null when it allows it. Guards that need the request (an appointment) are judged by the intent itself.
    /// </summary>
    public RuleViolationException? RefusalOf(ContractTrigger trigger, DateOnly on) => RefusalOf(trigger, new ContractDecision(this, on));

    /// <summary>
    /// The refusal of <paramref name="trigger"/> for <paramref name="decision"/>, found by the machine itself: no handler
    /// in this state cites the trigger's rule (<see cref="ContractLifecycle.RuleOf"/>) and where it is allowed; an unmet
    /// guard, which Stateless reports by its description, cites that guard's rule and facts.
    /// </summary>
    private RuleViolationException? RefusalOf(ContractTrigger trigger, ContractDecision decision)
    {
        ICollection<string>? unmetGuards = null;
        if (OnContract(m => m.CanFire(With(trigger), decision, out unmetGuards)))
        {
            return null;
        }

        if (unmetGuards is not { Count: > 0 })
        {
            return new RuleViolationException(
                ContractLifecycle.RuleOf(trigger),
                $"{ContractLifecycle.Words(trigger)} is not allowed while the contract is {ContractLifecycle.Words(State)}; it is allowed {ContractLifecycle.WhereAllowed(trigger)}");
        }

        var guard = ContractGuards.ByDescription[unmetGuards.First()];
        return new RuleViolationException(guard.Rule, guard.Violation(decision) ?? guard.Description);
    }

    /// <summary>Throws <see cref="RefusalOf(ContractTrigger, ContractDecision)"/> (FAILED_PRECONDITION): nothing changes.</summary>
    private void EnsureAllowed(ContractTrigger trigger, ContractDecision decision)
    {
        if (RefusalOf(trigger, decision) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>
    /// Moves the state for an event just raised or replayed. The decision carries the event as recorded, so the
    /// guards are not judged again (<see cref="ContractGuard.Holds"/>); a trigger the machine does not allow at all
    /// in this state is corrupt history, and Stateless refuses it with <see cref="InvalidOperationException"/>.
    /// </summary>
    private void ApplyTransition(ContractTrigger trigger, EmployeeEvent @event) =>
        OnContract(m =>
        {
            m.Fire(With(trigger), new ContractDecision(this, @event.OccurredOn, Recorded: @event));
            return true;
        });
}
