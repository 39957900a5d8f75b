using Personnel.Domain.Common;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

/// <summary>
/// An appointed person (聘任人员) and their contract: an event-sourced aggregate. Intent methods take
/// the civil date they happen on, check every rule first, and either throw
/// <see cref="RuleViolationException"/> with nothing changed or append events to
/// <see cref="UncommittedEvents"/> and apply them. The contract state moves only through the Stateless machine
/// of <c>Employee.Contract.cs</c>.
/// </summary>
public sealed partial class Employee
{
    private readonly List<EmployeeEvent> _uncommitted = [];
    private readonly List<PostPeriod> _postHistory = [];
    private readonly List<ContractTermPeriod> _terms = [];
    private readonly List<EligibilityWaived> _waivers = [];
    private readonly List<LeadershipAdjustmentOrdered> _leadershipOrders = [];
    // Sorted: entries are removed and added again, and a plain dictionary would then enumerate them in an order its
    // snapshot (Employee.Snapshot.cs) could not give back.
    private readonly SortedDictionary<int, DateOnly> _gradeSinceBeforeDemotion = [];
    private PostLevel? _postLevel;

    private Employee(GradingPolicy policy)
    {
        Policy = policy;
    }

    /// <summary>The policy profile's grading and contract parameters the decisions follow.</summary>
    public GradingPolicy Policy { get; }

    public EmployeeId Id { get; private set; }

    public ContractState State { get; private set; } = ContractState.NotAppointed;

    /// <summary>Events applied so far, committed or not: the stream version storage expects next.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<EmployeeEvent> UncommittedEvents => _uncommitted;

    public DepartmentId Department { get; private set; }

    /// <summary>The post level held now; NOT_FOUND before the appointment, which is when a person first holds a post.</summary>
    public PostLevel PostLevel
    {
        get => _postLevel ?? throw new RuleViolationException(Rules.EmployeeMustExist, "the employee has not been appointed", ViolationKind.NotFound);
        private set => _postLevel = value;
    }

    /// <summary>When the current post (in the current department) began.</summary>
    public DateOnly PostSince { get; private set; }

    /// <summary>When the current post grade (level and step) began: tenure at the grade counts from here.</summary>
    public DateOnly GradeSince { get; private set; }

    public AppointmentMethod Method { get; private set; }

    public DateOnly AppointedOn { get; private set; }

    public int TermNumber => _terms.Count;

    public DateOnly TermStart => _terms.Count == 0 ? default : _terms[^1].Start;

    public DateOnly TermEnd => _terms.Count == 0 ? default : _terms[^1].End;

    public IReadOnlyList<ContractTermPeriod> Terms => _terms;

    public DateOnly RetirementDate { get; private set; }

    public DateOnly? ProbationEnd { get; private set; }

    public DateOnly? TrialEnd { get; private set; }

    /// <summary>The post level held before the current promotion trial: what a failed trial returns to.</summary>
    public PostLevel? TrialBefore { get; private set; }

    public DateOnly? PromotionFrozenUntil { get; private set; }

    public AdministrativeRank Rank { get; private set; }

    public DateOnly RankSince { get; private set; }

    public Education Education { get; private set; }

    public DateOnly? SeparatedOn { get; private set; }

    /// <summary>When the current role began for the rotation rules (AM 第十二条); a rotation resets it.</summary>
    public DateOnly RoleSince { get; private set; }

    /// <summary>Set by a leadership adjustment (AM 第十七条): the head's rotation is mandatory from this date, the earliest
    /// of the orders the head holds. Moving out of the head post fulfils them; a rescission lifts its order.</summary>
    public DateOnly? MandatoryRotationOrderedOn => _leadershipOrders.Count == 0 ? null : _leadershipOrders.Min(o => o.OccurredOn);

    /// <summary>The leadership adjustments (AM 第十七条) this head holds now, oldest first.</summary>
    public IReadOnlyList<LeadershipAdjustmentOrdered> LeadershipAdjustmentsHeld => _leadershipOrders;

    public IReadOnlyList<PostPeriod> PostHistory => _postHistory;

    /// <summary>The AM 第五条 waivers the zone committee granted this person, oldest first.</summary>
    public IReadOnlyList<EligibilityWaived> EligibilityWaivers => _waivers;

    public bool IsAppointed => State != ContractState.NotAppointed;

    /// <summary>A new, not yet appointed employee: the start of a stream.</summary>
    public static Employee New(GradingPolicy? policy = null) => new(policy ?? new GradingPolicy());

    /// <summary>Rebuilds an employee from its stream. History is trusted: guards are not re-checked.</summary>
    public static Employee FromHistory(IEnumerable<EmployeeEvent> history, GradingPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var employee = New(policy);
        foreach (var @event in history)
        {
            employee.Apply(@event);
        }

        return employee;
    }

