namespace Personnel.Domain.Employees;

/// <summary>
/// What the annual assessment found beyond the grade asked for (AS 第九条, 第十五条, 第二十八条):
/// the cases that force Incompetent, the democratic evaluation and a refusal to take part.
/// </summary>
public sealed record AnnualAssessment
{
    public static AnnualAssessment None { get; } = new();

    public IReadOnlyList<MandatoryIncompetentCase> MandatoryIncompetentCases { get; init; } = [];

    public DemocraticEvaluation? Evaluation { get; init; }

    /// <summary>Refused to take part without good reason, after education (AS 第二十八条).</summary>
    public bool RefusedToParticipate { get; init; }

    /// <summary>The comments (评语) written with the grade; none under investigation (AS 第二十六条).</summary>
    public string? Comments { get; init; }

    /// <summary>The grade is set afterwards (补定等次) because an investigation closed with no sanction or a warning (AS 第二十六条).</summary>
    public bool SetAfterInvestigation { get; init; }
}

/// <summary>民主测评: the votes cast and how many judged the person Incompetent or Poor (AS 第十五条(六)).</summary>
public sealed record DemocraticEvaluation(int Votes, int IncompetentOrPoorVotes, bool ConfirmedByOrganisation);
