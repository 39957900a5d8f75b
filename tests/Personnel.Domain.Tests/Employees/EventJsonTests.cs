using System.Reflection;
using System.Text.Json.Serialization;
using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

public class EventJsonTests
{
    private static readonly DateOnly On = D("2024-12-20");
    private static readonly PostLevel Head = Level(Post.DepartmentHead, 2, 7);
    private static readonly PostLevel Staff = Level(Post.Staff, 6, 3);

    public static IEnumerable<EmployeeEvent> OneOfEach() =>
    [
        new EmployeeAppointed(On, Zhang, Planning, Staff, AppointmentMethod.OpenRecruitment, ProbationKind.FirstJob, D("2025-12-19"),
            On, D("2027-12-19"), D("2050-06-30"), false, AdministrativeRank.DeputySection, D("2019-03-01"), Education.Postgraduate),
        new ProbationPassed(On),
        new ProbationFailed(On, "not suited"),
        new PromotedOnTrial(On, Head, Staff, D("2025-12-19")),
        new TrialPassed(On),
        new TrialFailed(On, Staff, "not competent"),
        new PostChanged(On, Staff, "step"),
        new Rotated(On, Finance, Head),
        new RenewalOpened(On, D("2024-12-31")),
        new ContractRenewed(On, 2, D("2025-01-01"), D("2027-12-31")),
        new RenewalDeclined(On, D("2024-12-31"), "post abolished"),
        new EmployeeResigned(On),
        new TransferredOut(On, "city bureau"),
        new EmployeeRetired(On),
        new EmployeeDismissed(On, DismissalCause.AbsenceWithoutLeave, "absent"),
        new ContractTerminated(On, 2024, "two Incompetent years"),
        new EmployeeReinstated(On, 2024),
        new LeadershipAdjustmentOrdered(On, Planning, 2024),
        new HeadLeadershipAdjustmentRescinded(On, Planning, 2024),
        new PostAdjustmentDue(On, "AM-16", "ill"),
        new PostAdjustmentDue(On, "AS-20", "BasicallyCompetent in 2023 and 2024", 2024),
        new QualificationsRecorded(On, AdministrativeRank.SectionChief, D("2024-07-01"), Education.Postgraduate),
        new SanctionRecorded(On, SanctionKind.MajorDemerit, SanctionAuthority.Party, new DatePeriod(On, D("2026-06-19")), "breach"),
        new InvestigationOpened(On, "case 12"),
        new InvestigationClosed(On, InvestigationOutcome.Warning),
        new LeaveRecorded(On, LeaveKind.Maternity, new DatePeriod(On, D("2025-05-01"))),
        new AbsenceRecorded(On, AbsenceKind.FalseSickLeave, new DatePeriod(On, On)),
        new OvertimeRecorded(On, D("2024-12-14"), 9.5m),
        new LatenessRecorded(On, D("2024-12-16"), LatenessKind.EarlyLeave),
        new HealthIncapacityRecorded(On, new DatePeriod(On, D("2025-01-31"))),
        new SecondmentRecorded(On, Finance, new DatePeriod(On, D("2025-06-30"))),
        new QuarterlyGradeRecorded(On, new Quarter(2024, 4), Planning, QuarterlyGrade.Good, null),
        new QuarterlyGradeCorrected(On, new Quarter(2024, 4), Planning, QuarterlyGrade.Good, QuarterlyGrade.Average, "wrong rubric"),
        new QuarterlyFollowUpDue(On, new Quarter(2024, 4), QuarterlyFollowUp.TalkAndRectification),
        new ExcellentProposed(On, 2024, D("2024-12-27")),
        new AnnualGradeRecorded(On, 2024, Planning, null, NoGradeReason.LeaveOverHalf),
        new AnnualGradeCorrected(On, 2024, Planning, AnnualGrade.Incompetent, AnnualGrade.Competent, "another person's sheet"),
        new AnnualConsequenceWithdrawn(On, 2024, Consequence.PromotionFreeze),
        new CommendationAwarded(On, 2024),
        new MeritAwarded(On, 2024, MeritClass.ThirdClass, 3),
        new Admonished(On, 2024),
        new PromotionFrozen(On, 2024, D("2025-12-20")),
        new YearNotCounted(On, 2024, AnnualOutcome.NoGrade),
        new Demoted(On, 2024, new PostGrade(3, 4), new PostGrade(4, 4), "Incompetent"),
        new DemotionFloorReached(On, 2024, new PostGrade(8, 4), "floor"),
        new AnnualGradeAppealed(On, 2024),
        new AppealResolved(On, 2024, AppealOutcome.Revised, AnnualGrade.Competent),
        new DemotionReversed(On, 2024, new PostGrade(4, 4), new PostGrade(3, 4)),
        new RankingPlaceRecorded(On, 2024, 9, 10, 2),
        new RankingWarningIssued(On, 2024, 2),
        new RemovedForRanking(On, 2024, "last two years"),
        new AnnualFeedbackSigned(On, 2024),
        new EligibilityWaived(On, Post.DepartmentHead, "工委", "表现特别优秀", [EligibilityCondition.RankAndTenure, EligibilityCondition.Education], "facts"),
    ];

