using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Tests.Employees;

/// <summary>Builders for the tests: an HR office that appoints and grades, with the department side (ledgers) faked in memory.</summary>
internal static class Hr
{
    public static readonly DepartmentId Planning = new("planning");
    public static readonly DepartmentId Finance = new("finance");
    public static readonly EmployeeId Zhang = new("zhang-san");

    public static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    public static PostLevel Level(Post post, int level, int step = 1) => new(post, new PostGrade(level, step));

    public static AppointmentRequest Request(
        Post post = Post.Staff, int level = 6, int step = 3,
        AppointmentMethod method = AppointmentMethod.Competition,
        ProbationKind probation = ProbationKind.None,
        string retirement = "2050-06-30",
        bool firstCompetition = false,
        int? probationMonths = null,
        DepartmentId? department = null,
        EmployeeId? id = null) =>
        new(id ?? Zhang, department ?? Planning, Level(post, level, step), method, probation, D(retirement),
            AdministrativeRank.FirstGradeStaff, D("2015-01-01"), Education.Bachelor, firstCompetition, probationMonths);

    public static Employee Appointed(string on = "2020-01-01", Post post = Post.Staff, int level = 6, GradingPolicy? policy = null, string retirement = "2050-06-30")
    {
        var employee = Employee.Appoint(D(on), Request(post, level, retirement: retirement), policy);
        employee.MarkCommitted();
        return employee;
    }

    /// <summary>Grades a quarter on its last day; a Good gets a grant from a ledger of <paramref name="eligible"/> people.</summary>
    public static void Quarter(Employee employee, int year, int number, QuarterlyGrade? grade, int eligible = 10)
    {
        var quarter = new Quarter(year, number);
        GoodQuotaGranted? grant = null;
        if (grade == QuarterlyGrade.Good)
        {
            var ledger = GoodQuotaLedger.FromHistory(employee.AssessingUnitOn(quarter.LastDay), quarter, []);
            grant = ledger.Grant(quarter.LastDay, employee.Id, eligible, employee.Policy);
        }

        employee.RecordQuarterlyGrade(quarter.LastDay, quarter, grade, employee.AssessingUnitOn(quarter.LastDay), grant);
    }

    /// <summary>Grades four quarters of a year.</summary>
    public static void Quarters(Employee employee, int year, params QuarterlyGrade?[] grades)
    {
        for (var i = 0; i < grades.Length; i++)
        {
            Quarter(employee, year, i + 1, grades[i]);
        }
    }

    public static DepartmentYearFacts Facts(Employee employee, int year, DepartmentTier tier = DepartmentTier.Tier1, int eligible = 20) =>
        new(employee.AssessingUnitOn(new DateOnly(year, 12, 31)), year, tier, eligible);

    /// <summary>
    /// Grades a year on 20 December (a Friday in most years is not needed: the notice counts working days).
    /// Excellent goes through the notice (proposed on 1 December) and the tier quota.
    /// </summary>
    public static void Year(Employee employee, int year, AnnualGrade? grade, DepartmentTier tier = DepartmentTier.Tier1, AnnualAssessment? assessment = null, string? on = null)
    {
        var date = on is null ? new DateOnly(year, 12, 20) : D(on);
        var facts = Facts(employee, year, tier);
        ExcellentQuotaGranted? grant = null;
        if (grade == AnnualGrade.Excellent)
        {
            employee.ProposeExcellent(new DateOnly(year, 12, 1), year);
            grant = ExcellentQuotaLedger.FromHistory(facts.DepartmentId, year, []).Grant(date, employee.Id, facts, employee.Policy);
        }

        employee.RecordAnnualGrade(date, year, grade, assessment ?? AnnualAssessment.None, facts, grant);
    }

    /// <summary>A good year: a Good first quarter and FairlyGood after, then the annual grade.</summary>
    public static void GoodYear(Employee employee, int year, AnnualGrade grade, DepartmentTier tier = DepartmentTier.Tier1)
    {
        Quarters(employee, year, QuarterlyGrade.Good, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        Year(employee, year, grade, tier);
    }

    /// <summary>Asserts that <paramref name="act"/> is refused by <paramref name="rule"/> and changes nothing.</summary>
    public static RuleViolationException Refused(Employee employee, Rule rule, Action act, ViolationKind kind = ViolationKind.FailedPrecondition)
    {
        var version = employee.Version;
        var uncommitted = employee.UncommittedEvents.Count;
        var state = employee.State;
        var level = employee.PostLevel;
        var error = Assert.Throws<RuleViolationException>(act);
        Assert.Equal(rule, error.Rule);
        Assert.Equal(kind, error.Kind);
        Assert.Contains(rule.Article, error.Message, StringComparison.Ordinal);
        Assert.Equal(version, employee.Version);
        Assert.Equal(uncommitted, employee.UncommittedEvents.Count);
        Assert.Equal(state, employee.State);
        Assert.Equal(level, employee.PostLevel);
        return error;
    }

    public static IReadOnlyList<Type> NewEventTypes(Employee employee) => employee.UncommittedEvents.Select(e => e.GetType()).ToList();
}
