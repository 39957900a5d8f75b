using Personnel.Domain.Grading;

namespace Personnel.Domain.Employees;

/// <summary>Maps grades onto the outcomes of the consequence table.</summary>
public static class GradeOutcomes
{
    public static AnnualOutcome ToOutcome(this AnnualGrade? grade) => grade switch
    {
        AnnualGrade.Excellent => AnnualOutcome.Excellent,
        AnnualGrade.Competent => AnnualOutcome.Competent,
        AnnualGrade.BasicallyCompetent => AnnualOutcome.BasicallyCompetent,
        AnnualGrade.Incompetent => AnnualOutcome.Incompetent,
        null => AnnualOutcome.NoGrade,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "unknown annual grade"),
    };

    public static AnnualOutcome ToOutcome(this AnnualGrade grade) => ((AnnualGrade?)grade).ToOutcome();
}
