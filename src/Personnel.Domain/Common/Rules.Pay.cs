namespace Personnel.Domain.Common;

public static partial class Rules
{
    public static readonly Rule PerformancePayByGrade = new(
        "PM-5-PAY", "PM 第五条",
        "Quarterly performance pay is 100 % for Good and FairlyGood, 20 % for Average, none for Poor; the personal annual coefficient is 1.1, 1.0, 0.2, 0");

    public static readonly Rule AnnualPool = new(
        "PM-5-POOL", "PM 第五条",
        "The zone's annual performance pool is total pay − post pay − monthly performance − quarterly performance (全区年绩效总额)");

    public static readonly Rule AnnualAllocation = new(
        "PM-5-ALLOCATE", "PM 第五条",
        "The pool is shared by department coefficient × the department's post coefficients, then by personal coefficient × post coefficient");

    public static readonly Rule ProbationNoPerformancePay = new(
        "PM-8-PROBATION", "PM 第八条", "No performance pay during the probation of open recruitment (试用期内不发放绩效工资)");

    public static readonly Rule SeparatedWithoutResult = new(
        "PM-8-SEPARATED", "PM 第八条",
        "People transferred out, retired or deceased without a result are paid as FairlyGood / Competent; people who quit get no performance pay for periods not assessed");

    public static readonly Rule NoAnnualPerformancePay = new(
        "PM-9", "PM 第九条",
        "No annual performance pay for 严重警告 or above, 记过 or above, demotion/ordered resignation/removal, an open investigation, or exclusion by the zone committee");

    public static readonly Rule LeaveDeduction = new(
        "PM-6", "PM 第六条",
        "Sick or personal leave: monthly performance deducted per day; over 10 consecutive or 15 total working days, monthly, quarterly and annual performance by month");

    public static readonly Rule AbsenceDeduction = new(
        "PM-7", "PM 第七条",
        "Absence without leave: post pay and monthly performance per day; over 3 days in a month also quarterly by month; 10 consecutive or 15 in a year withhold quarterly and annual");

    public static readonly Rule LatenessDeduction = new(
        "PM-7-LATE", "PM 第七条", "Late arrival, early leave or leaving the post: monthly performance deducted per day");

    public static readonly Rule AbsenceDismissalGround = new(
        "AM-18-4-ABSENCE", "AM 第十八条(四)", "Absent without leave over 15 consecutive days or over 30 days in a year: dismissal (辞聘)");

    public static readonly Rule AttendanceRecord = new(
        "PM-6-RECORD", "PM 第六条", "Attendance records name working days of the year, each day once");
}
