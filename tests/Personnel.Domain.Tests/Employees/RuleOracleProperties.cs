using FsCheck;
using FsCheck.Fluent;
using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

/// <summary>
/// Properties whose expected values come from RULES.md written out here, not from the domain's own formulas
/// (<see cref="QuotaMath"/>): a wrong formula or a wrong machine fails them. Random inputs through the public API.
/// </summary>
public class RuleOracleProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(100);

    /// <summary>RULES.md §4: Good ≤ 40 % of the people assessed in the unit that quarter, rounded down (default profile).</summary>
    private static int GoodCapFromRules(int assessed) => assessed * 40 / 100;

    /// <summary>RULES.md §5 (AS 第十二条): tier 1 → 25 %, tier 2 → 20 %, tier 3 → 10 %, tier 4 → 10 % (default), rounded down.</summary>
    private static int ExcellentCapFromRules(DepartmentTier tier, int assessed) => tier switch
    {
        DepartmentTier.Tier1 => assessed * 25 / 100,
        DepartmentTier.Tier2 => assessed * 20 / 100,
        _ => assessed * 10 / 100,
    };

    [Fact]
    public void AS8_TheGoodQuota_GrantsExactlyFortyPercentRoundedDown()
    {
        var plans = Gen.Choose(1, 60).SelectMany(assessed => Gen.Choose(0, assessed).Select(asking => (Assessed: assessed, Asking: asking)));
        Check.One(Runs, Prop.ForAll(plans.ToArbitrary(), plan =>
        {
            var quarter = new Quarter(2021, 2);
            var ledger = GoodQuotaLedger.FromHistory(Planning, quarter, []);
            var granted = 0;
            for (var i = 0; i < plan.Asking; i++)
            {
                try
                {
                    ledger.Grant(quarter.LastDay, new EmployeeId($"e{i}"), plan.Assessed, new GradingPolicy());
                    granted++;
                }
                catch (RuleViolationException refusal)
                {
                    Assert.Equal(Rules.GoodQuota, refusal.Rule);
                }
            }

            Assert.Equal(Math.Min(plan.Asking, GoodCapFromRules(plan.Assessed)), granted);
        }));
    }

    [Fact]
    public void AS12_TheExcellentQuota_FollowsTheTierAsTheRulesState()
    {
        var plans = Gen.Choose(3, 40).SelectMany(assessed => Gen.Choose(1, 4).Select(tier => (Assessed: assessed, Tier: (DepartmentTier)tier)));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(plans.ToArbitrary(), plan =>
        {
            // Everyone asks for Excellent through the whole path: a Good quarter (AS 第十三条), the notice, the tier's quota.
            var staff = Enumerable.Range(0, plan.Assessed).Select(i =>
            {
                var e = Employee.Appoint(D("2020-01-01"), Request(id: new EmployeeId($"e{i}")));
                Quarter(e, 2021, 1 + (i % 4), QuarterlyGrade.Good, eligible: plan.Assessed);
                e.ProposeExcellent(D("2021-12-01"), 2021);
                return e;
            }).ToList();
            var facts = new DepartmentYearFacts(Planning, 2021, plan.Tier, plan.Assessed);
            var ledger = ExcellentQuotaLedger.FromHistory(Planning, 2021, []);

            var excellent = 0;
            foreach (var employee in staff)
            {
                try
                {
                    var grant = ledger.Grant(D("2021-12-20"), employee.Id, facts, employee.Policy);
                    employee.RecordAnnualGrade(D("2021-12-20"), 2021, AnnualGrade.Excellent, AnnualAssessment.None, facts, grant);
                    excellent++;
                }
                catch (RuleViolationException refusal)
                {
                    Assert.Equal(Rules.ExcellentQuota, refusal.Rule);
                    Assert.False(employee.AnnualGrades.ContainsKey(2021));
                }
            }

            Assert.Equal(ExcellentCapFromRules(plan.Tier, plan.Assessed), excellent);
        }));
    }

    /// <summary>Careers lived through the intent methods by <see cref="HistorySimulator"/>.</summary>
    private static Arbitrary<int[]> Careers() => PropertyTests.Careers();

    [Fact]
    public void ReplayingAHistory_GivesTheSameEmployeeAsLivingIt()
    {
        Check.One(Runs, Prop.ForAll(Careers(), numbers =>
        {
            var lived = new HistorySimulator(numbers).Run();

            var replayed = Employee.FromHistory(lived.History);

            Assert.Equal(Observe(lived), Observe(replayed));
        }));
    }

    [Fact]
    public void CountedYears_NeverExceedTheCalendarYearsElapsed()
    {
        Check.One(Runs, Prop.ForAll(Careers(), numbers =>
        {
            var employee = new HistorySimulator(numbers).Run();
            for (var asOf = employee.AppointedOn; asOf <= employee.AppointedOn.AddYears(16); asOf = asOf.AddMonths(7))
            {
                // Oracle from the calendar alone: whole years since the appointment, plus the one under way.
                var elapsed = asOf.Year - employee.AppointedOn.Year + 1;
                var tenure = employee.TenureOn(asOf);
                Assert.InRange(tenure.CountedYears, 0, elapsed);
            }
        }));
    }

    /// <summary>What a caller can see of an employee, as one comparable string.</summary>
    private static string Observe(Employee e)
    {
        var dates = Enumerable.Range(0, 16).Select(i => e.AppointedOn.AddYears(i)).ToList();
        return string.Join("\n",
        [
            $"{e.State} {e.Version} {e.Department} {e.PostLevel} {e.TermNumber} {e.TermStart} {e.TermEnd} {e.SeparatedOn}",
            $"{e.ProbationEnd} {e.TrialEnd} {e.TrialBefore} {e.PromotionFrozenUntil} {e.RoleSince} {e.PostSince} {e.GradeSince}",
            string.Join(";", e.PostHistory),
            string.Join(";", e.QuarterlyGrades.OrderBy(q => q.Key.Year).ThenBy(q => q.Key.Number).Select(q => $"{q.Key}={q.Value.Grade}")),
            string.Join(";", e.AnnualGrades.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value.Outcome}")),
            string.Join(";", dates.Select(d => $"{d}:{e.PostLevelOn(d)}:{e.TenureOn(d).CountedYears}")),
        ]);
    }
}

