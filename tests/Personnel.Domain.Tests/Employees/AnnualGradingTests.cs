using Personnel.Domain.Common;
using Personnel.Domain.Departments;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

public class AnnualGradingTests
{
    [Fact]
    public void AS13_ExcellentWithoutAQuarterlyGood_IsRefused()
    {
        var employee = Appointed();
        Quarters(employee, 2021, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);

        Refused(employee, Rules.ExcellentNeedsGood, () => employee.ProposeExcellent(D("2021-12-01"), 2021));
    }

    [Fact]
    public void AS13_MoreThanHalfAverageOrPoor_ForcesBasicallyCompetentOrIncompetent()
    {
        var employee = Appointed();
        Quarters(employee, 2021, QuarterlyGrade.Average, QuarterlyGrade.Poor, QuarterlyGrade.Average, QuarterlyGrade.FairlyGood);

        var error = Refused(employee, Rules.AveragePoorMajority, () => Year(employee, 2021, AnnualGrade.Competent));
        Assert.Contains("3 Average/Poor quarters of 4", error.Message, StringComparison.Ordinal);
        Year(employee, 2021, AnnualGrade.BasicallyCompetent);
    }

    [Fact]
    public void AS13_ExactlyHalfAverageOrPoor_AllowsCompetent()
    {
        var employee = Appointed();
        Quarters(employee, 2021, QuarterlyGrade.Average, QuarterlyGrade.Poor, QuarterlyGrade.FairlyGood, QuarterlyGrade.FairlyGood);

        Year(employee, 2021, AnnualGrade.Competent);

        Assert.Equal(AnnualGrade.Competent, employee.AnnualGrades[2021].Grade);
    }

    [Fact]
    public void AS13_Interpretation_GradedQuarters_TwoAverageOfTwoGradedForceBasicallyCompetent()
    {
        var employee = Appointed("2021-07-01");
        Quarter(employee, 2021, 3, QuarterlyGrade.Average);
        Quarter(employee, 2021, 4, QuarterlyGrade.Average);

        Refused(employee, Rules.AveragePoorMajority, () => Year(employee, 2021, AnnualGrade.Competent));
    }

    [Fact]
    public void AS13_Interpretation_FourQuarters_TwoAverageOfFourAllowCompetent()
    {
        var employee = Appointed("2021-07-01", policy: new GradingPolicy { AveragePoorMajorityBase = QuarterMajorityBase.FourQuarters });
        Quarter(employee, 2021, 3, QuarterlyGrade.Average);
        Quarter(employee, 2021, 4, QuarterlyGrade.Average);

        Year(employee, 2021, AnnualGrade.Competent);

        Assert.Equal(AnnualGrade.Competent, employee.AnnualGrades[2021].Grade);
    }

    [Fact]
    public void AS12_ExcellentWithoutAQuotaGrant_IsRefused()
    {
        var employee = Appointed();
        Quarters(employee, 2021, QuarterlyGrade.Good);
        employee.ProposeExcellent(D("2021-12-01"), 2021);

        Refused(employee, Rules.ExcellentQuota,
            () => employee.RecordAnnualGrade(D("2021-12-20"), 2021, AnnualGrade.Excellent, AnnualAssessment.None, Facts(employee, 2021)));
    }

