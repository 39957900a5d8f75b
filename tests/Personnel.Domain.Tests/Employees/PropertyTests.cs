using FsCheck;
using FsCheck.Fluent;
using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Tests.Employees;

/// <summary>Invariants over random histories of 10 to 14 years (FsCheck).</summary>
public class PropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(150);

    /// <summary>10 to 14 years of numbers for <see cref="HistorySimulator"/>.</summary>
    internal static Arbitrary<int[]> Careers() =>
        Gen.Choose(10, 14)
            .SelectMany(years => Gen.ArrayOf(Gen.Choose(0, 9999), years * HistorySimulator.NumbersPerYear))
            .ToArbitrary();

    [Fact]
    public void CountedYears_NeverExceedElapsedYears()
    {
        Check.One(Runs, Prop.ForAll(Careers(), numbers =>
        {
            var simulator = new HistorySimulator(numbers);
            var employee = simulator.Run();
            for (var asOf = employee.AppointedOn; asOf <= employee.AppointedOn.AddYears(simulator.Years + 1); asOf = asOf.AddMonths(5))
            {
                var tenure = employee.TenureOn(asOf);
                var sinceAppointment = (asOf.DayNumber - employee.AppointedOn.DayNumber) / 365.25;
                var sinceGrade = (asOf.DayNumber - tenure.GradeSince.DayNumber) / 365.25;
                Assert.True(tenure.CountedYears <= sinceGrade && sinceGrade <= sinceAppointment,
                    $"{tenure.CountedYears} counted years on {asOf:yyyy-MM-dd}, {sinceGrade:F2} years at the grade since {tenure.GradeSince:yyyy-MM-dd}");
                Assert.DoesNotContain(tenure.YearsNotCounted, y => y.Year > asOf.Year);
            }
        }));
    }

    [Fact]
    public void ADemotion_IsNeverLostAtTheFloor()
    {
        Check.One(Runs, Prop.ForAll(Careers(), numbers =>
        {
            var employee = new HistorySimulator(numbers).Run();
            var outcomes = new Dictionary<int, AnnualOutcome>();
            var history = employee.History;
            for (var i = 0; i < history.Count; i++)
            {
                switch (history[i])
                {
                    case AnnualGradeRecorded recorded:
                        var due = recorded.Outcome == AnnualOutcome.Incompetent
                            || (recorded.Outcome == AnnualOutcome.BasicallyCompetent && outcomes.GetValueOrDefault(recorded.Year - 1, AnnualOutcome.Competent) == AnnualOutcome.BasicallyCompetent && outcomes.ContainsKey(recorded.Year - 1));
                        var batch = history.Skip(i + 1).TakeWhile(e => e is not AnnualGradeRecorded && e.OccurredOn == recorded.OccurredOn).ToList();
                        var demotions = batch.Count(e => e is Demoted d && d.Year == recorded.Year) + batch.Count(e => e is DemotionFloorReached f && f.Year == recorded.Year);
                        Assert.Equal(due ? 1 : 0, demotions);
                        outcomes[recorded.Year] = recorded.Outcome;
                        break;
                    case Demoted demoted:
                        Assert.Equal(demoted.From.Level + 1, demoted.To.Level);
                        Assert.True(demoted.From.Level < PostGrade.LowestLevel);
                        break;
                    case DemotionFloorReached floor:
                        Assert.Equal(PostGrade.LowestLevel, floor.Grade.Level);
                        break;
                    case AppealResolved { RevisedGrade: { } revised } appeal:
                        outcomes[appeal.Year] = ((AnnualGrade?)revised).ToOutcome();
                        break;
                }
            }
        }));
    }

    [Fact]
    public void TheStateMachine_NeverReachesAStateItDoesNotAllow()
    {
        Check.One(Runs, Prop.ForAll(Careers(), numbers =>
        {
            // Half the careers are lived under the ranking-based yangshahu-2020, whose removals also end contracts.
            var simulator = new HistorySimulator(numbers);
            var yangshahu = numbers[7] % 2 == 0 ? Personnel.Domain.Profiles.PolicyProfiles.Load("yangshahu-2020") : null;
            var employee = simulator.Run(yangshahu?.Grading, yangshahu?.Consequences.Ranking);

            Assert.All(simulator.StatesSeen, s => Assert.False(ContractLifecycle.IsAbstract(s), $"{s} is a superstate"));
            var state = ContractState.NotAppointed;
            foreach (var @event in employee.History)
            {
                var next = Employee.FromHistory(employee.History.TakeWhile(e => !ReferenceEquals(e, @event)).Append(@event)).State;
                Assert.True(next == state || Leads(state, next),
                    $"{state} → {next} on {@event.GetType().Name} is not a transition of the machine");
                state = next;
            }

            Assert.Equal(employee.State, state);
            Assert.Equal(employee.State, Employee.FromHistory(employee.History).State);
        }));
    }

    /// <summary>True when a transition of <paramref name="from"/> (its own or a superstate's) leads to <paramref name="to"/>.</summary>
    private static bool Leads(ContractState from, ContractState to) =>
        ContractLifecycle.Info.States
            .Where(s => ContractLifecycle.IsInState(from, (ContractState)s.UnderlyingState))
            .SelectMany(s => s.FixedTransitions)
            .Any(t => !t.IsInternalTransition && (ContractState)t.DestinationState.UnderlyingState == to);

    [Fact]
    public void GoodAndExcellentQuotas_AreNeverExceeded()
    {
        var departments = Gen.Choose(3, 16).SelectMany(size =>
            Gen.Choose(10, 12).SelectMany(years =>
                Gen.ArrayOf(Gen.Choose(0, 99), size * years * 6).Select(n => (Size: size, Years: years, Numbers: n))));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(departments.ToArbitrary(), plan =>
        {
            var policy = new GradingPolicy();
            var staff = Enumerable.Range(0, plan.Size).Select(i => Employee.Appoint(
                new DateOnly(2015, 1, 1), new AppointmentRequest(
                    new EmployeeId($"e{i}"), Hr.Planning, new PostLevel(i == 0 ? Post.DepartmentHead : Post.Staff, new PostGrade(5, 1)),
                    i % 4 == 3 ? AppointmentMethod.OpenRecruitment : AppointmentMethod.Competition,
                    i % 4 == 3 ? ProbationKind.FirstJob : ProbationKind.None, new DateOnly(2060, 1, 1),
                    AdministrativeRank.Other, new DateOnly(2014, 1, 1), Education.Bachelor), policy)).ToList();
            var stream = new List<QuotaEvent>();
            var k = 0;
            for (var year = 2015; year < 2015 + plan.Years; year++)
            {
                foreach (var employee in staff.Where(e => e.ProbationEnd is { } end && end.Year == year))
                {
                    employee.PassProbation(employee.ProbationEnd!.Value);
                }

                foreach (var quarter in Quarter.OfYear(year))
                {
                    var eligible = staff.Count(e => e.NoGradeReasonFor(quarter.Period, quarter.LastDay, false) is null);
                    foreach (var employee in staff)
                    {
                        var wanted = plan.Numbers[k++ % plan.Numbers.Length] % 4;
                        TryGradeQuarter(employee, quarter, (QuarterlyGrade)wanted, eligible, stream, policy);
                    }

                    var goods = staff.Count(e => e.QuarterlyGrades.TryGetValue(quarter, out var g) && g.Grade == QuarterlyGrade.Good);
                    Assert.True(goods <= QuotaMath.GoodCap(eligible, policy), $"{goods} Good in {quarter} of {eligible} eligible");
                }

                var tier = (DepartmentTier)(1 + (plan.Numbers[k++ % plan.Numbers.Length] % 4));
                var facts = new DepartmentYearFacts(Hr.Planning, year, tier,
                    staff.Count(e => e.NoGradeReasonFor(DatePeriod.OfYear(year), new DateOnly(year, 12, 20), true) is null));
                foreach (var employee in staff)
                {
                    var excellent = plan.Numbers[k++ % plan.Numbers.Length] % 3 == 0;
                    TryGradeYear(employee, year, excellent, facts, stream, policy);
                }

                var excellents = staff.Count(e => e.AnnualGrades.TryGetValue(year, out var g) && g.Grade == AnnualGrade.Excellent);
                Assert.True(excellents <= QuotaMath.ExcellentCap(tier, facts.Eligible, policy), $"{excellents} Excellent in {year}, tier {tier}");
                Assert.False(tier >= DepartmentTier.Tier3 && staff[0].AnnualGrades[year].Grade == AnnualGrade.Excellent);
            }
        }));
    }

    /// <summary>The grain's transaction: the ledger's grant and the employee's grade are committed together or not at all.</summary>
    private static void TryGradeQuarter(Employee employee, Quarter quarter, QuarterlyGrade wanted, int eligible, List<QuotaEvent> stream, GradingPolicy policy)
    {
        var grade = employee.NoGradeReasonFor(quarter.Period, quarter.LastDay, false) is null ? wanted : (QuarterlyGrade?)null;
        try
        {
            var ledger = GoodQuotaLedger.FromHistory(Hr.Planning, quarter, stream);
            var grant = grade == QuarterlyGrade.Good ? ledger.Grant(quarter.LastDay, employee.Id, eligible, policy) : null;
            employee.RecordQuarterlyGrade(quarter.LastDay, quarter, grade, Hr.Planning, grant);
            stream.AddRange(ledger.UncommittedEvents);
        }
        catch (RuleViolationException)
        {
            employee.RecordQuarterlyGrade(quarter.LastDay, quarter, grade == QuarterlyGrade.Good ? QuarterlyGrade.FairlyGood : grade, Hr.Planning);
        }
    }

    private static void TryGradeYear(Employee employee, int year, bool excellent, DepartmentYearFacts facts, List<QuotaEvent> stream, GradingPolicy policy)
    {
        var on = new DateOnly(year, 12, 20);
        if (employee.NoGradeReasonFor(DatePeriod.OfYear(year), on, true) is not null)
        {
            employee.RecordAnnualGrade(on, year, null, AnnualAssessment.None, facts);
            return;
        }

        if (excellent)
        {
            try
            {
                employee.ProposeExcellent(new DateOnly(year, 12, 1), year);
                var ledger = ExcellentQuotaLedger.FromHistory(Hr.Planning, year, stream);
                var grant = ledger.Grant(on, employee.Id, facts, policy);
                employee.RecordAnnualGrade(on, year, AnnualGrade.Excellent, AnnualAssessment.None, facts, grant);
                stream.AddRange(ledger.UncommittedEvents);
                return;
            }
            catch (RuleViolationException)
            {
                // Refused (no Good quarter, quota full, leadership bar…): graded below Excellent instead.
            }
        }

        var weak = employee.QuarterlyGrades.Values.Count(q => q.Quarter.Year == year && q.Grade is QuarterlyGrade.Average or QuarterlyGrade.Poor);
        var graded = employee.QuarterlyGrades.Values.Count(q => q.Quarter.Year == year && q.Grade is not null);
        employee.RecordAnnualGrade(on, year, weak * 2 > graded ? AnnualGrade.BasicallyCompetent : AnnualGrade.Competent, AnnualAssessment.None, facts);
    }
}
