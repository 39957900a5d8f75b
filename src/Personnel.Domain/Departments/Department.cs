using Personnel.Domain.Common;

namespace Personnel.Domain.Departments;

/// <summary>One assessed year of a department, as its events left it.</summary>
public sealed record DepartmentYear(
    int Year,
    DepartmentTier Tier,
    CityRank? CityRank,
    IReadOnlyList<YellowCardGround> YellowCardGrounds,
    LeadershipAdjustmentGround? LeadershipAdjustment)
{
    public bool HasYellowCard => YellowCardGrounds.Count > 0;

    /// <summary>The standing leadership adjustment's order: the department event number that ordered it.</summary>
    public long? LeadershipAdjustmentOrder { get; init; }

    /// <summary>The head the standing adjustment reached (their rotation mandatory now), once delivered.</summary>
    public string? LeadershipAdjustmentDeliveredTo { get; init; }

    /// <summary>The new head whose taking of the post after the order discharged the standing adjustment.</summary>
    public string? LeadershipAdjustmentDischargedBy { get; init; }

    /// <summary>The day the standing adjustment was delivered, or discharged.</summary>
    public DateOnly? LeadershipAdjustmentSettledOn { get; init; }
}

/// <summary>A leadership adjustment the department ordered (AM 第十七条), by the number of the event that ordered it.</summary>
/// <param name="Order">The department event number of the order; the outbox key and request ids derive from it.</param>
/// <param name="DeliveredTo">The head it reached, if delivered.</param>
/// <param name="DischargedBy">The new head who discharged it, if discharged.</param>
/// <param name="Rescinded">True once a correction rescinded it.</param>
public sealed record LeadershipOrder(long Order, int Year, DateOnly OrderedOn, string? DeliveredTo, string? DischargedBy, bool Rescinded)
{
    /// <summary>Neither delivered nor discharged yet.</summary>
    public bool IsUnsettled => DeliveredTo is null && DischargedBy is null;
}

/// <summary>
/// A department (部门/单位) as an event-sourced aggregate: its yearly tier, city rank, yellow cards and
/// leadership adjustments (AM 第十七条; RULES §7). Intent methods validate first and either throw a
/// <see cref="RuleViolationException"/> with nothing changed, or append uncommitted events.
/// </summary>
public sealed partial class Department
{
    private readonly SortedDictionary<int, DepartmentYear> _years = [];
    private readonly List<DepartmentEvent> _uncommitted = [];
    private readonly List<LeadershipOrder> _orders = [];

    private Department()
    {
    }

    public DepartmentId Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public DepartmentKind Kind { get; private set; }

    public DateOnly CreatedOn { get; private set; }

    /// <summary>The number of committed events: the stream version the next append expects.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<DepartmentEvent> UncommittedEvents => _uncommitted;

    public IReadOnlyCollection<DepartmentYear> Years => _years.Values;

    public DepartmentYear? YearOf(int year) => _years.GetValueOrDefault(year);

    public int? LatestAssessedYear => _years.Count == 0 ? null : _years.Keys.Max();

    /// <summary>Every leadership adjustment ordered, oldest first, with where it went.</summary>
    public IReadOnlyList<LeadershipOrder> LeadershipOrders => _orders;

    /// <summary>The order made by department event number <paramref name="order"/>, if that event ordered one.</summary>
    public LeadershipOrder? LeadershipOrderOf(long order) => _orders.FirstOrDefault(o => o.Order == order);

    /// <summary>Creates a department: a zone department or a dispatched agency (派驻机构).</summary>
    public static Department Create(DepartmentId id, string name, DepartmentKind kind, DateOnly on)
    {
        RuleViolationException.ThrowIfInvalid(
            !string.IsNullOrWhiteSpace(name) && name.Length <= 100 && name.Trim() == name, Rules.DepartmentName,
            $"the name '{name}' must be 1–100 characters without surrounding spaces");
        RuleViolationException.ThrowIfInvalid(
            Enum.IsDefined(kind), Rules.WellFormedInput, $"department kind {(int)kind} does not exist");
        RuleViolationException.ThrowIfInvalid(
            id.Value is not null, Rules.WellFormedInput, "the department id is missing");
        var department = new Department();
        department.Raise(new DepartmentCreated(on, id, name, kind));
        return department;
    }

