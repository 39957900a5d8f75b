using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Grading;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

public class AppointmentTests
{
    [Theory]
    [InlineData(AppointmentMethod.Competition, ContractState.Appointed)]
    [InlineData(AppointmentMethod.DirectAppointment, ContractState.Appointed)]
    [InlineData(AppointmentMethod.OpenRecruitment, ContractState.InProbation)]
    public void AM6_EachAppointmentMethod_SignsAContract(AppointmentMethod method, ContractState state)
    {
        var probation = method == AppointmentMethod.OpenRecruitment ? ProbationKind.Standard : ProbationKind.None;

        var employee = Employee.Appoint(D("2020-03-01"), Request(method: method, probation: probation));

        Assert.Equal(state, employee.State);
        Assert.Equal(method, employee.Method);
    }

    [Fact]
    public void AM6_TheFirstCompetition_IsACompetition()
    {
        var error = Assert.Throws<RuleViolationException>(() => Employee.Appoint(
            D("2020-03-01"), Request(method: AppointmentMethod.DirectAppointment, firstCompetition: true)));

        Assert.Equal(Rules.AppointmentMethods, error.Rule);
    }

    [Fact]
    public void AM13_OpenRecruitment_StartsASixMonthProbationInsideTheTerm()
    {
        var employee = Employee.Appoint(D("2020-03-01"), Request(method: AppointmentMethod.OpenRecruitment, probation: ProbationKind.Standard));

        Assert.Equal(ContractState.InProbation, employee.State);
        Assert.Equal(D("2020-08-31"), employee.ProbationEnd);
        Assert.Equal(D("2023-02-28"), employee.TermEnd);
    }

    [Fact]
    public void AM13_FirstJob_StartsATwelveMonthProbation()
    {
        var employee = Employee.Appoint(D("2020-03-01"), Request(method: AppointmentMethod.OpenRecruitment, probation: ProbationKind.FirstJob));

        Assert.Equal(D("2021-02-28"), employee.ProbationEnd);
    }

    [Fact]
    public void AM13_ProbationLongerThanSixMonths_IsInvalid()
    {
        var error = Assert.Throws<RuleViolationException>(() => Employee.Appoint(
            D("2020-03-01"), Request(method: AppointmentMethod.OpenRecruitment, probation: ProbationKind.Standard, probationMonths: 7)));

        Assert.Equal(Rules.Probation, error.Rule);
        Assert.Equal(ViolationKind.InvalidArgument, error.Kind);
        Assert.Contains("1 to 6 months, not 7", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppointmentMethod.OpenRecruitment, ProbationKind.None)]
    [InlineData(AppointmentMethod.Competition, ProbationKind.Standard)]
    public void AM13_OnlyOpenRecruitmentCarriesAProbation(AppointmentMethod method, ProbationKind probation)
    {
        var error = Assert.Throws<RuleViolationException>(() => Employee.Appoint(D("2020-03-01"), Request(method: method, probation: probation)));

        Assert.Equal(Rules.Probation, error.Rule);
    }

    [Fact]
    public void AM14_FirstCompetitionWithLessThanThreeYearsToRetirement_IsRefused()
    {
        var error = Assert.Throws<RuleViolationException>(() => Employee.Appoint(
            D("2020-03-01"), Request(retirement: "2023-02-28", firstCompetition: true)));

        Assert.Equal(Rules.RetirementAtFirstCompetition, error.Rule);
        Assert.Contains("AM 第十四条", error.Message, StringComparison.Ordinal);
        Assert.Contains("四进", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AM14_FirstCompetitionWithExactlyThreeYearsToRetirement_IsAppointed()
    {
        var employee = Employee.Appoint(D("2020-03-01"), Request(retirement: "2023-03-01", firstCompetition: true));

        Assert.Equal(ContractState.Appointed, employee.State);
    }
}
