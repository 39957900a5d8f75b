namespace Personnel.Domain.Common;

public static partial class Rules
{
    public static readonly Rule DepartmentName = new(
        "DEPT-NAME", "部门设置 department register", "A department has a name of 1–100 characters");

    public static readonly Rule DepartmentExists = new(
        "DEPT-EXISTS", "部门设置 department register", "A department is created once and then assessed");

    public static readonly Rule PlacedInExistingDepartment = new(
        "DEPT-PLACED", "AM 第二条",
        "A person is appointed or rotated only into a department (部门) that has been created; create it first with 'personnel department create'");

    public static readonly Rule CityRankInGroup = new(
        "AM-17-CITY-RANK", "AM 第十七条", "A city-level rank is a place from 1 to the size of the department's peer group (市级考核同组名次)");

    public static readonly Rule OneAssessmentPerYear = new(
        "AM-17-ONCE", "AM 第十七条", "A department is assessed once a year (一至四等); a change is an explicit correction");

    public static readonly Rule AssessmentsInYearOrder = new(
        "AM-17-ORDER", "AM 第十七条",
        "Department assessments are recorded and corrected in year order, because a year's yellow card depends on the year before");

    public static readonly Rule YellowCard = new(
        "AM-17-YELLOW", "AM 第十七条",
        "A department assessed tier 3 or 4, or ranked 3rd or 4th in its city group, gets a yellow card: warning and leadership interview (黄牌警告, 警示、约谈)");

    public static readonly Rule DepartmentLeadershipAdjustment = new(
        "AM-17-ADJUST", "AM 第十七条",
        "Two consecutive yellow-card years, or 4th in the city group, adjust the leadership or move the principal leader out (调整班子或主要负责人调离岗位)");

    public static readonly Rule TownshipEvaluationWeight = new(
        "SP-3-1", "SP 三(一)", "The street/township committee's evaluation is at least 30 % of a zone department's annual score");

    public static readonly Rule DispatchedAgencyScore = new(
        "SP-3-2", "SP 三(二)–(四)",
        "A dispatched agency gets a 100-point township score weighted 60 %; year score = quarterly mean × 40 % + year-end × 60 % + adjustments (SP 三(三)7)");
}
