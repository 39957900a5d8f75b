using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Posts;

namespace Personnel.Grains.Abstractions;

/// <summary>An employee as the API shows it; <paramref name="Version"/> is the stream version (the ETag).
/// <paramref name="Method"/> is how the person was appointed; <paramref name="EligibilityWaivers"/> the AM 第五条 waivers granted.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record EmployeeSnapshot(
    string EmployeeId,
    string Name,
    string DepartmentId,
    ContractState State,
    PostLevel PostLevel,
    DateOnly PostSince,
    int TermNumber,
    DateOnly TermStart,
    DateOnly TermEnd,
    DateOnly? ProbationEnd,
    DateOnly? TrialEnd,
    DateOnly RetirementDate,
    long Version,
    AppointmentMethod Method = default,
    IReadOnlyList<EligibilityWaived>? EligibilityWaivers = null)
{
    // By value, waivers included (a replayed answer is read back from JSON, so its lists are new objects).
    public bool Equals(EmployeeSnapshot? other) =>
        other is not null && Fields == other.Fields && (EligibilityWaivers ?? []).SequenceEqual(other.EligibilityWaivers ?? []);

    public override int GetHashCode() => HashCode.Combine(Fields, EligibilityWaivers?.Count ?? 0);

    private (string, string, string, ContractState, PostLevel, DateOnly, int, DateOnly, DateOnly, DateOnly?, DateOnly?, DateOnly, long, AppointmentMethod) Fields =>
        (EmployeeId, Name, DepartmentId, State, PostLevel, PostSince, TermNumber, TermStart, TermEnd, ProbationEnd, TrialEnd, RetirementDate, Version, Method);
}

/// <summary>An event a command appended: its stream, version, type (the stable discriminator) and JSON payload.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record AppendedEvent(string StreamId, long Version, string Type, string Payload, DateOnly OccurredOn);

/// <summary>A quota after a grade took one: the department-quarter's Good quota (<paramref name="Quarter"/> set)
/// or the department-year's Excellent quota (<paramref name="Quarter"/> null).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record QuotaStanding(string DepartmentId, int Year, int? Quarter, int Eligible, int Cap, int Count);

/// <summary>What an employee command did. <paramref name="Replayed"/> is true when the request id had
/// been recorded already and this is the first result, returned again.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record EmployeeCommandResult(
    EmployeeSnapshot Snapshot,
    IReadOnlyList<AppendedEvent> Events,
    QuotaStanding? Quota,
    bool Replayed = false);

/// <summary>The post level on a date (RULES §6).</summary>
/// <param name="DemotionDueAtFloor">True when a demotion fell due but the grade was already the lowest
/// (AS 第二十条–第二十二条): the post must be adjusted instead.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record PostLevelAnswer(string EmployeeId, DateOnly AsOf, PostLevel PostLevel, DateOnly Since, ContractState State, bool DemotionDueAtFloor);

/// <summary>An employee's grades, oldest first.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record GradeList(IReadOnlyList<QuarterlyGradeRecorded> Quarterly, IReadOnlyList<AnnualGradeRecorded> Annual);

/// <summary>A department as the API shows it; <paramref name="Version"/> is the stream version.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record DepartmentSnapshot(string DepartmentId, string Name, DepartmentKind Kind, DateOnly CreatedOn, IReadOnlyList<DepartmentYear> Years, long Version);

/// <summary>What a department command did: the yellow card issued and the leadership adjustment ordered, if any.</summary>
/// <param name="LeadershipAdjustment">Delivered to the department head's employee asynchronously (outbox), never in this call.</param>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record DepartmentCommandResult(
    DepartmentSnapshot Snapshot,
    IReadOnlyList<AppendedEvent> Events,
    IReadOnlyList<YellowCardGround> YellowCardGrounds,
    LeadershipAdjustmentGround? LeadershipAdjustment,
    bool Replayed = false);

/// <summary>A department's quotas in a year: the four quarters' Good quotas and the year's Excellent quota.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record DepartmentQuotas(string DepartmentId, int Year, DepartmentTier? Tier, IReadOnlyList<QuotaStanding> Quarters, QuotaStanding? Excellent);
