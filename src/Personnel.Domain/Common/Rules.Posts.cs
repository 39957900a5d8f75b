namespace Personnel.Domain.Common;

public static partial class Rules
{
    public static readonly Rule PostGradeTable = new(
        "PM-5-GRADE", "PM 第五条", "Post pay has 8 grade levels (level 1 highest) and 19 steps (岗位工资 8级19档)");
}