    /// <summary>Rebuilds a department from its stored events, oldest first.</summary>
    public static Department FromHistory(IEnumerable<DepartmentEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var department = new Department();
        foreach (var e in history)
        {
            RuleViolationException.ThrowIfInvalid(
                (department.Version == 0) == (e is DepartmentCreated), Rules.DepartmentExists,
                $"event {department.Version + 1} is {e.GetType().Name}; a history starts with exactly one DepartmentCreated");
            department.Apply(e);
            department.Version++;
        }

        if (department.Version == 0)
        {
            throw new RuleViolationException(Rules.DepartmentExists, "the department has no history", ViolationKind.NotFound);
        }

        return department;
    }

    /// <summary>Marks the uncommitted events as stored: call after the append succeeded.</summary>
    public void MarkCommitted()
    {
        Version += _uncommitted.Count;
        _uncommitted.Clear();
    }

    private void Raise(DepartmentEvent e)
    {
        Apply(e);
        _uncommitted.Add(e);
    }

    private void Apply(DepartmentEvent e)
    {
        switch (e)
        {
            case DepartmentCreated created:
                Id = created.DepartmentId;
                Name = created.Name;
                Kind = created.Kind;
                CreatedOn = created.OccurredOn;
                break;
            case DepartmentAssessed assessed:
                _years[assessed.Year] = new DepartmentYear(assessed.Year, assessed.Tier, assessed.CityRank, [], null);
                break;
            case DepartmentAssessmentCorrected corrected:
                _years[corrected.Year] = _years[corrected.Year] with { Tier = corrected.Tier, CityRank = corrected.CityRank };
                break;
            case YellowCardIssued issued:
                _years[issued.Year] = _years[issued.Year] with { YellowCardGrounds = issued.Grounds };
                break;
            case YellowCardWithdrawn withdrawn:
                _years[withdrawn.Year] = _years[withdrawn.Year] with { YellowCardGrounds = [] };
                break;
            case DepartmentLeadershipAdjustmentOrdered ordered:
                // The event's number: the committed ones, those raised before it, and itself.
                var number = Version + _uncommitted.Count + 1;
                _orders.Add(new LeadershipOrder(number, ordered.Year, ordered.OccurredOn, null, null, false));
                _years[ordered.Year] = _years[ordered.Year] with
                {
                    LeadershipAdjustment = ordered.Ground, LeadershipAdjustmentOrder = number,
                    LeadershipAdjustmentDeliveredTo = null, LeadershipAdjustmentDischargedBy = null, LeadershipAdjustmentSettledOn = null,
                };
                break;
            case LeadershipAdjustmentRescinded rescinded:
                if (_years[rescinded.Year].LeadershipAdjustmentOrder is { } rescindedOrder)
                {
                    Update(rescindedOrder, o => o with { Rescinded = true });
                }

                _years[rescinded.Year] = _years[rescinded.Year] with
                {
                    LeadershipAdjustment = null, LeadershipAdjustmentOrder = null,
                    LeadershipAdjustmentDeliveredTo = null, LeadershipAdjustmentDischargedBy = null, LeadershipAdjustmentSettledOn = null,
                };
                break;
            case LeadershipAdjustmentDelivered delivered:
                Update(delivered.Order, o => o with { DeliveredTo = delivered.HeadEmployeeId });
                if (_years.TryGetValue(delivered.Year, out var reached) && reached.LeadershipAdjustmentOrder == delivered.Order)
                {
                    _years[delivered.Year] = reached with { LeadershipAdjustmentDeliveredTo = delivered.HeadEmployeeId, LeadershipAdjustmentSettledOn = delivered.OccurredOn };
                }

                break;
            case LeadershipAdjustmentDischarged discharged:
                Update(discharged.Order, o => o with { DischargedBy = discharged.HeadEmployeeId });
                if (_years.TryGetValue(discharged.Year, out var adjusted) && adjusted.LeadershipAdjustmentOrder == discharged.Order)
                {
                    _years[discharged.Year] = adjusted with { LeadershipAdjustmentDischargedBy = discharged.HeadEmployeeId, LeadershipAdjustmentSettledOn = discharged.OccurredOn };
                }

                break;
            default:
                throw new InvalidOperationException($"unknown department event {e.GetType().Name}");
        }
    }

    private void Update(long order, Func<LeadershipOrder, LeadershipOrder> change)
    {
        var index = _orders.FindIndex(o => o.Order == order);
        if (index >= 0)
        {
            _orders[index] = change(_orders[index]);
        }
    }
}