    [Theory]
    [InlineData(DepartmentTier.Tier3)]
    [InlineData(DepartmentTier.Tier4)]
    public void AS12_LeadershipOfATierThreeOrFourDepartment_CannotBeExcellent(DepartmentTier tier)
    {
        var employee = Appointed("2020-01-01", Post.DeputyHead, level: 3);
        Quarters(employee, 2021, QuarterlyGrade.Good);
        employee.ProposeExcellent(D("2021-12-01"), 2021);
        var facts = Facts(employee, 2021, tier);
        var grant = ExcellentQuotaLedger.FromHistory(Planning, 2021, []).Grant(D("2021-12-20"), employee.Id, facts, employee.Policy);

        var error = Refused(employee, Rules.LeadershipExcellentBar,
            () => employee.RecordAnnualGrade(D("2021-12-20"), 2021, AnnualGrade.Excellent, AnnualAssessment.None, facts, grant));
        Assert.Contains($"a tier {(int)tier} department", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AS12_LeadershipOfATierTwoDepartment_MayBeExcellent()
    {
        var employee = Appointed("2020-01-01", Post.DepartmentHead, level: 2);

        GoodYear(employee, 2021, AnnualGrade.Excellent, DepartmentTier.Tier2);

        Assert.Equal(AnnualGrade.Excellent, employee.AnnualGrades[2021].Grade);
    }

    [Fact]
    public void AS12_StaffOfATierThreeDepartment_MayBeExcellent()
    {
        var employee = Appointed();

        GoodYear(employee, 2021, AnnualGrade.Excellent, DepartmentTier.Tier3);

        Assert.Equal(AnnualGrade.Excellent, employee.AnnualGrades[2021].Grade);
    }

    [Fact]
    public void AS9_ExcellentBeforeFiveWorkingDaysOfNotice_IsRefused()
    {
        // Notice from Monday 2021-12-06: Mon–Fri are 5 working days, so Friday is too early, Saturday is not.
        var employee = Appointed();
        Quarters(employee, 2021, QuarterlyGrade.Good);
        employee.ProposeExcellent(D("2021-12-06"), 2021);
        var facts = Facts(employee, 2021);
        var grant = ExcellentQuotaLedger.FromHistory(Planning, 2021, []).Grant(D("2021-12-10"), employee.Id, facts, employee.Policy);

        var error = Refused(employee, Rules.ExcellentPublicNotice,
            () => employee.RecordAnnualGrade(D("2021-12-10"), 2021, AnnualGrade.Excellent, AnnualAssessment.None, facts, grant));
        Assert.Contains("has run 4 working days", error.Message, StringComparison.Ordinal);
        Assert.Equal(D("2021-12-11"), employee.History.OfType<ExcellentProposed>().Single().EarliestDecision);
        employee.RecordAnnualGrade(D("2021-12-11"), 2021, AnnualGrade.Excellent, AnnualAssessment.None, facts, grant);
    }

    [Fact]
    public void AS9_HolidaysDoNotCountTowardTheNotice()
    {
        var policy = new GradingPolicy { Calendar = new WorkingCalendar { Holidays = [D("2021-12-08")] } };
        var employee = Appointed(policy: policy);
        Quarters(employee, 2021, QuarterlyGrade.Good);

        employee.ProposeExcellent(D("2021-12-06"), 2021);

        Assert.Equal(D("2021-12-14"), employee.History.OfType<ExcellentProposed>().Single().EarliestDecision);
    }

    [Fact]
    public void AS9_ExcellentWithoutNotice_IsRefused()
    {
        var employee = Appointed();
        Quarters(employee, 2021, QuarterlyGrade.Good);
        var facts = Facts(employee, 2021);
        var grant = ExcellentQuotaLedger.FromHistory(Planning, 2021, []).Grant(D("2021-12-20"), employee.Id, facts, employee.Policy);

        Refused(employee, Rules.ExcellentPublicNotice,
            () => employee.RecordAnnualGrade(D("2021-12-20"), 2021, AnnualGrade.Excellent, AnnualAssessment.None, facts, grant));
    }

    [Theory]
    [InlineData(MandatoryIncompetentCase.PoliticalDiscipline)]
    [InlineData(MandatoryIncompetentCase.DerelictionMajorLoss)]
    [InlineData(MandatoryIncompetentCase.HarmingPublicInterest)]
    [InlineData(MandatoryIncompetentCase.AbsenceSeriousConsequences)]
    [InlineData(MandatoryIncompetentCase.SeriousCorruption)]
    [InlineData(MandatoryIncompetentCase.Other)]
    public void AS15_TheListedCases_MustBeIncompetent(MandatoryIncompetentCase @case)
    {
        var employee = Appointed();
        var assessment = new AnnualAssessment { MandatoryIncompetentCases = [@case] };

        Refused(employee, Rules.MandatoryIncompetent, () => Year(employee, 2021, AnnualGrade.BasicallyCompetent, assessment: assessment));
        Year(employee, 2021, AnnualGrade.Incompetent, assessment: assessment);
    }

    [Theory]
    [InlineData(12, 4, true, false)]
    [InlineData(12, 5, true, true)]
    [InlineData(12, 5, false, false)]
    public void AS15_6_DemocraticEvaluationOverOneThirdConfirmed_MustBeIncompetent(int votes, int against, bool confirmed, bool forced)
    {
        var employee = Appointed();
        var assessment = new AnnualAssessment { Evaluation = new DemocraticEvaluation(votes, against, confirmed) };

        if (forced)
        {
            Refused(employee, Rules.MandatoryIncompetent, () => Year(employee, 2021, AnnualGrade.Competent, assessment: assessment));
        }
        else
        {
            Year(employee, 2021, AnnualGrade.Competent, assessment: assessment);
            Assert.Equal(AnnualGrade.Competent, employee.AnnualGrades[2021].Grade);
        }
    }

    [Fact]
    public void AS28_RefusingToTakePart_IsIncompetent()
    {
        var employee = Appointed();
        var assessment = new AnnualAssessment { RefusedToParticipate = true };

        Refused(employee, Rules.RefusalToParticipate, () => Year(employee, 2021, null, assessment: assessment));
        Year(employee, 2021, AnnualGrade.Incompetent, assessment: assessment);
    }

    [Fact]
    public void AS27_AWarningThatYear_NotExcellent()
    {
        var employee = Appointed();
        Quarters(employee, 2021, QuarterlyGrade.Good);
        employee.RecordSanction(D("2021-09-01"), SanctionKind.Warning, SanctionAuthority.Government, "late");

        Refused(employee, Rules.SanctionEffects, () => employee.ProposeExcellent(D("2021-12-01"), 2021));
        Year(employee, 2021, AnnualGrade.Competent);
    }

    [Fact]
    public void AS27_ADemeritThatYear_NoGradeThatYearOnly()
    {
        var employee = Appointed();
        employee.RecordSanction(D("2021-03-01"), SanctionKind.Demerit, SanctionAuthority.Government, "breach");

        Refused(employee, Rules.SanctionEffects, () => Year(employee, 2021, AnnualGrade.Competent));
        Year(employee, 2021, null);
        Year(employee, 2022, AnnualGrade.Competent);

        Assert.Equal(NoGradeReason.Sanctioned, employee.AnnualGrades[2021].NoGradeReason);
    }

    [Theory]
    [InlineData(SanctionKind.MajorDemerit)]
    [InlineData(SanctionKind.Demotion)]
    [InlineData(SanctionKind.Removal)]
    public void AS27_AMajorDemeritOrHeavier_NoGradeThatYearAndTheNext(SanctionKind kind)
    {
        var employee = Appointed();
        employee.RecordSanction(D("2021-03-01"), kind, SanctionAuthority.Party, "breach");
        Year(employee, 2021, null);

        Refused(employee, Rules.SanctionEffects, () => Year(employee, 2022, AnnualGrade.Competent));
        Year(employee, 2022, null);
        Year(employee, 2023, AnnualGrade.Competent);
    }

    [Fact]
    public void AS27_PartyAndGovernmentSanctions_TheHeavierGoverns()
    {
        var employee = Appointed();
        employee.RecordSanction(D("2021-03-01"), SanctionKind.Warning, SanctionAuthority.Government, "breach");
        employee.RecordSanction(D("2021-03-01"), SanctionKind.MajorDemerit, SanctionAuthority.Party, "breach");

        Year(employee, 2021, null);
        Refused(employee, Rules.SanctionEffects, () => Year(employee, 2022, AnnualGrade.Competent));
    }

    [Fact]
    public void AS26_AnnualGradeUnderInvestigation_SetAfterwardsWhenClosedWithAWarning()
    {
        var employee = Appointed();
        employee.OpenInvestigation(D("2021-10-01"), "case");
        Year(employee, 2021, null);
        employee.CloseInvestigation(D("2022-02-01"), InvestigationOutcome.Warning);

        employee.RecordAnnualGrade(D("2022-02-02"), 2021, AnnualGrade.Competent, AnnualAssessment.None, Facts(employee, 2021));

        Assert.Equal(AnnualGrade.Competent, employee.AnnualGrades[2021].Grade);
    }

    [Fact]
    public void AS25_LeaveOverHalfTheYear_NoGrade()
    {
        var employee = Appointed();
        employee.RecordLeave(D("2021-01-01"), LeaveKind.Sick, new DatePeriod(D("2021-01-01"), D("2021-07-05")));

        Refused(employee, Rules.LeaveOverHalf, () => Year(employee, 2021, AnnualGrade.Competent));
        Year(employee, 2021, null);
    }

    [Fact]
    public void AS23_AnnualGradeInProbation_CommentsOnly()
    {
        var employee = Employee.Appoint(D("2021-03-01"), Request(method: AppointmentMethod.OpenRecruitment, probation: ProbationKind.Standard));

        Refused(employee, Rules.ProbationNoGrade, () => Year(employee, 2021, AnnualGrade.Competent));
    }

    [Fact]
    public void AS9_AnnualGradeBeforeDecember_IsRefused()
    {
        var employee = Appointed();

        Refused(employee, Rules.AnnualAssessmentTiming, () => Year(employee, 2021, AnnualGrade.Competent, on: "2021-11-30"));
    }

    [Fact]
    public void AS24_TheGradeComesFromTheDepartmentAtTheYearsEnd()
    {
        var employee = Appointed();
        employee.Rotate(D("2021-09-01"), Finance, Level(Post.Staff, 6, 3));

        Refused(employee, Rules.AssessingUnit, () => employee.RecordAnnualGrade(
            D("2021-12-20"), 2021, AnnualGrade.Competent, AnnualAssessment.None, new DepartmentYearFacts(Planning, 2021, DepartmentTier.Tier1, 10)));
        Year(employee, 2021, AnnualGrade.Competent);
    }
}
