using System.Text.Json.Serialization;
using Personnel.Domain.Common;
using Personnel.Domain.Departments;

namespace Personnel.Domain.Grading;

/// <summary>The quota arithmetic, in one place (AS 第八条, 第十二条; RULES §4, §5 Interpretations).</summary>
public static class QuotaMath
{
    /// <summary>ratio × eligible, made whole as the profile says (floor by default).</summary>
    public static int Cap(decimal ratio, int eligible, QuotaRounding rounding)
    {
        var exact = ratio * eligible;
        return rounding switch
        {
            QuotaRounding.Floor => (int)decimal.Floor(exact),
            QuotaRounding.Nearest => (int)decimal.Round(exact, MidpointRounding.AwayFromZero),
            _ => throw new ArgumentOutOfRangeException(nameof(rounding), rounding, "unknown rounding"),
        };
    }

    /// <summary>The most Good grades a department may give in a quarter with <paramref name="eligible"/> people who may be graded (AS 第八条).</summary>
    public static int GoodCap(int eligible, GradingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Cap(policy.GoodQuotaRatio, eligible, policy.GoodQuotaRounding);
    }

    /// <summary>The most Excellent grades a department of <paramref name="tier"/> may give in a year (AS 第十二条).</summary>
    public static int ExcellentCap(DepartmentTier tier, int eligible, GradingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var ratio = policy.ExcellentQuotaByTier.TryGetValue(tier, out var r) ? r : 0m;
        return Cap(ratio, eligible, policy.ExcellentQuotaRounding);
    }
}

/// <summary>
/// An event of a department's quota ledger; appended to the department stream in the same
/// transaction as the employee's grade (DESIGN.md, Storage).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(GoodQuotaGranted), EventTypes.Quota.GoodQuotaGranted)]
[JsonDerivedType(typeof(ExcellentQuotaGranted), EventTypes.Quota.ExcellentQuotaGranted)]
[JsonDerivedType(typeof(GoodQuotaReleased), EventTypes.Quota.GoodQuotaReleased)]
[JsonDerivedType(typeof(ExcellentQuotaReleased), EventTypes.Quota.ExcellentQuotaReleased)]
public abstract record QuotaEvent(DateOnly OccurredOn, DepartmentId DepartmentId, EmployeeId EmployeeId);

/// <summary>One of the quarter's Good grades granted to an employee: the ledger's decision the employee's grade needs.</summary>
public sealed record GoodQuotaGranted(
    DateOnly OccurredOn, DepartmentId DepartmentId, Quarter Quarter, EmployeeId EmployeeId, int Eligible, int Cap, int Count)
    : QuotaEvent(OccurredOn, DepartmentId, EmployeeId);

/// <summary>A Good given back: the holder's grade was corrected away from Good, so the grant is free for another.</summary>
public sealed record GoodQuotaReleased(DateOnly OccurredOn, DepartmentId DepartmentId, Quarter Quarter, EmployeeId EmployeeId, string Reason)
    : QuotaEvent(OccurredOn, DepartmentId, EmployeeId);

/// <summary>One of the year's Excellent grades granted to an employee, under the department's tier.</summary>
public sealed record ExcellentQuotaGranted(
    DateOnly OccurredOn, DepartmentId DepartmentId, int Year, DepartmentTier Tier, EmployeeId EmployeeId, int Eligible, int Cap, int Count)
    : QuotaEvent(OccurredOn, DepartmentId, EmployeeId);

/// <summary>An Excellent given back: the holder's annual grade was corrected away from Excellent, so the grant is free for another.</summary>
public sealed record ExcellentQuotaReleased(DateOnly OccurredOn, DepartmentId DepartmentId, int Year, EmployeeId EmployeeId, string Reason)
    : QuotaEvent(OccurredOn, DepartmentId, EmployeeId);

/// <summary>
/// The shared bookkeeping of a quota ledger: who holds a grant, how many, and the refusal past the cap.
/// </summary>
public abstract class QuotaLedger
{
    private readonly List<QuotaEvent> _uncommitted = [];
    private readonly HashSet<EmployeeId> _holders = [];

    protected QuotaLedger(DepartmentId departmentId)
    {
        DepartmentId = departmentId;
    }

    public DepartmentId DepartmentId { get; }

    public int Granted => _holders.Count;

    public IReadOnlySet<EmployeeId> Holders => _holders;

    public int Version { get; private set; }

    public IReadOnlyList<QuotaEvent> UncommittedEvents => _uncommitted;

    public void MarkCommitted() => _uncommitted.Clear();

    /// <summary>The cap check of AS 第八条 and 第十二条, the one every layer asks: true when <paramref name="cap"/> grants are
    /// held and <paramref name="employee"/> holds none of them.</summary>
    public bool IsFullFor(EmployeeId employee, int cap) => Granted >= cap && !_holders.Contains(employee);

    protected void CheckGrant(EmployeeId employee, int eligible, int cap, Rule rule, string period)
    {
        RuleViolationException.ThrowIfInvalid(eligible >= 1, rule, $"{eligible} people eligible for a grade in {DepartmentId} {period}: at least 1 is needed");
        if (_holders.Contains(employee))
        {
            throw new RuleViolationException(rule, $"{employee} already holds a grant of {DepartmentId} for {period}", ViolationKind.AlreadyExists);
        }

        RuleViolationException.ThrowUnless(
            !IsFullFor(employee, cap), rule,
            $"{DepartmentId} {period}: cap {cap} of {eligible} eligible reached, {Granted} already granted; {employee} is refused");
    }

    protected void Raise(QuotaEvent @event)
    {
        Apply(@event);
        _uncommitted.Add(@event);
    }