    [Fact]
    public void EveryEventType_HasAnExampleHere()
    {
        var declared = typeof(EmployeeEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToHashSet();
        var concrete = typeof(EmployeeEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(EmployeeEvent)) && !t.IsAbstract).ToHashSet();

        Assert.Equal(concrete.OrderBy(t => t.Name), declared.OrderBy(t => t.Name));
        Assert.Equal(declared.OrderBy(t => t.Name), OneOfEach().Select(e => e.GetType()).Distinct().OrderBy(t => t.Name));
    }

    [Fact]
    public void EveryEventType_RoundTripsThroughJsonWithAStableDiscriminator()
    {
        var discriminators = typeof(EmployeeEvent).GetCustomAttributes<JsonDerivedTypeAttribute>()
            .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);
        foreach (var @event in OneOfEach())
        {
            var json = EventJson.Serialize<EmployeeEvent>(@event);

            var back = EventJson.Deserialize<EmployeeEvent>(json);

            Assert.Equal(@event, back);
            Assert.StartsWith($"{{\"type\":\"{discriminators[@event.GetType()]}\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_UsesNamesForEnumsAndPlainStringsForIds()
    {
        var json = EventJson.Serialize<EmployeeEvent>(new QuarterlyGradeRecorded(On, new Quarter(2024, 4), Planning, QuarterlyGrade.FairlyGood, null));

        Assert.Equal(
            "{\"type\":\"quarterly-grade-recorded\",\"quarter\":\"2024Q4\",\"gradedBy\":\"planning\",\"grade\":\"FairlyGood\",\"noGradeReason\":null,\"occurredOn\":\"2024-12-20\"}",
            json);
    }

    [Fact]
    public void Json_ACorruptPostGrade_FailsLoudly()
    {
        var json = EventJson.Serialize<EmployeeEvent>(new Demoted(On, 2024, new PostGrade(3, 4), new PostGrade(4, 4), "x"))
            .Replace("\"level\":4", "\"level\":9", StringComparison.Ordinal);

        Assert.Throws<RuleViolationException>(() => EventJson.Deserialize<EmployeeEvent>(json));
    }

    [Fact]
    public void Json_APostGrade_ReadsItsMembersInAnyOrder_AndRefusesOneWithoutBoth()
    {
        var json = EventJson.Serialize<EmployeeEvent>(new Demoted(On, 2024, new PostGrade(3, 4), new PostGrade(4, 4), "x"));
        var reordered = json.Replace("{\"level\":4,\"step\":4}", "{\"step\":4,\"note\":[1,{\"a\":2}],\"level\":4}", StringComparison.Ordinal);
        var stepless = json.Replace("{\"level\":4,\"step\":4}", "{\"level\":4}", StringComparison.Ordinal);

        Assert.NotEqual(json, reordered);
        Assert.Equal(new PostGrade(4, 4), Assert.IsType<Demoted>(EventJson.Deserialize<EmployeeEvent>(reordered)).To);
        Assert.Contains("both", Assert.Throws<System.Text.Json.JsonException>(() => EventJson.Deserialize<EmployeeEvent>(stepless)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotaEvents_RoundTripThroughJson()
    {
        QuotaEvent[] events =
        [
            new GoodQuotaGranted(On, Planning, new Quarter(2024, 4), Zhang, 12, 4, 2),
            new ExcellentQuotaGranted(On, Planning, 2024, DepartmentTier.Tier3, Zhang, 12, 1, 1),
        ];
        foreach (var @event in events)
        {
            Assert.Equal(@event, EventJson.Deserialize<QuotaEvent>(EventJson.Serialize(@event)));
        }
    }

    [Fact]
    public void AHistoryRoundTrippedThroughJson_RebuildsTheSameEmployee()
    {
        var employee = Appointed("2020-01-01");
        GoodYear(employee, 2020, AnnualGrade.Excellent);
        var stored = employee.History.Select(e => EventJson.Serialize(e)).ToList();

        var rebuilt = Employee.FromHistory(stored.Select(EventJson.Deserialize<EmployeeEvent>));

        Assert.Equal(employee.History, rebuilt.History);
        Assert.Equal(employee.TenureOn(D("2021-01-01")), rebuilt.TenureOn(D("2021-01-01")), new TenureComparer());
    }

    private sealed class TenureComparer : IEqualityComparer<Tenure>
    {
        public bool Equals(Tenure? x, Tenure? y) =>
            x is not null && y is not null
            && x with { YearsNotCounted = [], RotationSchedule = [], CareerYearsNotCounted = [] } == y with { YearsNotCounted = [], RotationSchedule = [], CareerYearsNotCounted = [] }
            && x.YearsNotCounted.SequenceEqual(y.YearsNotCounted) && x.RotationSchedule.SequenceEqual(y.RotationSchedule)
            && x.CareerYearsNotCounted.SequenceEqual(y.CareerYearsNotCounted);

        public int GetHashCode(Tenure obj) => obj.AsOf.GetHashCode();
    }
}
