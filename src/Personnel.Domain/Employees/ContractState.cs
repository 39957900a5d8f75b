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
    RecordAttendance,
    CorrectAnnualGrade,
}
