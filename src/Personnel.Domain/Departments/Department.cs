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
                _years[ordered.Year] = _years[ordered.Year] with { LeadershipAdjustment = ordered.Ground };
                break;
            case LeadershipAdjustmentRescinded rescinded:
                _years[rescinded.Year] = _years[rescinded.Year] with { LeadershipAdjustment = null };
                break;
            default:
                throw new InvalidOperationException($"unknown department event {e.GetType().Name}");
        }
    }
}