    /// <summary>Forgets the uncommitted events once storage has appended them.</summary>
    public void MarkCommitted() => _uncommitted.Clear();

    /// <summary>The post level held on <paramref name="date"/>, from history; null before the appointment or after separation.</summary>
    public PostLevel? PostLevelOn(DateOnly date) => PostPeriod.HeldOn(_postHistory, SeparatedOn, date)?.Level;

    /// <summary>The department the person belonged to on <paramref name="date"/>; null outside the contract.</summary>
    public DepartmentId? DepartmentOn(DateOnly date)
    {
        if (_postHistory.Count == 0 || date < _postHistory[0].From)
        {
            return null;
        }

        return _postHistory.Last(p => p.From <= date).Department;
    }

    private void EnsureAppointed()
    {
        if (!IsAppointed)
        {
            throw new RuleViolationException(Rules.EmployeeMustExist, "the employee has not been appointed", ViolationKind.NotFound);
        }
    }

    private void EnsureAllowed(ContractTrigger trigger, DateOnly on) => EnsureAllowed(trigger, new ContractDecision(this, on));

    private void EnsureNotBeforeAppointment(DateOnly on)
    {
        RuleViolationException.ThrowIfInvalid(
            on >= AppointedOn, Rules.WellFormedInput,
            $"{on:yyyy-MM-dd} is before the appointment on {AppointedOn:yyyy-MM-dd}");
    }

    private void Raise(params EmployeeEvent[] events)
    {
        foreach (var @event in events)
        {
            Apply(@event);
            _uncommitted.Add(@event);
        }
    }

    private void Apply(EmployeeEvent @event)
    {
        ApplyFacts(@event);
        if (TriggerOf(@event) is { } trigger)
        {
            ApplyTransition(trigger, @event);
        }

        UpdateRotationTimeline(@event.OccurredOn);

        _history.Add(@event);
        Version++;
    }

    private static ContractTrigger? TriggerOf(EmployeeEvent @event) => @event switch
    {
        EmployeeAppointed a => a.ProbationEnd is null ? ContractTrigger.AppointFormally : ContractTrigger.AppointOnProbation,
        ProbationPassed => ContractTrigger.PassProbation,
        ProbationFailed => ContractTrigger.FailProbation,
        PromotedOnTrial => ContractTrigger.Promote,
        TrialPassed => ContractTrigger.PassTrial,
        TrialFailed => ContractTrigger.FailTrial,
        RenewalOpened => ContractTrigger.OpenRenewal,
        ContractRenewed => ContractTrigger.Renew,
        RenewalDeclined => ContractTrigger.DeclineRenewal,
        EmployeeResigned => ContractTrigger.Resign,
        TransferredOut => ContractTrigger.TransferOut,
        EmployeeRetired => ContractTrigger.Retire,
        EmployeeDismissed => ContractTrigger.Dismiss,
        ContractTerminated => ContractTrigger.Terminate,
        EmployeeReinstated => ContractTrigger.Reinstate,
        RemovedForRanking => ContractTrigger.Terminate,
        _ => null,
    };

    private void ApplyFacts(EmployeeEvent @event)
    {
        switch (@event)
        {
            case EmployeeAppointed e:
                Id = e.EmployeeId;
                Method = e.Method;
                AppointedOn = e.OccurredOn;
                RetirementDate = e.RetirementDate;
                Rank = e.Rank;
                RankSince = e.RankSince;
                Education = e.Education;
                _terms.Add(new ContractTermPeriod(1, e.TermStart, e.TermEnd));
                MoveTo(e.OccurredOn, e.DepartmentId, e.PostLevel);
                break;
            case ProbationPassed:
                break;
            case PromotedOnTrial e:
                MoveTo(e.OccurredOn, Department, e.PostLevel);
                break;
            case TrialPassed:
                TrialEnd = null;
                TrialBefore = null;
                break;
            case TrialFailed e:
                TrialEnd = null;
                TrialBefore = null;
                MoveTo(e.OccurredOn, Department, e.RevertedTo);
                break;
            case PostChanged e:
                MoveTo(e.OccurredOn, Department, e.PostLevel);
                break;
            case Rotated e:
                MoveTo(e.OccurredOn, e.DepartmentId, e.PostLevel);
                RoleSince = e.OccurredOn;
                _leadershipOrders.Clear();
                break;
            case ContractRenewed e:
                _terms.Add(new ContractTermPeriod(e.TermNumber, e.TermStart, e.TermEnd));
                break;
            case EmployeeReinstated:
                SeparatedOn = null;
                break;
            case QualificationsRecorded e:
                Rank = e.Rank;
                RankSince = e.RankSince;
                Education = e.Education;
                break;
            case LeadershipAdjustmentOrdered e:
                _leadershipOrders.Add(e);
                break;
            case HeadLeadershipAdjustmentRescinded e:
                _leadershipOrders.RemoveAll(o => o.DepartmentId == e.DepartmentId && o.Year == e.Year);
                break;
            case EligibilityWaived e:
                _waivers.Add(e);
                break;
            case PromotionFrozen e:
                PromotionFrozenUntil = PromotionFrozenUntil is { } until && until > e.Until ? until : e.Until;
                _consequences.Add(e);
                break;
            case Demoted e:
                _gradeSinceBeforeDemotion[e.Year] = GradeSince;
                MoveTo(e.OccurredOn, Department, PostLevel with { Grade = e.To });
                _demotions[e.Year] = e;
                _consequences.Add(e);
                break;
            case DemotionReversed e:
                ReverseDemotion(e);
                break;
            default:
                ApplyRecord(@event);
                break;
        }
    }

