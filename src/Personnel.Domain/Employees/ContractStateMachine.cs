using System.Text;
using Personnel.Domain.Common;

namespace Personnel.Domain.Employees;

/// <summary>Where a contract stands (AM 第九条–第十八条). InService and Separated are superstates.</summary>
public enum ContractState
{
    /// <summary>No contract yet.</summary>
    NotAppointed,

    /// <summary>Holds a contract: probation, appointed or awaiting renewal.</summary>
    InService,

    /// <summary>试用期 of an open recruitment (AM 第十三条).</summary>
    InProbation,

    /// <summary>Formally appointed (正式聘任).</summary>
    Appointed,

    /// <summary>On a promotion trial (提拔任职试用期): a substate of Appointed (AM 第十三条).</summary>
    InPromotionTrial,

    /// <summary>The term is ending and renewal is being decided (AM 第九条).</summary>
    AwaitingRenewal,

    /// <summary>The contract has ended.</summary>
    Separated,

    /// <summary>Appointment cancelled after a failed probation (取消聘任).</summary>
    ProbationFailed,

    /// <summary>Term ended without renewal.</summary>
    NotRenewed,

    /// <summary>Resigned.</summary>
    Resigned,

    /// <summary>Transferred out of the zone.</summary>
    TransferredOut,

    /// <summary>Dismissed for cause (辞聘).</summary>
    Dismissed,

    /// <summary>Contract terminated after two Incompetent years (解除聘用合同).</summary>
    Terminated,

    /// <summary>Retired.</summary>
    Retired,
}

/// <summary>What moves a contract. Intent methods of <see cref="Employee"/> fire them; nothing else does.</summary>
public enum ContractTrigger
{
    AppointOnProbation,
    AppointFormally,
    PassProbation,
    FailProbation,
    Promote,
    PassTrial,
    FailTrial,
    ChangePost,
    Rotate,
    OpenRenewal,
    Renew,
    DeclineRenewal,
    Resign,
    TransferOut,
    Retire,
    Dismiss,
    Terminate,
    Reinstate,
    RecordSanction,
    RecordInvestigation,
    RecordLeave,
    RecordAbsence,
    RecordHealthIncapacity,
    RecordSecondment,
    RecordQuarterlyGrade,
    ProposeExcellent,
    RecordAnnualGrade,
    AppealAnnualGrade,
    ResolveAppeal,
    OrderLeadershipAdjustment,
    RescindLeadershipAdjustment,
    RecordQualifications,
    RecordRankingPlace,
    SignAnnualFeedback,
}

/// <summary>What the guards of the table look at: the employee, the date of the request, and an appointment being made.</summary>
public sealed record ContractDecision(Employee Employee, DateOnly On, AppointmentRequest? Appointment = null);

/// <summary>
/// The contract lifecycle as one declarative table (DESIGN.md "The contract lifecycle"). The README's
/// diagram is <see cref="ToMermaid"/> of this table; a test keeps them equal.
/// </summary>
public static class ContractStateMachine
{
    public static TransitionTable<ContractState, ContractTrigger, ContractDecision, (Employee Employee, EmployeeEvent Event)> Table { get; } = Build();

