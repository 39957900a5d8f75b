using Personnel.Domain.Common;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

public sealed partial class Employee
{
    /// <summary>True when the probation may be passed on <paramref name="on"/> (AM 第十三条).</summary>
    public bool CanPassProbation(DateOnly on) => CanFire(ContractTrigger.PassProbation, on);

    /// <summary>True when a promotion on trial may start on <paramref name="on"/>: formally appointed, not on a trial, not frozen (AM 第十三条; AS 第二十条).</summary>
    public bool CanPromote(DateOnly on) => CanFire(ContractTrigger.Promote, on);

    /// <summary>True when the promotion trial may be decided on <paramref name="on"/> (AM 第十三条).</summary>
    public bool CanDecideTrial(DateOnly on) => CanFire(ContractTrigger.PassTrial, on);

    /// <summary>True when the renewal decision may be opened on <paramref name="on"/> (AM 第九条).</summary>
    public bool CanOpenRenewal(DateOnly on) => CanFire(ContractTrigger.OpenRenewal, on);

    /// <summary>True when the contract may be renewed on <paramref name="on"/>: awaiting renewal with room before retirement (AM 第九条, 第十五条).</summary>
    public bool CanRenew(DateOnly on) => CanFire(ContractTrigger.Renew, on);

    /// <summary>True when the person may retire on <paramref name="on"/> (AM 第十五条).</summary>
    public bool CanRetire(DateOnly on) => CanFire(ContractTrigger.Retire, on);

    /// <summary>True while the contract runs (probation, appointed, awaiting renewal).</summary>
    public bool IsInService => IsIn(ContractState.InService);

    /// <summary>
    /// True when <paramref name="department"/> may grade the person for <paramref name="quarter"/>: in
    /// service, assessed by that unit on the quarter's last day (AS 第二十四条), and no reason to withhold
    /// the grade (AS 第二十三条–第二十七条). The department counts these people as N of the Good quota (AS 第八条).
    /// </summary>
    public bool MayReceiveQuarterlyGrade(Quarter quarter, DepartmentId department, DateOnly on) =>
        IsInService && AppointedOn <= quarter.LastDay && AssessingUnitOn(quarter.LastDay) == department
        && NoGradeReasonFor(quarter.Period, on, annual: false) is null;

    /// <summary>The same question for the annual grade and the Excellent quota (AS 第十二条).</summary>
    public bool MayReceiveAnnualGrade(int year, DepartmentId department, DateOnly on)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        return IsInService && AppointedOn <= yearEnd && AssessingUnitOn(yearEnd < on ? yearEnd : on) == department
            && NoGradeReasonFor(DatePeriod.OfYear(year), on, annual: true) is null;
    }

    /// <summary>
    /// Records a change of the rank (职级) or education the eligibility for the next post is judged on
    /// (AM 第五条), e.g. after a rank promotion or a degree.
    /// </summary>
    public void RecordQualifications(DateOnly on, AdministrativeRank rank, DateOnly rankSince, Education education)
    {
        EnsureAppointed();
        RuleViolationException.ThrowIfInvalid(Enum.IsDefined(rank) && Enum.IsDefined(education), Rules.WellFormedInput, "unknown rank or education");
        RuleViolationException.ThrowIfInvalid(rankSince <= on, Rules.WellFormedInput,
            $"the rank is held since {rankSince:yyyy-MM-dd}, after {on:yyyy-MM-dd}");
        EnsureAllowed(ContractTrigger.RecordQualifications, on);
        Raise(new QualificationsRecorded(on, rank, rankSince, education));
    }
}
