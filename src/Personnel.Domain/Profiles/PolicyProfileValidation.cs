using Personnel.Domain.Common;

namespace Personnel.Domain.Profiles;

/// <summary>Checks that a profile's data is complete and consistent before it is used (RULES §9).</summary>
public static class PolicyProfileValidation
{
    public static void Validate(PolicyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Require(!string.IsNullOrWhiteSpace(profile.Name), "the profile has no name");
        var pay = profile.Pay;
        RequireAll(pay.QuarterlyPayRatio, "pay.quarterlyPayRatio", 0m, 1m);
        RequireAll(pay.PersonalCoefficient, "pay.personalCoefficient", 0m, 10m);
        RequireAll(pay.DepartmentCoefficient, "pay.departmentCoefficient", 0m, 10m);
        RequireAll(pay.PostCoefficient, "pay.postCoefficient", 0.01m, 10m);
        Require(pay.UngradedQuarterlyRatio is >= 0m and <= 1m, $"pay.ungradedQuarterlyRatio {pay.UngradedQuarterlyRatio} is outside 0–1");
        Require(pay.OvertimeHalfDayHours < pay.OvertimeFullDayHours, "pay: the half-day overtime hours must be below the full-day hours");
        Require(pay.LeaveConsecutiveDaysLimit > 0 && pay.LeaveTotalDaysLimit > 0, "pay: leave limits must be positive");
        Require(pay.AbsencePerDayOnlyDays >= 0 && pay.AbsenceConsecutiveWithholdDays > 0 && pay.AbsenceYearWithholdDays > 0,
            "pay: absence limits must be positive");

        var departments = profile.Departments;
        Require(departments.ConsecutiveYellowCardYears >= 1, "departments.consecutiveYellowCardYears must be at least 1");
        Require(departments.ZoneDepartmentMinimumTownshipWeight is >= 0m and <= 1m, "departments.zoneDepartmentMinimumTownshipWeight is outside 0–1");
        Require(departments.DispatchedAgencyTownshipWeight is >= 0m and <= 1m, "departments.dispatchedAgencyTownshipWeight is outside 0–1");
        Require(departments.QuarterlyMeanWeight + departments.YearEndWeight == 1m,
            "departments.quarterlyMeanWeight and yearEndWeight must sum to 1");
        if (departments.Ranking is { } ranking)
        {
            Require(ranking.BottomPlaces >= 1, "departments.ranking.bottomPlaces must be at least 1");
            Require(ranking.RectificationMonths is null or >= 1, "departments.ranking.rectificationMonths must be at least 1");
        }

        var grading = profile.Grading;
        RequireAll(grading.ExcellentQuotaByTier, "grading.excellentQuotaByTier", 0m, 1m);
        Require(grading.GoodQuotaRatio is >= 0m and <= 1m, $"grading.goodQuotaRatio {grading.GoodQuotaRatio} is outside 0–1");

        foreach (var requirement in profile.Posts.ManagementPosts)
        {
            Require(requirement.YearsHeld >= 0, $"posts: {requirement.Post} needs a non-negative number of years");
        }

        var consequences = profile.Consequences;
        Require(consequences.Basis != ConsequenceBasis.Ranking || consequences.Ranking is not null,
            "consequences: a ranking-based profile needs consequences.ranking");
        if (consequences.BonusLadder is { } ladder)
        {
            Require(ladder.BaseShare is >= 0m and <= 1m, "consequences.bonusLadder.baseShare is outside 0–1");
            Require(ladder.TopTierMaxShare + ladder.BottomTierMinShare <= 1m, "consequences.bonusLadder: the top and bottom tiers overlap");
            Require(ladder.TopTierFactor >= 0m && ladder.MiddleTierFactor >= 0m && ladder.BottomTierFactor >= 0m,
                "consequences.bonusLadder: factors must be non-negative");
        }
    }

    private static void RequireAll<TKey>(IReadOnlyDictionary<TKey, decimal> values, string what, decimal min, decimal max)
        where TKey : struct, Enum
    {
        foreach (var key in Enum.GetValues<TKey>())
        {
            Require(values.TryGetValue(key, out var value), $"{what} has no value for {key}");
            Require(value >= min && value <= max, $"{what}[{key}] = {value} is outside {min}–{max}");
        }
    }

    private static void Require(bool condition, string facts) =>
        RuleViolationException.ThrowIfInvalid(condition, Rules.ProfileData, facts);
}