    private static TransitionTable<ContractState, ContractTrigger, ContractDecision, (Employee Employee, EmployeeEvent Event)> Build()
    {
        var table = new TransitionTable<ContractState, ContractTrigger, ContractDecision, (Employee Employee, EmployeeEvent Event)>(
            ContractState.NotAppointed, Rules.ContractLifecycle);

        var retirementRoom = new Guard<ContractDecision>(
            "at least 3 years to retirement at the first competition", Rules.RetirementAtFirstCompetition, ContractGuards.RetirementRoom);

        table.Configure(ContractState.NotAppointed)
            .PermitIf(ContractTrigger.AppointOnProbation, ContractState.InProbation, retirementRoom)
            .PermitIf(ContractTrigger.AppointFormally, ContractState.Appointed, retirementRoom);

        table.Configure(ContractState.InService)
            .Permit(ContractTrigger.Resign, ContractState.Resigned)
            .Permit(ContractTrigger.TransferOut, ContractState.TransferredOut)
            .PermitIf(ContractTrigger.Retire, ContractState.Retired, new Guard<ContractDecision>(
                "retirement date reached", Rules.Termination, ContractGuards.RetirementReached))
            .Permit(ContractTrigger.Dismiss, ContractState.Dismissed)
            .Permit(ContractTrigger.Terminate, ContractState.Terminated)
            .InternalTransition(ContractTrigger.RecordSanction)
            .InternalTransition(ContractTrigger.RecordInvestigation)
            .InternalTransition(ContractTrigger.RecordLeave)
            .InternalTransition(ContractTrigger.RecordAbsence)
            .InternalTransition(ContractTrigger.RecordHealthIncapacity)
            .InternalTransition(ContractTrigger.RecordSecondment)
            .InternalTransition(ContractTrigger.RecordQuarterlyGrade)
            .InternalTransition(ContractTrigger.ProposeExcellent)
            .InternalTransition(ContractTrigger.RecordAnnualGrade)
            .InternalTransition(ContractTrigger.AppealAnnualGrade)
            .InternalTransition(ContractTrigger.ResolveAppeal)
            .InternalTransition(ContractTrigger.OrderLeadershipAdjustment)
            .InternalTransition(ContractTrigger.RescindLeadershipAdjustment)
            .InternalTransition(ContractTrigger.RecordQualifications)
            .InternalTransition(ContractTrigger.RecordRankingPlace)
            .InternalTransition(ContractTrigger.SignAnnualFeedback);

        table.Configure(ContractState.InProbation)
            .SubstateOf(ContractState.InService)
            .OnEntry("start the probation clock", e => e.Employee.StartProbation(e.Event))
            .PermitIf(ContractTrigger.PassProbation, ContractState.Appointed, new Guard<ContractDecision>(
                "probation served", Rules.Probation, ContractGuards.ProbationServed))
            .Permit(ContractTrigger.FailProbation, ContractState.ProbationFailed);

        table.Configure(ContractState.Appointed)
            .SubstateOf(ContractState.InService)
            .PermitIf(ContractTrigger.Promote, ContractState.InPromotionTrial,
                new Guard<ContractDecision>("not already on a trial", Rules.PromotionTrial, ContractGuards.NotOnTrial),
                new Guard<ContractDecision>("promotion not frozen", Rules.PromotionFreeze, ContractGuards.PromotionNotFrozen))
            .InternalTransitionIf(ContractTrigger.ChangePost,
                new Guard<ContractDecision>("not on a trial", Rules.PromotionTrial, ContractGuards.NotOnTrial))
            .InternalTransitionIf(ContractTrigger.Rotate,
                new Guard<ContractDecision>("not on a trial", Rules.PromotionTrial, ContractGuards.NotOnTrial))
            .PermitIf(ContractTrigger.OpenRenewal, ContractState.AwaitingRenewal,
                new Guard<ContractDecision>("not on a trial", Rules.PromotionTrial, ContractGuards.NotOnTrial),
                new Guard<ContractDecision>("term ending", Rules.ContractTerm, ContractGuards.TermEnding));

        table.Configure(ContractState.InPromotionTrial)
            .SubstateOf(ContractState.Appointed)
            .OnEntry("start the promotion trial", e => e.Employee.StartTrial(e.Event))
            .PermitIf(ContractTrigger.PassTrial, ContractState.Appointed, new Guard<ContractDecision>(
                "trial served", Rules.PromotionTrial, ContractGuards.TrialServed))
            .PermitIf(ContractTrigger.FailTrial, ContractState.Appointed, new Guard<ContractDecision>(
                "trial served", Rules.PromotionTrial, ContractGuards.TrialServed));

        table.Configure(ContractState.AwaitingRenewal)
            .SubstateOf(ContractState.InService)
            .PermitIf(ContractTrigger.Renew, ContractState.Appointed, new Guard<ContractDecision>(
                "retirement after the term", Rules.Termination, ContractGuards.RoomForAnotherTerm))
            .Permit(ContractTrigger.DeclineRenewal, ContractState.NotRenewed);

        table.Configure(ContractState.Separated)
            .OnEntry("close the contract", e => e.Employee.CloseContract(e.Event));

        foreach (var separated in new[]
        {
            ContractState.ProbationFailed, ContractState.NotRenewed, ContractState.Resigned, ContractState.TransferredOut,
            ContractState.Dismissed, ContractState.Terminated, ContractState.Retired,
        })
        {
            table.Configure(separated).SubstateOf(ContractState.Separated);
        }

        // An appeal may revise the second Incompetent year that terminated the contract (AS 第二十八条).
        table.Configure(ContractState.Terminated)
            .InternalTransition(ContractTrigger.AppealAnnualGrade)
            .InternalTransition(ContractTrigger.ResolveAppeal)
            .Permit(ContractTrigger.Reinstate, ContractState.Appointed);

        table.Describe(ContractTrigger.AppointOnProbation, Rules.AppointmentOnce)
            .Describe(ContractTrigger.AppointFormally, Rules.AppointmentOnce)
            .Describe(ContractTrigger.PassProbation, Rules.Probation)
            .Describe(ContractTrigger.FailProbation, Rules.Probation)
            .Describe(ContractTrigger.Promote, Rules.PromotionTrial)
            .Describe(ContractTrigger.PassTrial, Rules.PromotionTrial)
            .Describe(ContractTrigger.FailTrial, Rules.PromotionTrial)
            .Describe(ContractTrigger.ChangePost, Rules.PostChangeWithinTerm)
            .Describe(ContractTrigger.Rotate, Rules.Rotation)
            .Describe(ContractTrigger.OpenRenewal, Rules.ContractTerm)
            .Describe(ContractTrigger.Renew, Rules.ContractTerm)
            .Describe(ContractTrigger.DeclineRenewal, Rules.ContractTerm)
            .Describe(ContractTrigger.Resign, Rules.Termination)
            .Describe(ContractTrigger.TransferOut, Rules.Termination)
            .Describe(ContractTrigger.Retire, Rules.Termination)
            .Describe(ContractTrigger.Dismiss, Rules.Dismissal)
            .Describe(ContractTrigger.Reinstate, Rules.AppealOfIncompetent)
            .Describe(ContractTrigger.AppealAnnualGrade, Rules.AppealOfIncompetent)
            .Describe(ContractTrigger.ResolveAppeal, Rules.AppealOfIncompetent)
            .Describe(ContractTrigger.OrderLeadershipAdjustment, Rules.LeadershipAdjustment)
            .Describe(ContractTrigger.RescindLeadershipAdjustment, Rules.LeadershipAdjustment)
            .Describe(ContractTrigger.RecordHealthIncapacity, Rules.HealthPostAdjustment);
        return table;
    }

