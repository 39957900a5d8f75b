using FsCheck;
using FsCheck.Fluent;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

/// <summary>
/// A correction leaves no consequence behind and misses none: over every pair of earlier years, every grade corrected to
/// every other and post grades down to the floor (FsCheck), correcting a grade on the day it was recorded leaves the person
/// exactly where recording the right grade would have, and correcting it back restores the start.
/// </summary>
public class AnnualGradeCorrectionProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);
    private static readonly AnnualGrade[] Grades = Enum.GetValues<AnnualGrade>();
    private static readonly DateOnly Decided = D("2021-12-20");

    private static Arbitrary<(AnnualGrade First, AnnualGrade Second, AnnualGrade From, AnnualGrade To, int Level)> Cases() =>
        (from first in Gen.Elements(Grades)
         from second in Gen.Elements(Grades)
         from grade in Gen.Elements(Grades)
         from to in Gen.Elements(Grades.Where(g => g != grade).ToArray())
         from level in Gen.Choose(6, 8)
         select (first, second, grade, to, level)).ToArbitrary();

    [Fact]
    public void AS19_AS22_a_correction_ends_where_recording_the_right_grade_would_have()
    {
        Check.One(Runs, Prop.ForAll(Cases(), c =>
        {
            var corrected = Career(c.First, c.Second, c.Level);
            Record(corrected, c.From);
            Correct(corrected, c.To);
            var right = Career(c.First, c.Second, c.Level);
            Record(right, c.To);

            Assert.Equal(Standing(right), Standing(corrected));
            Assert.Equal(Standing(corrected), Standing(Employee.FromHistory(corrected.History)));
        }));
    }

    [Fact]
    public void AS19_AS22_a_correction_corrected_back_restores_the_start()
    {
        Check.One(Runs, Prop.ForAll(Cases(), c =>
        {
            var employee = Career(c.First, c.Second, c.Level);
            Record(employee, c.From);
            var start = Standing(employee);

            Correct(employee, c.To);
            Correct(employee, c.From);

            Assert.Equal(start, Standing(employee));
        }));
    }

    /// <summary>Graded 2019 and 2020 (never terminated before 2021), four quarters of 2021 with a Good, and the notice of an
    /// Excellent for 2021, so that any grade of 2021 may be recorded or corrected to.</summary>
    private static Employee Career(AnnualGrade first, AnnualGrade second, int level)
    {
        var employee = Appointed("2019-01-01", Post.Staff, level);
        GoodYear(employee, 2019, first == AnnualGrade.Incompetent && second == AnnualGrade.Incompetent ? AnnualGrade.Competent : first);
        GoodYear(employee, 2020, second);
        Quarters(employee, 2021, QuarterlyGrade.Good, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);
        employee.ProposeExcellent(D("2021-12-01"), 2021);
        return employee;
    }

    private static void Record(Employee employee, AnnualGrade grade) =>
        employee.RecordAnnualGrade(Decided, 2021, grade, AnnualAssessment.None, Facts(employee, 2021), Grant(employee, grade));

    private static void Correct(Employee employee, AnnualGrade grade) =>
        employee.CorrectAnnualGrade(Decided, 2021, grade, "keyed against the wrong name", Facts(employee, 2021), Grant(employee, grade));

    private static ExcellentQuotaGranted? Grant(Employee employee, AnnualGrade grade) =>
        grade == AnnualGrade.Excellent
            ? ExcellentQuotaLedger.FromHistory(Planning, 2021, []).Grant(Decided, employee.Id, Facts(employee, 2021), employee.Policy)
            : null;

    /// <summary>What the consequences leave behind: contract, post level and since-dates, freeze, merits, the consequences in
    /// effect by kind and year (demotions are in the post level), post adjustments, counted and uncounted years.</summary>
    private static string Standing(Employee e)
    {
        var tenure = e.TenureOn(D("2023-01-05"));
        var consequences = e.ConsequenceHistory.Where(c => c is not (Demoted or DemotionReversed))
            .Select(c => $"{c.GetType().Name}:{c.GetType().GetProperty("Year")?.GetValue(c)}").Order();
        return string.Join(" | ",
            e.State, e.SeparatedOn, e.PostLevel, e.GradeSince, e.PromotionFrozenUntil, e.AnnualGrades[2021].Grade,
            string.Join(",", e.Merits.Select(m => $"{m.Year}:{m.Class}")), string.Join(",", consequences),
            string.Join(",", e.PostAdjustments.Select(p => p.RuleCode)),
            tenure.CountedYears, string.Join(",", tenure.CareerYearsNotCounted.Select(y => $"{y.Year}:{y.Outcome}")));
    }
}
