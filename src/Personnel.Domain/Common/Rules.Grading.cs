namespace Personnel.Domain.Common;

public static partial class Rules
{
    public static readonly Rule QuarterlyAssessmentTiming = new(
        "AS-7", "AS 第七条", "The quarterly assessment is made at the quarter's end or the next quarter's start (每季度末或下季度初)");

    public static readonly Rule AnnualAssessmentTiming = new(
        "AS-9", "AS 第九条", "The annual assessment is made at the year's end or the next year's start (每年末或翌年初)");

    public static readonly Rule OneGradePerPeriod = new(
        "AS-GRADE-ONCE", "AS 第八条, 第十条", "A person receives one grade (or no grade) per assessment period");

    public static readonly Rule QuarterlyGradeCorrection = new(
        "AS-8-CORRECT", "AS 第八条",
        "A quarterly grade recorded wrongly is corrected (更正) by the graders, with its reason, before the year's grade rests on it; the quotas hold for the corrected grade");

    public static readonly Rule AnnualGradeCorrection = new(
        "AS-28-CORRECT", "AS 第九条, 第二十八条",
        "An annual grade recorded wrongly is corrected (更正) by the graders, with its reason, while its consequences can be undone: not once a later year is graded, and not a grade under review or appeal (复核、申诉), which has its own path; the quotas hold for the corrected grade");

    public static readonly Rule GoodQuota = new(
        "AS-8", "AS 第八条", "Good (好) ≤ 40 % of the people assessed in the unit that quarter");

    public static readonly Rule ExcellentQuota = new(
        "AS-12", "AS 第十二条", "The Excellent (优秀) share follows the department's tier: 25 %, 20 %, 10 %");

    public static readonly Rule LeadershipExcellentBar = new(
        "AS-12-LEADERS", "AS 第十二条", "Leadership members of tier 3 and tier 4 departments cannot be Excellent");

    public static readonly Rule ExcellentNeedsGood = new(
        "AS-13-GOOD", "AS 第十三条", "Excellent only for a person with at least one quarterly Good that year");

    public static readonly Rule AveragePoorMajority = new(
        "AS-13-MAJORITY", "AS 第十三条",
        "Average + Poor quarters more than half of the year's quarters → the annual grade is BasicallyCompetent or Incompetent");

    public static readonly Rule MandatoryIncompetent = new(
        "AS-15", "AS 第十五条", "The listed cases (and a democratic evaluation with more than 1/3 Incompetent/Poor votes, confirmed) must be graded Incompetent");

    public static readonly Rule RefusalToParticipate = new(
        "AS-28-REFUSAL", "AS 第二十八条", "Refusing to take part in the assessment after education → Incompetent");

    public static readonly Rule AppealOfIncompetent = new(
        "AS-28-APPEAL", "AS 第二十八条", "An Incompetent annual grade may be reviewed (复核) and appealed (申诉)");

    public static readonly Rule AnnualFeedback = new(
        "AS-9-FEEDBACK", "AS 第九条", "The annual result is fed back to the employee in writing and signed by the employee (书面反馈本人签字), once it is decided");

    public static readonly Rule ExcellentPublicNotice = new(
        "AS-9-NOTICE", "AS 第九条", "Proposed Excellent grades are publicly noticed for at least 5 working days before the decision");

    public static readonly Rule ProbationNoGrade = new(
        "AS-23", "AS 第二十三条", "In probation the assessment gives comments only, no grade");

    public static readonly Rule AssessingUnit = new(
        "AS-24", "AS 第二十四条", "A person transferred in is graded by the new department; a seconded person by the receiving unit");

    public static readonly Rule LeaveOverHalf = new(
        "AS-25", "AS 第二十五条",
        "Sick or personal leave over half the period → no grade; work injury or maternity leave → graded as usual");

    public static readonly Rule InvestigationNoGrade = new(
        "AS-26", "AS 第二十六条",
        "Under investigation (立案审查调查): no comments, no grade; closed with no sanction or a warning → the grade is set afterwards (补定等次)");

    public static readonly Rule SanctionEffects = new(
        "AS-27", "AS 第二十七条",
        "Warning → no Good in its period and not Excellent that year; 记过 and heavier → no quarterly grade in the period and no annual grade that year (记大过, 降级, 撤职: and the next)");

    public static readonly Rule GradeRequired = new(
        "AS-GRADE-REQUIRED", "AS 第八条, 第十条", "A person may go without a grade only for a reason the measures give");

    public static readonly Rule PromotionFreeze = new(
        "AS-20", "AS 第二十条; AM 第十七条", "BasicallyCompetent → no promotion of post grade for 1 year");
}
