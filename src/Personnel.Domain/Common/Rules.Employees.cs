namespace Personnel.Domain.Common;

public static partial class Rules
{
    public static readonly Rule ContractLifecycle = new(
        "AM-LIFECYCLE", "AM 第九条–第十八条", "The contract moves only along its lifecycle (聘任—试用—正式聘任—续聘/解聘)");

    public static readonly Rule EmployeeMustExist = new(
        "EMPLOYEE-EXISTS", "AM 第九条", "Only an appointed person (聘任人员) has a contract to act on");

    public static readonly Rule AppointmentOnce = new(
        "AM-9-ONCE", "AM 第九条", "A person signs one post appointment contract (岗位聘任合同) at a time");

    public static readonly Rule AppointmentMethods = new(
        "AM-6", "AM 第六条", "Posts are filled by competition (竞争上岗), open recruitment (公开招聘) or direct appointment (定向直聘)");

    public static readonly Rule ContractTerm = new(
        "AM-9", "AM 第九条", "Each term (聘期) is 3 years; renewal (续聘) or termination (解聘) is decided on assessment results");

    public static readonly Rule PostChangeWithinTerm = new(
        "AM-9-POST", "AM 第九条", "A change of post inside a term amends the contract; the term continues");

    public static readonly Rule Probation = new(
        "AM-13-PROBATION", "AM 第十三条",
        "Open recruitment carries a probation (试用期) of at most 6 months, 12 for a first job; pass → formal appointment, fail → appointment cancelled");

    public static readonly Rule PromotionTrial = new(
        "AM-13-TRIAL", "AM 第十三条",
        "A promotion (提拔任职) carries a 1-year trial; fail → back to the post grade held before the trial");

    public static readonly Rule RetirementAtFirstCompetition = new(
        "AM-14", "AM 第十四条",
        "At the first competition, a person with less than 3 years to statutory retirement is not brought into the scheme (joins the 四进 work team)");

    public static readonly Rule Termination = new(
        "AM-15", "AM 第十五条",
        "The contract ends (解聘) when the term ends without renewal, on resignation, on transfer out of the zone, or at retirement; it never runs past the retirement date");

    public static readonly Rule HealthPostAdjustment = new(
        "AM-16", "AM 第十六条", "Unable to work for health reasons for more than 1 year → the post is adjusted");

    public static readonly Rule Rotation = new(
        "AM-12", "AM 第十二条",
        "Heads and deputies rotate after 2 consecutive terms (advisory) and must after 3; middle managers in the same post rotate after 2 (advisory)");

    public static readonly Rule LeadershipAdjustment = new(
        "AM-17-YELLOW", "AM 第十七条",
        "Two consecutive yellow cards or city rank 4th → the leadership is adjusted or the principal leader moved out");

    public static readonly Rule Dismissal = new(
        "AM-18", "AM 第十八条", "Dismissal for cause (辞聘) needs one of the five causes of the article, with its reason");

    public static readonly Rule AbsenceDismissal = new(
        "AM-18-4", "AM 第十八条(四); PM 第七条",
        "Absence without leave (旷工) or overstaying leave for more than 15 consecutive days or more than 30 days in one year → dismissal");

    public static readonly Rule NoOverlappingRecords = new(
        "RECORD-OVERLAP", "PM 第六条, 第七条", "A day is recorded once: leave and absence periods of one kind do not overlap");
}
