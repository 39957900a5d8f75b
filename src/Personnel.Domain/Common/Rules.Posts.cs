namespace Personnel.Domain.Common;

public static partial class Rules
{
    public static readonly Rule PostGradeTable = new(
        "PM-5-GRADE", "PM 第五条", "Post pay has 8 grade levels (level 1 highest) and 19 steps (岗位工资 8级19档)");

    public static readonly Rule ManagementPostEligibility = new(
        "AM-5-MANAGEMENT", "AM 第五条",
        "A candidate for a management post must currently hold the post's rank, or have held the rank below it or above for the counted years required (竞聘管理岗位)");

    public static readonly Rule ManagementPostEducation = new(
        "AM-5-EDUCATION", "AM 第五条",
        "Zone leaders, department heads, deputies and middle managers need a junior-college (大学专科) education or above");

    public static readonly Rule ZoneLeadershipAppointment = new(
        "AM-5-ZONE", "AM 第五条",
        "A candidate for the zone leadership is, as a rule, a leader appointed by the city committee or its organisation department");

    public static readonly Rule RankPostOrigin = new(
        "AM-5-RANK", "AM 第五条",
        "A candidate for a rank post (职级岗位) usually comes from the rank the post is meant for (竞聘职级岗位)");

    public static readonly Rule EligibilityWaiver = new(
        "AM-5-WAIVER", "AM 第五条",
        "The zone committee (工委) may relax the conditions for an exceptional candidate; the waiver names who granted it");
}
