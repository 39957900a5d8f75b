using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

/// <summary>AM 第五条 judged at a competitive appointment and at a promotion into a new post, with the zone committee's waiver.</summary>
public sealed class EligibilityAtAppointmentTests
{
    private static readonly EligibilityPolicy Conditions = new();

    [Fact]
    public void AM5_A_competitor_short_of_the_conditions_is_refused_naming_each_unmet_one_and_nothing_is_raised()
    {
        // A section chief needs section-chief rank, or deputy-section held 2 counted years; first-grade staff since 2015 is neither.
        var employee = Employee.New();

        var refused = Assert.Throws<RuleViolationException>(() =>
            employee.Hire(D("2024-01-02"), Request(Post.SectionChief, 5), Conditions, waiver: null));

        Assert.Equal((Rules.ManagementPostEligibility, ViolationKind.FailedPrecondition), (refused.Rule, refused.Kind));
        Assert.Contains("部门中层正职", refused.Message, StringComparison.Ordinal);
        Assert.Empty(employee.UncommittedEvents);
        Assert.False(employee.IsAppointed);
    }

    [Fact]
    public void AM5_The_waiver_lets_the_appointment_stand_and_records_who_granted_it_and_the_conditions_waived()
    {
        var employee = Employee.New();

        employee.Hire(D("2024-01-02"), Request(Post.SectionChief, 5), Conditions, new EligibilityWaiverGrant("工委", "表现特别优秀"));

        Assert.Equal(["EmployeeAppointed", "EligibilityWaived"], employee.UncommittedEvents.Select(e => e.GetType().Name));
        var waived = Assert.Single(employee.EligibilityWaivers);
        Assert.Equal((Post.SectionChief, "工委", "表现特别优秀", D("2024-01-02")), (waived.Post, waived.GrantedBy, waived.Reason, waived.OccurredOn));
        Assert.Equal([EligibilityCondition.RankAndTenure], waived.Conditions);
    }

    [Fact]
    public void AM5_Open_recruitment_is_not_judged_and_takes_no_waiver()
    {
        var recruited = Employee.New();
        recruited.Hire(D("2024-01-02"), Request(Post.SectionChief, 5, method: AppointmentMethod.OpenRecruitment, probation: ProbationKind.Standard), Conditions, null);
        var waivedForNothing = Employee.New();

        var refused = Assert.Throws<RuleViolationException>(() => waivedForNothing.Hire(
            D("2024-01-02"), Request(Post.SectionChief, 5, method: AppointmentMethod.DirectAppointment), Conditions, new EligibilityWaiverGrant("工委", "x")));

        Assert.True(recruited.IsAppointed);
        Assert.Equal((Rules.EligibilityWaiver, ViolationKind.InvalidArgument), (refused.Rule, refused.Kind));
        Assert.Empty(waivedForNothing.UncommittedEvents);
    }

    [Fact]
    public void AM5_A_promotion_into_a_new_post_is_judged_on_the_ranks_and_counted_years_by_then()
    {
        // First-grade staff since 2015: a deputy section chief needs that rank held 3 counted years, met since 2018.
        var employee = Appointed("2020-01-01", Post.Staff, 6);

        employee.Promote(D("2021-01-04"), Level(Post.DeputySectionChief, 5), Conditions, waiver: null);
        var higher = Assert.Throws<RuleViolationException>(() =>
            Appointed("2020-01-01", Post.Staff, 6).Promote(D("2021-01-04"), Level(Post.DeputyHead, 4), Conditions, waiver: null));

        Assert.Equal(ContractState.InPromotionTrial, employee.State);
        Assert.Empty(employee.EligibilityWaivers);
        Assert.Equal(Rules.ManagementPostEligibility, higher.Rule);
    }
}
