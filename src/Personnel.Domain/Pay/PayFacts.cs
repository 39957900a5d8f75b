namespace Personnel.Domain.Pay;

/// <summary>Party discipline (党纪处分), lightest first.</summary>
public enum PartySanction
{
    None,

    /// <summary>警告.</summary>
    Warning,

    /// <summary>严重警告.</summary>
    SeriousWarning,

    /// <summary>撤销党内职务.</summary>
    RemovalFromPartyPost,

    /// <summary>留党察看.</summary>
    PartyProbation,

    /// <summary>开除党籍.</summary>
    Expulsion,
}

/// <summary>Government sanctions (政务处分), lightest first.</summary>
public enum GovernmentSanction
{
    None,

    /// <summary>警告.</summary>
    Warning,

    /// <summary>记过.</summary>
    Demerit,

    /// <summary>记大过.</summary>
    MajorDemerit,

    /// <summary>降级.</summary>
    Downgrade,

    /// <summary>撤职.</summary>
    Dismissal,

    /// <summary>开除.</summary>
    Expulsion,
}

/// <summary>Organisational measures (组织处理) that PM 第九条 names.</summary>
public enum OrganisationalMeasure
{
    None,

    /// <summary>降职.</summary>
    Demotion,

    /// <summary>责令辞职.</summary>
    OrderedResignation,

    /// <summary>免职.</summary>
    Removal,
}

/// <summary>How a person left during the period, if they did (PM 第八条).</summary>
public enum Separation
{
    None,

    /// <summary>调出.</summary>
    TransferredOut,

    /// <summary>退休.</summary>
    Retired,

    /// <summary>在职死亡.</summary>
    Deceased,

    /// <summary>离职.</summary>
    Quit,
}

/// <summary>What decides a person's performance pay for one period (a quarter or a year).</summary>
public sealed record PerformancePayFacts
{
    /// <summary>In the probation of open recruitment (公开招聘试用期) during the period.</summary>
    public bool InOpenRecruitmentProbation { get; init; }

    public PartySanction PartySanction { get; init; }

    public GovernmentSanction GovernmentSanction { get; init; }

    public OrganisationalMeasure OrganisationalMeasure { get; init; }

    /// <summary>Under investigation (立案调查尚未结案).</summary>
    public bool UnderInvestigation { get; init; }

    /// <summary>Excluded from incentives by a zone committee meeting (经工委会议研究确定其他不宜列入激励范围的人员).</summary>
    public bool ExcludedByZoneCommittee { get; init; }

    public Separation Separation { get; init; }
}