/// <summary>The rotation timeline (AM 第十二条): one answer per date, agreeing with the tenure and with the schedule.</summary>
public class RotationTimelineProperties
{
    private static Arbitrary<(int[] Numbers, int[] Days)> CareersAndDates() =>
        Gen.Choose(10, 14)
            .SelectMany(years => Gen.ArrayOf(Gen.Choose(0, 9999), years * HistorySimulator.NumbersPerYear))
            .SelectMany(numbers => Gen.ArrayOf(Gen.Choose(0, 20 * 366), 12).Select(days => (numbers, days)))
            .ToArbitrary();

    [Fact]
    public void AM12_TheTimelineCoversEveryDateOnceAndTheTenureAnswersFromIt()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), Prop.ForAll(CareersAndDates(), plan =>
        {
            var employee = new HistorySimulator(plan.Numbers).Run();
            var timeline = employee.RotationTimeline;

            Assert.Equal(employee.AppointedOn, timeline[0].From);
            Assert.Null(timeline[^1].Until);
            for (var i = 1; i < timeline.Count; i++)
            {
                Assert.Equal(timeline[i - 1].Until, timeline[i].From);
                Assert.False(timeline[i - 1].SameAnswer(timeline[i]), $"periods {i - 1} and {i} answer the same and were not merged");
            }

            var lastEvent = employee.History.Max(e => e.OccurredOn);
            foreach (var day in plan.Days)
            {
                var date = employee.AppointedOn.AddDays(day);
                var period = Assert.Single(timeline, p => p.Covers(date));
                var tenure = employee.TenureOn(date);
                Assert.Equal(period.Due, tenure.Rotation);
                Assert.Equal(period.ConsecutiveTerms, tenure.ConsecutiveTerms);
                if (date >= lastEvent)
                {
                    // Past the last recorded fact the answer is the schedule known now, picked for the date: the oracle is
                    // the schedule itself, computed afresh.
                    Assert.Equal(Employee.SelectRotation(employee.RotationSchedule(), date), period.Due);
                }
            }
        }));
    }

    [Fact]
    public void AM12_AHeadRenewedOnScheduleBecomesMandatoryWithTimeAlone()
    {
        var head = Employee.Appoint(D("2015-03-01"), Request(Post.DepartmentHead, level: 4));
        head.OpenRenewal(D("2017-12-15"));
        head.Renew(D("2017-12-15"));
        head.OpenRenewal(D("2020-12-15"));
        head.Renew(D("2020-12-15"));

        var before = head.TenureOn(D("2024-02-28"));
        var on = head.TenureOn(D("2024-02-29"));

        Assert.Equal((RotationStrength.Advisory, D("2021-02-28"), 3), (before.Rotation!.Strength, before.Rotation.DueOn, before.ConsecutiveTerms));
        Assert.Equal((RotationStrength.Mandatory, D("2024-02-29"), 3), (on.Rotation!.Strength, on.Rotation.DueOn, on.ConsecutiveTerms));
        Assert.Equal(on.Rotation, head.TenureOn(D("2024-06-01")).Rotation);
        Assert.Equal(2, head.TenureOn(D("2021-02-28")).ConsecutiveTerms);
    }
}
