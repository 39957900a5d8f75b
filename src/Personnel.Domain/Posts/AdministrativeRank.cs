namespace Personnel.Domain.Posts;

/// <summary>
/// The civil-service rank level (职级/层次) a person holds or held, which the eligibility to compete
/// for a management post is judged on (AM 第五条). Highest first.
/// </summary>
public enum AdministrativeRank
{
    /// <summary>县处级正职 (division head level) and equivalents.</summary>
    DivisionHead,

    /// <summary>县处级副职 (deputy division level) and equivalents.</summary>
    DeputyDivision,

    /// <summary>乡科级正职 (section chief level) and equivalents.</summary>
    SectionChief,

    /// <summary>乡科级副职 (deputy section level) and equivalents.</summary>
    DeputySection,

    /// <summary>一级科员 (first-grade staff) and equivalents.</summary>
    FirstGradeStaff,

    /// <summary>Below first-grade staff.</summary>
    Other,
}

/// <summary>Education, as far as AM 第五条 asks: a junior-college (大学专科) degree or above.</summary>
public enum Education
{
    /// <summary>Below 大学专科.</summary>
    BelowJuniorCollege,

    /// <summary>大学专科.</summary>
    JuniorCollege,

    /// <summary>大学本科.</summary>
    Bachelor,

    /// <summary>研究生 and above.</summary>
    Postgraduate,
}
