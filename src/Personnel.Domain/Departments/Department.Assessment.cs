using Personnel.Domain.Common;

namespace Personnel.Domain.Departments;

public sealed partial class Department
{
    /// <summary>True when <paramref name="year"/> may be assessed now: not yet assessed, and no later year assessed.</summary>
    public bool CanRecordAssessment(int year) => !_years.ContainsKey(year) && (LatestAssessedYear is null || year > LatestAssessedYear);

    /// <summary>
    /// Records the year's tier and optional city rank; issues a yellow card and orders a leadership
    /// adjustment when AM 第十七条 says so (as events, in that order).
    /// </summary>
    public void RecordAssessment(int year, DepartmentTier tier, CityRank? cityRank, DateOnly on, DepartmentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ValidateAssessment(year, tier, on);
        if (_years.ContainsKey(year))
        {
            throw new RuleViolationException(Rules.OneAssessmentPerYear,
                $"{Name} was already assessed for {year} ({_years[year].Tier}); record a correction instead",
                ViolationKind.AlreadyExists);
        }

        RuleViolationException.ThrowUnless(
            LatestAssessedYear is not { } latest || year > latest, Rules.AssessmentsInYearOrder,
            $"{Name} has an assessment for {LatestAssessedYear}, later than {year}");

        var (grounds, adjustment) = Judge(year, tier, cityRank, policy);
        Raise(new DepartmentAssessed(on, year, tier, cityRank));
        if (grounds.Count > 0)
        {
            Raise(new YellowCardIssued(on, year, grounds));
        }

        if (adjustment is { } ground)
        {
            Raise(new DepartmentLeadershipAdjustmentOrdered(on, year, ground));
        }
    }

    /// <summary>
    /// Corrects the latest assessed year explicitly, with a reason; a yellow card or adjustment that no
    /// longer holds is withdrawn or rescinded, and a new one is issued or ordered.
    /// </summary>
    public void CorrectAssessment(int year, DepartmentTier tier, CityRank? cityRank, string reason, DateOnly on, DepartmentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ValidateAssessment(year, tier, on);
        RuleViolationException.ThrowIfInvalid(
            !string.IsNullOrWhiteSpace(reason), Rules.OneAssessmentPerYear, "a correction must give its reason");
        if (!_years.TryGetValue(year, out var before))
        {
            throw new RuleViolationException(Rules.OneAssessmentPerYear,
                $"{Name} has no assessment for {year} to correct", ViolationKind.NotFound);
        }

        RuleViolationException.ThrowUnless(
            year == LatestAssessedYear, Rules.AssessmentsInYearOrder,
            $"{year} cannot be corrected because {Name} has a later assessment ({LatestAssessedYear}) whose yellow card depends on it");
        RuleViolationException.ThrowUnless(
            before.Tier != tier || before.CityRank != cityRank, Rules.OneAssessmentPerYear,
            $"the correction of {year} changes nothing ({tier}, city rank {cityRank?.ToString() ?? "none"})");

        var (grounds, adjustment) = Judge(year, tier, cityRank, policy);
        Raise(new DepartmentAssessmentCorrected(on, year, tier, cityRank, reason));
        if (!before.YellowCardGrounds.SequenceEqual(grounds))
        {
            if (before.HasYellowCard)
            {
                Raise(new YellowCardWithdrawn(on, year, reason));
            }

            if (grounds.Count > 0)
            {
                Raise(new YellowCardIssued(on, year, grounds));
            }
        }

        if (before.LeadershipAdjustment != adjustment)
        {
            if (before.LeadershipAdjustment is not null)
            {
                Raise(new LeadershipAdjustmentRescinded(on, year, reason));
            }

            if (adjustment is { } ground)
            {
                Raise(new DepartmentLeadershipAdjustmentOrdered(on, year, ground));
            }
        }
    }

    private void ValidateAssessment(int year, DepartmentTier tier, DateOnly on)
    {
        RuleViolationException.ThrowIfInvalid(
            year is >= 1900 and <= 2200, Rules.WellFormedInput, $"year {year} is out of range 1900–2200");
        RuleViolationException.ThrowIfInvalid(
            Enum.IsDefined(tier), Rules.WellFormedInput, $"tier {(int)tier} is not one of 1–4 (一至四等)");
        RuleViolationException.ThrowIfInvalid(
            on >= new DateOnly(year, 1, 1), Rules.WellFormedInput,
            $"the assessment of {year} cannot be recorded on {on:yyyy-MM-dd}, before the year began");
        RuleViolationException.ThrowUnless(
            year >= CreatedOn.Year, Rules.DepartmentExists,
            $"{Name} was created on {CreatedOn:yyyy-MM-dd}; it has no {year} to assess");
    }

    /// <summary>The yellow-card grounds and the leadership adjustment AM 第十七条 gives the year.</summary>
    private (IReadOnlyList<YellowCardGround> Grounds, LeadershipAdjustmentGround? Adjustment) Judge(
        int year, DepartmentTier tier, CityRank? cityRank, DepartmentPolicy policy)
    {
        var grounds = new List<YellowCardGround>();
        if (policy.YellowCardTiers.Contains(tier))
        {
            grounds.Add(YellowCardGround.Tier);
        }

        if (cityRank is not null && policy.YellowCardCityPlaces.Contains(cityRank.Place))
        {
            grounds.Add(YellowCardGround.CityRank);
        }

        LeadershipAdjustmentGround? adjustment = null;
        if (cityRank is not null && policy.AdjustmentCityPlaces.Contains(cityRank.Place))
        {
            adjustment = LeadershipAdjustmentGround.CityRank;
        }
        else if (grounds.Count > 0 && YellowStreakEndingIn(year - 1, policy) + 1 >= policy.ConsecutiveYellowCardYears)
        {
            adjustment = LeadershipAdjustmentGround.ConsecutiveYellowCards;
        }

        return (grounds, adjustment);
    }

    /// <summary>Consecutive yellow-card years ending in <paramref name="year"/>; a year with an adjustment ends the streak when the profile says so.</summary>
    private int YellowStreakEndingIn(int year, DepartmentPolicy policy)
    {
        var streak = 0;
        for (var y = year; _years.TryGetValue(y, out var assessed) && assessed.HasYellowCard; y--)
        {
            if (policy.StreakRestartsAfterAdjustment && assessed.LeadershipAdjustment is not null)
            {
                break;
            }

            streak++;
        }

        return streak;
    }
}
