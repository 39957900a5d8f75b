namespace Personnel.Domain.Grading;

/// <summary>Quarterly assessment grades (季度考核等次, AS 第八条).</summary>
public enum QuarterlyGrade
{
    /// <summary>好.</summary>
    Good,

    /// <summary>较好.</summary>
    FairlyGood,

    /// <summary>一般.</summary>
    Average,

    /// <summary>较差.</summary>
    Poor,
}

/// <summary>Annual assessment grades (年度考核等次, AS 第十条).</summary>
public enum AnnualGrade
{
    /// <summary>优秀.</summary>
    Excellent,

    /// <summary>称职.</summary>
    Competent,

    /// <summary>基本称职.</summary>
    BasicallyCompetent,

    /// <summary>不称职.</summary>
    Incompetent,
}
