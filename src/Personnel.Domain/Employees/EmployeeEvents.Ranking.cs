namespace Personnel.Domain.Employees;

/// <summary>
/// The person's place in the department's yearly ranking (积分排名, seed 000 三(五)19): 1 is the best;
/// <paramref name="PlaceFromBottom"/> 1 is last (people tied for last are all last).
/// </summary>
public sealed record RankingPlaceRecorded(DateOnly OccurredOn, int Year, int Place, int GroupSize, int PlaceFromBottom)
    : EmployeeEvent(OccurredOn);

/// <summary>Warning and re-education for a bottom place (警示提醒、批评教育、书面检查, seed 000 三(五)19).</summary>
public sealed record RankingWarningIssued(DateOnly OccurredOn, int Year, int PlaceFromBottom) : EmployeeEvent(OccurredOn);

/// <summary>Removed (劝退、免职、责令辞职) for last place in consecutive years (seed 000 三(五)19): the contract ends.</summary>
public sealed record RemovedForRanking(DateOnly OccurredOn, int Year, string Reason) : EmployeeEvent(OccurredOn);

/// <summary>The written feedback of a year's assessment, signed by the employee (AS 第九条(五)).</summary>
public sealed record AnnualFeedbackSigned(DateOnly OccurredOn, int Year) : EmployeeEvent(OccurredOn);