    /// <summary>
    /// Undoes a demotion. When nothing changed the grade since the demotion, the grade it returns to is the one held before,
    /// so tenure at it counts from when it was first held, not from the reversal (AS 第二十条–第二十二条 count years at the
    /// grade, and the grade was never rightly lost).
    /// </summary>
    private void ReverseDemotion(DemotionReversed reversed)
    {
        var untouched = _demotions.TryGetValue(reversed.Year, out var demoted) && GradeSince == demoted.OccurredOn
            && demoted.To == reversed.From && demoted.From == reversed.To;
        MoveTo(reversed.OccurredOn, Department, PostLevel with { Grade = reversed.To });
        if (_gradeSinceBeforeDemotion.Remove(reversed.Year, out var since) && untouched)
        {
            GradeSince = since;
        }

        _demotions.Remove(reversed.Year);
        _consequences.Add(reversed);
    }

    /// <summary>Moves to a post level; resets the since-dates whose subject changed.</summary>
    private void MoveTo(DateOnly on, DepartmentId department, PostLevel level)
    {
        var first = _postHistory.Count == 0;
        if (first || _postLevel!.Post != level.Post || Department != department)
        {
            PostSince = on;
        }

        if (first || _postLevel!.Grade != level.Grade)
        {
            GradeSince = on;
        }

        if (first || RoleKey(Department, _postLevel!.Post) != RoleKey(department, level.Post))
        {
            RoleSince = on;
        }

        if (!first && (level.Post != Post.DepartmentHead || department != Department))
        {
            // The principal leader moved out of the head post (主要负责人调离岗位): the adjustments they held are fulfilled.
            _leadershipOrders.Clear();
        }

        Department = department;
        PostLevel = level;
        if (_postHistory.Count > 0 && _postHistory[^1].From == on)
        {
            _postHistory[^1] = new PostPeriod(on, department, level);
        }
        else
        {
            _postHistory.Add(new PostPeriod(on, department, level));
        }
    }

    /// <summary>
    /// The role the rotation rules follow (AM 第十二条): heads and deputies of one department share a
    /// role (部门正副职); a middle manager's role is the very post in that department (同一岗位).
    /// </summary>
    private static string RoleKey(DepartmentId department, Post post) =>
        post.IsLeadershipMember() ? $"leadership:{department}"
        : post.IsMiddleManager() ? $"{post}:{department}"
        : "other";

    // Entry actions of the contract machine.
    internal void StartProbation(EmployeeEvent @event) =>
        ProbationEnd = ((EmployeeAppointed)@event).ProbationEnd;

    internal void StartTrial(EmployeeEvent @event)
    {
        var promoted = (PromotedOnTrial)@event;
        TrialEnd = promoted.TrialEnd;
        TrialBefore = promoted.Before;
    }

    internal void CloseContract(EmployeeEvent @event)
    {
        SeparatedOn = @event.OccurredOn;
        _leadershipOrders.Clear();
    }
}

/// <summary>A post level held from a date, in a department.</summary>
public sealed record PostPeriod(DateOnly From, DepartmentId Department, PostLevel Level)
{
    /// <summary>The period of <paramref name="history"/> (oldest first) held on <paramref name="date"/>; null before the
    /// first or from the separation on.</summary>
    public static PostPeriod? HeldOn(IReadOnlyList<PostPeriod> history, DateOnly? separatedOn, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0 || date < history[0].From || (separatedOn is { } end && date >= end))
        {
            return null;
        }

        for (var i = history.Count - 1; ; i--)
        {
            if (history[i].From <= date)
            {
                return history[i];
            }
        }
    }
}

/// <summary>One contract term (聘期): number 1, 2, …; its end is capped at the retirement date.</summary>
public sealed record ContractTermPeriod(int Number, DateOnly Start, DateOnly End);