    protected void Apply(QuotaEvent @event)
    {
        if (@event is GoodQuotaReleased or ExcellentQuotaReleased)
        {
            _holders.Remove(@event.EmployeeId);
        }
        else
        {
            _holders.Add(@event.EmployeeId);
        }

        Version++;
    }
}

/// <summary>The Good grades of one department in one quarter (AS 第八条): ≤ cap(N), N = people who may be graded that quarter.</summary>
public sealed class GoodQuotaLedger : QuotaLedger
{
    private GoodQuotaLedger(DepartmentId departmentId, Quarter quarter)
        : base(departmentId)
    {
        Quarter = quarter;
    }

    public Quarter Quarter { get; }

    public static GoodQuotaLedger FromHistory(DepartmentId departmentId, Quarter quarter, IEnumerable<QuotaEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var ledger = new GoodQuotaLedger(departmentId, quarter);
        foreach (var change in history.Where(e => e.DepartmentId == departmentId
            && ((e is GoodQuotaGranted { Quarter: var granted } && granted == quarter) || (e is GoodQuotaReleased { Quarter: var released } && released == quarter))))
        {
            ledger.Apply(change);
        }

        return ledger;
    }

    /// <summary>
    /// Grants one Good to <paramref name="employee"/> or refuses past the cap, naming cap and count.
    /// The grant is the decision <c>Employee.RecordQuarterlyGrade</c> needs; when the employee then
    /// refuses the grade, discard this ledger's uncommitted events with the employee's.
    /// </summary>
    public GoodQuotaGranted Grant(DateOnly on, EmployeeId employee, int eligible, GradingPolicy policy)
    {
        var cap = QuotaMath.GoodCap(eligible, policy);
        CheckGrant(employee, eligible, cap, Rules.GoodQuota, Quarter.ToString());
        var granted = new GoodQuotaGranted(on, DepartmentId, Quarter, employee, eligible, cap, Granted + 1);
        Raise(granted);
        return granted;
    }

    /// <summary>Gives back <paramref name="employee"/>'s Good of the quarter, whose grade was corrected away from Good.</summary>
    public GoodQuotaReleased Release(DateOnly on, EmployeeId employee, string reason)
    {
        RuleViolationException.ThrowUnless(Holders.Contains(employee), Rules.GoodQuota,
            $"{employee} holds no Good of {DepartmentId} for {Quarter} to give back");
        var released = new GoodQuotaReleased(on, DepartmentId, Quarter, employee, reason);
        Raise(released);
        return released;
    }
}

/// <summary>The Excellent grades of one department in one year, by its tier (AS 第十二条).</summary>
public sealed class ExcellentQuotaLedger : QuotaLedger
{
    private ExcellentQuotaLedger(DepartmentId departmentId, int year)
        : base(departmentId)
    {
        Year = year;
    }

    public int Year { get; }

    /// <summary>The department's tier that year, as the first grant recorded it; every grant of the year shares it.</summary>
    public DepartmentTier? Tier { get; private set; }

    public static ExcellentQuotaLedger FromHistory(DepartmentId departmentId, int year, IEnumerable<QuotaEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var ledger = new ExcellentQuotaLedger(departmentId, year);
        foreach (var change in history.Where(e => e.DepartmentId == departmentId
            && ((e is ExcellentQuotaGranted { Year: var granted } && granted == year) || (e is ExcellentQuotaReleased { Year: var released } && released == year))))
        {
            if (change is ExcellentQuotaGranted grant)
            {
                ledger.Tier ??= grant.Tier;
            }

            ledger.Apply(change);
        }

        return ledger;
    }

    /// <summary>Gives back <paramref name="employee"/>'s Excellent of the year, whose annual grade was corrected away from Excellent.</summary>
    public ExcellentQuotaReleased Release(DateOnly on, EmployeeId employee, string reason)
    {
        RuleViolationException.ThrowUnless(Holders.Contains(employee), Rules.ExcellentQuota,
            $"{employee} holds no Excellent of {DepartmentId} for {Year} to give back");
        var released = new ExcellentQuotaReleased(on, DepartmentId, Year, employee, reason);
        Raise(released);
        return released;
    }

    /// <summary>Grants one Excellent to <paramref name="employee"/> under the department's tier, or refuses past the cap.</summary>
    public ExcellentQuotaGranted Grant(DateOnly on, EmployeeId employee, DepartmentYearFacts department, GradingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(department);
        RuleViolationException.ThrowIfInvalid(
            department.DepartmentId == DepartmentId && department.Year == Year, Rules.ExcellentQuota,
            $"facts of {department.DepartmentId} {department.Year} given to the ledger of {DepartmentId} {Year}");
        RuleViolationException.ThrowUnless(
            Tier is null || Tier == department.Tier, Rules.ExcellentQuota,
            $"{DepartmentId} is tier {(int?)Tier} in {Year} by its earlier grants, not tier {(int)department.Tier}");
        var cap = QuotaMath.ExcellentCap(department.Tier, department.Eligible, policy);
        CheckGrant(employee, department.Eligible, cap, Rules.ExcellentQuota, $"{Year} (tier {(int)department.Tier})");
        var granted = new ExcellentQuotaGranted(on, DepartmentId, Year, department.Tier, employee, department.Eligible, cap, Granted + 1);
        Tier ??= department.Tier;
        Raise(granted);
        return granted;
    }
}

/// <summary>
/// What the employee's annual grade needs from the department side (AS 第十二条): the department's
/// tier that year and how many of its people may be graded.
/// </summary>
public sealed record DepartmentYearFacts(DepartmentId DepartmentId, int Year, DepartmentTier Tier, int Eligible);
