using Personnel.Domain.Common;
using Personnel.Domain.Ranking;

namespace Personnel.Domain.Employees;

public sealed partial class Employee
{
    private readonly SortedDictionary<int, RankingPlaceRecorded> _rankings = [];
    private readonly SortedDictionary<int, AnnualFeedbackSigned> _feedback = [];

    /// <summary>The yearly ranking places recorded, by year.</summary>
    public IReadOnlyDictionary<int, RankingPlaceRecorded> RankingPlaces => _rankings;

    /// <summary>The years whose written assessment feedback the employee has signed (AS 第九条(五)).</summary>
    public IReadOnlyDictionary<int, AnnualFeedbackSigned> SignedFeedback => _feedback;

    /// <summary>
    /// Records the person's place in the department's yearly ranking and, under a ranking-based profile
    /// (<paramref name="ranking"/> not null, e.g. yangshahu-2020), applies its consequences (seed 000
    /// 三(五)19): last place → post adjustment; the bottom places → warning and re-education; last place
    /// in consecutive years → removal. Under a grade-based profile (null) the place is only recorded.
    /// </summary>
    /// <param name="place">1 for the best; people with equal scores share the better place.</param>
    /// <param name="groupSize">The people ranked in the group that year.</param>
    /// <param name="placeFromBottom">1 for the last, ties sharing the worse place; defaults to <paramref name="groupSize"/> − <paramref name="place"/> + 1 (no tie).</param>
    public void RecordRankingPlace(DateOnly on, int year, int place, int groupSize, RankingPolicy? ranking, int? placeFromBottom = null)
    {
        EnsureAppointed();
        var fromBottom = placeFromBottom ?? groupSize - place + 1;
        RuleViolationException.ThrowIfInvalid(groupSize >= 1 && place >= 1 && place <= groupSize, Rules.RankingConsequences,
            $"place {place} of {groupSize} is not a place in the group");
        RuleViolationException.ThrowIfInvalid(fromBottom >= 1 && place + fromBottom <= groupSize + 1, Rules.RankingConsequences,
            $"place {place} from the top and {fromBottom} from the bottom cannot both hold in a group of {groupSize}");
        RuleViolationException.ThrowIfInvalid(year >= AppointedOn.Year && year <= on.Year, Rules.WellFormedInput,
            $"year {year} is outside the contract up to {on:yyyy-MM-dd}");
        var opens = new DateOnly(year, 12, 1);
        RuleViolationException.ThrowUnless(on >= opens, Rules.AnnualAssessmentTiming,
            $"the {year} ranking may be recorded from {opens:yyyy-MM-dd}, not on {on:yyyy-MM-dd}");
        EnsureAllowed(ContractTrigger.RecordRankingPlace, on);
        if (_rankings.TryGetValue(year, out var existing))
        {
            throw new RuleViolationException(Rules.RankingConsequences,
                $"{Id} already has place {existing.Place} of {existing.GroupSize} for {year}", ViolationKind.AlreadyExists);
        }

        var recorded = new RankingPlaceRecorded(on, year, place, groupSize, fromBottom);
        var consequences = ranking is null ? [] : RankingConsequencesOf(recorded, ranking);
        if (consequences.Any(c => c is RemovedForRanking))
        {
            EnsureAllowed(ContractTrigger.Terminate, on);
        }

        Raise([recorded, .. consequences]);
    }

    /// <summary>
    /// Records that the employee signed the written feedback of the year's assessment (AS 第九条(五)): after the
    /// result (a grade or no grade) is decided, once.
    /// </summary>
    public void SignAnnualFeedback(DateOnly on, int year)
    {
        EnsureAppointed();
        RuleViolationException.ThrowUnless(_annual.ContainsKey(year), Rules.AnnualFeedback,
            $"{Id} has no {year} result to give feedback on");
        var decidedOn = ResultDecidedOn(year);
        RuleViolationException.ThrowIfInvalid(on >= decidedOn, Rules.AnnualFeedback,
            $"the {year} result was decided on {decidedOn:yyyy-MM-dd}, after {on:yyyy-MM-dd}");
        EnsureAllowed(ContractTrigger.SignAnnualFeedback, on);
        if (_feedback.TryGetValue(year, out var signed))
        {
            throw new RuleViolationException(Rules.AnnualFeedback,
                $"{Id} signed the {year} feedback on {signed.OccurredOn:yyyy-MM-dd}", ViolationKind.AlreadyExists);
        }

        Raise(new AnnualFeedbackSigned(on, year));
    }

    private List<EmployeeEvent> RankingConsequencesOf(RankingPlaceRecorded recorded, RankingPolicy ranking)
    {
        var (on, year, fromBottom) = (recorded.OccurredOn, recorded.Year, recorded.PlaceFromBottom);
        var events = new List<EmployeeEvent>();
        if (fromBottom <= ranking.PostAdjustmentLastPlaces)
        {
            events.Add(new PostAdjustmentDue(on, Rules.RankingConsequences.Code,
                $"place {fromBottom} from the bottom of {recorded.GroupSize} in {year}: post adjustment (视情况调整岗位)"));
        }

        if (fromBottom <= ranking.WarningLastPlaces)
        {
            events.Add(new RankingWarningIssued(on, year, fromBottom));
        }

        var years = Enumerable.Range(year - ranking.RemovalConsecutiveLastYears + 1, ranking.RemovalConsecutiveLastYears).ToList();
        var lastEveryYear = fromBottom == 1 && years.Where(y => y != year)
            .All(y => _rankings.TryGetValue(y, out var earlier) && earlier.PlaceFromBottom == 1);
        if (lastEveryYear)
        {
            var reason = $"last place {ranking.RemovalConsecutiveLastYears} years running ({string.Join(", ", years)})";
            events.Add(ranking.RemovalEndsContract
                ? new RemovedForRanking(on, year, $"removed (劝退、免职、责令辞职): {reason}")
                : new PostAdjustmentDue(on, Rules.RankingConsequences.Code, $"removed from the post (免职): {reason}"));
        }

        return events;
    }

    private void ApplyRanking(EmployeeEvent @event)
    {
        switch (@event)
        {
            case RankingPlaceRecorded e:
                _rankings[e.Year] = e;
                break;
            case RankingWarningIssued or RemovedForRanking:
                _consequences.Add(@event);
                break;
            case AnnualFeedbackSigned e:
                _feedback[e.Year] = e;
                break;
            default:
                throw new InvalidOperationException($"{@event.GetType().Name} has no apply step");
        }
    }
}