    /// <summary>The table as a Mermaid state diagram: superstates as composites, guards in brackets, internal transitions as comments.</summary>
    public static string ToMermaid()
    {
        var table = Table;
        var builder = new StringBuilder();
        builder.AppendLine("stateDiagram-v2");
        builder.AppendLine($"    [*] --> {table.InitialState}");
        void WriteState(ContractState state, string indent)
        {
            var children = table.States.Where(s => table.ParentOf(s) == state).ToList();
            if (children.Count == 0)
            {
                builder.AppendLine($"{indent}{state}");
                return;
            }

            builder.AppendLine($"{indent}state {state} {{");
            foreach (var child in children)
            {
                WriteState(child, indent + "    ");
            }

            builder.AppendLine($"{indent}}}");
        }

        foreach (var root in table.States.Where(s => table.ParentOf(s) is null))
        {
            WriteState(root, "    ");
        }

        foreach (var row in table.Rows.Where(r => !r.IsInternal))
        {
            var guards = row.Guards.Count == 0 ? "" : $" [{string.Join(" and ", row.Guards.Select(g => g.Description))}]";
            builder.AppendLine($"    {row.Source} --> {row.Destination} : {row.Trigger}{guards}");
        }

        foreach (var state in table.States.Where(s => table.ParentOf(s) == ContractState.Separated))
        {
            builder.AppendLine($"    {state} --> [*]");
        }

        foreach (var group in table.Rows.Where(r => r.IsInternal).GroupBy(r => r.Source))
        {
            builder.AppendLine($"    %% internal in {group.Key}: {string.Join(", ", group.Select(r => r.Trigger))}");
        }

        foreach (var state in table.States)
        {
            foreach (var (description, _) in table.EntryActionsOf(state))
            {
                builder.AppendLine($"    %% entry {state}: {description}");
            }
        }

        return builder.ToString();
    }
}
