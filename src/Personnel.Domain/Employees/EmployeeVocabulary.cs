namespace Personnel.Domain.Employees;

/// <summary>How a person came into the post (AM 第六条).</summary>
public enum AppointmentMethod
{
    /// <summary>竞争上岗: the competition for posts inside the zone.</summary>
    Competition,

    /// <summary>公开招聘: open recruitment; carries a probation (AM 第十三条).</summary>
    OpenRecruitment,

    /// <summary>定向直聘: direct appointment of exceptional or scarce talent.</summary>
    DirectAppointment,
}

/// <summary>The probation an open recruitment carries (AM 第十三条).</summary>
public enum ProbationKind
{
    /// <summary>No probation (competition, direct appointment).</summary>
    None,

    /// <summary>At most 6 months.</summary>
    Standard,

    /// <summary>初次就业: 12 months.</summary>
    FirstJob,
}

/// <summary>The causes of dismissal (辞聘, AM 第十八条).</summary>
public enum DismissalCause
{
    /// <summary>(一) Incompetent and refuses another arrangement.</summary>
    IncompetentRefusesArrangement = 1,

    /// <summary>(二) Refuses a reasonable arrangement after restructuring.</summary>
    RefusesArrangementAfterRestructuring = 2,

    /// <summary>(三) Breaks laws or rules and does not change after education.</summary>
    MisconductAfterEducation = 3,

    /// <summary>(四) Absent without leave or overstaying leave: more than 15 consecutive days or 30 in a year.</summary>
    AbsenceWithoutLeave = 4,

    /// <summary>(五) Expelled (开除处分).</summary>
    Expelled = 5,
}

/// <summary>Sanctions (处分), lightest first; with both party and government sanctions the heavier governs (AS 第二十七条).</summary>
public enum SanctionKind
{
    /// <summary>警告.</summary>
    Warning,

    /// <summary>记过.</summary>
    Demerit,

    /// <summary>记大过.</summary>
    MajorDemerit,

    /// <summary>降级.</summary>
    Demotion,

    /// <summary>撤职.</summary>
    Removal,

    /// <summary>开除: ends the contract (AM 第十八条(五)).</summary>
    Expulsion,
}

/// <summary>Who imposed a sanction.</summary>
public enum SanctionAuthority
{
    /// <summary>党纪处分, mapped by HR onto the equivalent government severity.</summary>
    Party,

    /// <summary>政务处分.</summary>
    Government,
}

/// <summary>How an investigation (立案审查调查) closed (AS 第二十六条).</summary>
public enum InvestigationOutcome
{
    /// <summary>No sanction: grades withheld meanwhile may be set afterwards (补定等次).</summary>
    NoSanction,

    /// <summary>A warning only: grades may be set afterwards, subject to the warning's effects.</summary>
    Warning,

    /// <summary>A heavier sanction, recorded separately with <see cref="Employee.RecordSanction"/>.</summary>
    Sanctioned,
}

/// <summary>Kinds of leave (PM 第六条; AS 第二十五条).</summary>
public enum LeaveKind
{
    /// <summary>病假: counts toward "over half the period".</summary>
    Sick,

    /// <summary>事假: counts toward "over half the period".</summary>
    Personal,

    /// <summary>工伤: graded as usual.</summary>
    WorkInjury,

    /// <summary>产假: graded as usual.</summary>
    Maternity,

    /// <summary>探亲假.</summary>
    Family,

    /// <summary>婚假.</summary>
    Marriage,

    /// <summary>年休假.</summary>
    Annual,

    /// <summary>护理假.</summary>
    Nursing,

    /// <summary>丧假.</summary>
    Bereavement,
}

/// <summary>Kinds of absence without leave (旷工, PM 第六条, 第七条; AM 第十八条(四)).</summary>
public enum AbsenceKind
{
    /// <summary>旷工.</summary>
    WithoutLeave,

    /// <summary>请假期满无正当理由逾期不归.</summary>
    OverstayedLeave,

    /// <summary>虚假病假, counted as absence without leave (PM 第六条).</summary>
    FalseSickLeave,
}

/// <summary>A day's breach of working hours that PM 第七条 deducts by the day (迟到、早退、无故脱岗).</summary>
public enum LatenessKind
{
    /// <summary>迟到.</summary>
    LateArrival,

    /// <summary>早退.</summary>
    EarlyLeave,

    /// <summary>无故脱岗 (meetings and training included).</summary>
    LeftPost,
}

/// <summary>Why a person has no grade for a period (不确定等次).</summary>
public enum NoGradeReason
{
    /// <summary>In probation: comments only (AS 第二十三条).</summary>
    InProbation,

    /// <summary>Under investigation: no comments, no grade (AS 第二十六条).</summary>
    UnderInvestigation,

    /// <summary>Sanction 记过 or heavier (AS 第二十七条).</summary>
    Sanctioned,

    /// <summary>Sick or personal leave over half the period (AS 第二十五条).</summary>
    LeaveOverHalf,
}

/// <summary>Follow-up of a quarterly grade (AS 第十八条).</summary>
public enum QuarterlyFollowUp
{
    /// <summary>Good: praise or reward.</summary>
    PraiseOrReward,

    /// <summary>Average: a talk and a rectification deadline.</summary>
    TalkAndRectification,

    /// <summary>Poor: criticism, admonishment where needed.</summary>
    CriticismPossibleAdmonishment,
}

/// <summary>The cases that force an Incompetent annual grade (AS 第十五条, 第二十八条).</summary>
public enum MandatoryIncompetentCase
{
    /// <summary>(一) Breach of political discipline.</summary>
    PoliticalDiscipline,

    /// <summary>(二) Dereliction causing a major loss.</summary>
    DerelictionMajorLoss,

    /// <summary>(三) Harming the public's interests with strong complaints.</summary>
    HarmingPublicInterest,

    /// <summary>(四) Absence or leaving the post with serious consequences.</summary>
    AbsenceSeriousConsequences,

    /// <summary>(五) Serious corruption.</summary>
    SeriousCorruption,

    /// <summary>(七) Other such cases, named by the organisation.</summary>
    Other,
}

/// <summary>Merits for consecutive Excellent years (AS 第十九条).</summary>
public enum MeritClass
{
    /// <summary>三等功.</summary>
    ThirdClass,

    /// <summary>二等功.</summary>
    SecondClass,
}

/// <summary>How an appeal of an Incompetent grade ended (AS 第二十八条).</summary>
public enum AppealOutcome
{
    /// <summary>The grade stands.</summary>
    Upheld,

    /// <summary>The grade is replaced; the Incompetent consequences are undone and the new grade's applied.</summary>
    Revised,
}

/// <summary>How strongly a rotation is due (AM 第十二条, 第十七条).</summary>
public enum RotationStrength
{
    /// <summary>一般应当: planned, advisory.</summary>
    Advisory,

    /// <summary>必须: mandatory.</summary>
    Mandatory,
}
