using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

/// <summary>Rules the coverage audit (docs/rules-coverage.md) found without a test of their own.</summary>
public class RulesAuditTests
{
    private static readonly GradingPolicy ByPayStep = new() { DemotionUnit = DemotionUnit.PayStep };

    [Theory]
    [InlineData(DemotionUnit.GradeLevel, 6, 3, 7, 3)]
    [InlineData(DemotionUnit.PayStep, 6, 3, 6, 2)]
    [InlineData(DemotionUnit.PayStep, 6, 1, 7, 19)]
    public void RULES1_Interpretation_DemotionIsOneGradeLevelByDefault_OrOnePayStepWhenConfigured(
        DemotionUnit unit, int level, int step, int toLevel, int toStep)
    {
        Assert.Equal(DemotionUnit.GradeLevel, new GradingPolicy().DemotionUnit);
        var employee = Employee.Appoint(D("2020-01-01"), Request(level: level, step: step), new GradingPolicy { DemotionUnit = unit });

        Year(employee, 2021, AnnualGrade.Incompetent);

        var demoted = employee.History.OfType<Demoted>().Single();
        Assert.Equal((new PostGrade(level, step), new PostGrade(toLevel, toStep)), (demoted.From, demoted.To));
        Assert.Equal(new PostGrade(toLevel, toStep), employee.PostLevel.Grade);
    }

    [Fact]
    public void RULES1_Interpretation_PayStep_TheFloorIsTheLastStepOfLevelEight_AndIsRecordedNotDropped()
    {
        var employee = Employee.Appoint(D("2020-01-01"), Request(level: 8, step: 1), ByPayStep);

        Year(employee, 2021, AnnualGrade.Incompetent);

        Assert.Empty(employee.History.OfType<Demoted>());
        Assert.Equal(new PostGrade(8, 1), employee.History.OfType<DemotionFloorReached>().Single().Grade);
    }

    [Fact]
    public void RULES1_Interpretation_PayStep_AnAppealRestoresTheStep()
    {
        var employee = Employee.Appoint(D("2020-01-01"), Request(level: 6, step: 1), ByPayStep);
        Year(employee, 2021, AnnualGrade.Incompetent);
        Assert.Equal(new PostGrade(7, 19), employee.PostLevel.Grade);
        employee.AppealAnnualGrade(D("2022-01-05"), 2021);

        employee.ResolveAppeal(D("2022-02-10"), 2021, AppealOutcome.Revised, AnnualGrade.Competent);

        Assert.Equal(new PostGrade(6, 1), employee.PostLevel.Grade);
        Assert.Equal((new PostGrade(7, 19), new PostGrade(6, 1)),
            (employee.History.OfType<DemotionReversed>().Single().From, employee.History.OfType<DemotionReversed>().Single().To));
    }

    [Theory]
    [InlineData(LeaveKind.WorkInjury)]
    [InlineData(LeaveKind.Maternity)]
    public void AS25_WorkInjuryOrMaternityLeaveOverHalfTheYear_IsStillGraded(LeaveKind kind)
    {
        // 2021-01-01..2021-07-05 is 186 days of 365, over half; sick leave that long takes the grade (AS25_LeaveOverHalfTheYear_NoGrade).
        var employee = Appointed();
        employee.RecordLeave(D("2021-01-01"), kind, new DatePeriod(D("2021-01-01"), D("2021-07-05")));

        Refused(employee, Rules.GradeRequired, () => Year(employee, 2021, null));
        Year(employee, 2021, AnnualGrade.Competent);

        Assert.Equal(AnnualGrade.Competent, employee.AnnualGrades[2021].Grade);
    }

    [Fact]
    public void AS25_SickLeaveOfExactlyHalfThePeriod_IsNotOverHalf_OneDayMoreIs()
    {
        // 2021 Q1 has 90 days: 45 days of sick leave are half, not over half → graded; 46 → no grade.
        // 2020 has 366 days: 183 are half → graded.
        var half = Appointed();
        var over = Appointed();
        half.RecordLeave(D("2021-01-01"), LeaveKind.Sick, new DatePeriod(D("2021-01-01"), D("2021-02-14")));
        over.RecordLeave(D("2021-01-01"), LeaveKind.Sick, new DatePeriod(D("2021-01-01"), D("2021-02-15")));
        var year = Appointed();
        year.RecordLeave(D("2020-01-01"), LeaveKind.Personal, new DatePeriod(D("2020-01-01"), D("2020-07-01")));

        Quarter(half, 2021, 1, QuarterlyGrade.FairlyGood);
        Refused(over, Rules.LeaveOverHalf, () => Quarter(over, 2021, 1, QuarterlyGrade.FairlyGood));
        Year(year, 2020, AnnualGrade.Competent);

        Assert.Equal(QuarterlyGrade.FairlyGood, half.QuarterlyGrades[new Quarter(2021, 1)].Grade);
        Assert.Equal(AnnualGrade.Competent, year.AnnualGrades[2020].Grade);
    }
}
