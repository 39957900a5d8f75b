using Personnel.Domain.Common;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Employees;

public sealed partial class Employee
{
    private readonly Dictionary<int, bool> _appeals = [];
    // Sorted for its snapshot, as _gradeSinceBeforeDemotion is: reversals remove entries.
    private readonly SortedDictionary<int, Demoted> _demotions = [];
    private readonly List<MeritAwarded> _merits = [];
    private readonly List<EmployeeEvent> _consequences = [];
    private readonly List<DateOnly> _floorsReached = [];
    private int? _terminationYear;

    /// <summary>Commendations, merits, admonishments, freezes, uncounted years, demotions and floors, in order. A consequence
    /// withdrawn because its grade was corrected (<see cref="AnnualConsequenceWithdrawn"/>) leaves the list; <see cref="History"/>
    /// keeps both.</summary>
    public IReadOnlyList<EmployeeEvent> ConsequenceHistory => _consequences;

    public IReadOnlyList<MeritAwarded> Merits => _merits;

    /// <summary>The dates a demotion found the grade at its floor (<see cref="DemotionFloorReached"/>), oldest first: every one
    /// applied, a later withdrawal included, as <see cref="History"/> recorded them; kept apart so that an aggregate restored
    /// from a snapshot answers without the whole history.</summary>
    public IReadOnlyList<DateOnly> DemotionFloorsReached => _floorsReached;

    /// <summary>
    /// The consequences of an annual outcome (AM 第十七条; AS 第十九条–第二十二条), as the profile's
    /// table lists them, with the second-consecutive ones when the previous year had the same outcome;
    /// those in <paramref name="alreadyRecorded"/> are left out (a correction keeps what both grades call for).
    /// </summary>
    private List<EmployeeEvent> ConsequencesOf(
        DateOnly on, int year, AnnualOutcome outcome, PostGrade grade, IReadOnlySet<Consequence>? alreadyRecorded = null)
    {
        var secondConsecutive = IsSecondConsecutive(year, outcome);
        var events = new List<EmployeeEvent>();
        var consecutive = secondConsecutive ? $"{outcome} in {year - 1} and {year}" : $"{outcome} in {year}";
        foreach (var consequence in DueConsequences(year, outcome).Where(c => alreadyRecorded?.Contains(c) != true))
        {
            switch (consequence)
            {
                case Consequence.Commendation:
                    events.Add(new CommendationAwarded(on, year));
                    if (outcome == AnnualOutcome.Excellent)
                    {
                        events.AddRange(MeritFor(on, year));
                    }

                    break;
                case Consequence.Admonishment:
                    events.Add(new Admonished(on, year));
                    break;
                case Consequence.YearNotCounted:
                    events.Add(new YearNotCounted(on, year, outcome));
                    break;
                case Consequence.PromotionFreeze:
                    events.Add(new PromotionFrozen(on, year, on.AddMonths(Policy.PromotionFreezeMonths)));
                    break;
                case Consequence.Demotion:
                    var demotion = grade.Demote(Policy.DemotionUnit);
                    events.Add(demotion.FloorReached
                        ? new DemotionFloorReached(on, year, grade, $"demotion due for {consecutive}; level {PostGrade.LowestLevel} is the floor")
                        : new Demoted(on, year, demotion.From, demotion.To, $"demoted one post grade ({Policy.DemotionUnit}) for {consecutive}"));
                    break;
                case Consequence.PostAdjustment:
                    events.Add(new PostAdjustmentDue(on, outcome == AnnualOutcome.NoGrade ? "AS-22" : "AS-20", $"post adjustment for {consecutive}", year));
                    break;
                case Consequence.ContractTermination:
                    events.Add(new ContractTerminated(on, year, $"contract terminated (解除聘用合同) for {consecutive}"));
                    break;
                default:
                    throw new InvalidOperationException($"consequence {consequence} has no event");
            }
        }

        return events;
    }

    /// <summary>The consequences the profile's table gives <paramref name="outcome"/> in <paramref name="year"/>, the
    /// second-consecutive ones included when the previous year had the same outcome.</summary>
    private SortedSet<Consequence> DueConsequences(int year, AnnualOutcome outcome)
    {
        var table = Policy.ConsequencesOf(outcome);
        var due = new SortedSet<Consequence>(table.Each);
        if (IsSecondConsecutive(year, outcome))
        {
            due.UnionWith(table.SecondConsecutive);
        }

        return due;
    }

    private bool IsSecondConsecutive(int year, AnnualOutcome outcome) =>
        _annual.TryGetValue(year - 1, out var previous) && previous.Outcome == outcome;

    /// <summary>
    /// Merits for consecutive Excellent years (AS 第十九条): third class at the 3rd, second class at the
    /// 5th; after a second-class merit the streak starts again.
    /// </summary>
    private IEnumerable<MeritAwarded> MeritFor(DateOnly on, int year)
    {
        var lastSecondClass = _merits.Where(m => m.Class == MeritClass.SecondClass).Select(m => m.Year).DefaultIfEmpty(int.MinValue).Max();
        var streak = 1;
        while (year - streak > lastSecondClass
            && _annual.TryGetValue(year - streak, out var earlier) && earlier.Outcome == AnnualOutcome.Excellent)
        {
            streak++;
        }

        if (streak == Policy.SecondClassMeritStreak)
        {
            yield return new MeritAwarded(on, year, MeritClass.SecondClass, streak);
        }
        else if (streak == Policy.ThirdClassMeritStreak)
        {
            yield return new MeritAwarded(on, year, MeritClass.ThirdClass, streak);
        }
    }

    private void ApplyGrading(EmployeeEvent @event)
    {
        switch (@event)
        {
            case QuarterlyGradeRecorded e:
                _quarterly[e.Quarter] = e;
                break;
            case QuarterlyGradeCorrected e:
                _quarterly[e.Quarter] = _quarterly[e.Quarter] with { Grade = e.To };
                break;
            case QuarterlyFollowUpDue:
                break;
            case ExcellentProposed e:
                _proposals[e.Year] = e;
                break;
            case AnnualGradeRecorded e:
                _annual[e.Year] = e;
                break;
            case AnnualGradeAppealed e:
                _appeals[e.Year] = false;
                break;
            case AnnualGradeCorrected e:
                _annual[e.Year] = _annual[e.Year] with { Grade = e.To };
                _annualCorrections[e.Year] = e;
                // The written feedback signed was of the old result: the corrected one is fed back and signed anew (AS 第九条(六)).
                _feedback.Remove(e.Year);
                break;
            case AnnualConsequenceWithdrawn e:
                Withdraw(e);
                break;
            case AppealResolved e:
                _appeals[e.Year] = true;
                if (e.RevisedGrade is { } revised)
                {
                    _annual[e.Year] = _annual[e.Year] with { Grade = revised };
                }

                break;
            case ContractTerminated e:
                _terminationYear = e.Year;
                break;
            case MeritAwarded e:
                _merits.Add(e);
                _consequences.Add(e);
                break;
            case DemotionFloorReached e:
                _floorsReached.Add(e.OccurredOn);
                _consequences.Add(e);
                break;
            case CommendationAwarded or Admonished or YearNotCounted:
                _consequences.Add(@event);
                break;
            case ProbationFailed or EmployeeResigned or TransferredOut or EmployeeRetired or EmployeeDismissed
                or RenewalOpened or RenewalDeclined:
                break;
            default:
                throw new InvalidOperationException($"{@event.GetType().Name} has no apply step");
        }
    }
}
