using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Server.Tests;

/// <summary>Promotion on trial, the trial's outcome, renewal and its refusal, and the public notice of an Excellent,
/// through real gRPC; each refusal names its rule and writes nothing.</summary>
public sealed class ContractLifecycleTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly PostLevel DeputySectionChiefL7 = new() { Post = Post.DeputySectionChief, GradeLevel = 7, Step = 5 };

    [Fact]
    public async Task AM13_a_promotion_runs_a_one_year_trial_that_cannot_be_decided_early_and_passing_keeps_the_new_post()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("climber", "life", "2022-01-04", Post.Staff, level: 8));
        var version = await server.Store.GetStreamVersionAsync("employee:climber");

        // AM 第五条: a department head needs division-head rank, or deputy-division held 2 years; the person is deputy-section.
        var tooHigh = await hr.Refused<PromoteRequest, PromoteResponse>(Promote("climber", new PostLevel { Post = Post.DepartmentHead, GradeLevel = 4, Step = 5 }, "2023-03-01"));
        var promoted = await hr.Call<PromoteRequest, PromoteResponse>(Promote("climber", DeputySectionChiefL7, "2023-03-01"));
        var early = await hr.Refused<RecordTrialOutcomeRequest, RecordTrialOutcomeResponse>(Outcome("climber", true, "2023-09-01"));
        var afterEarly = await server.Store.GetStreamVersionAsync("employee:climber");
        var passed = await hr.Call<RecordTrialOutcomeRequest, RecordTrialOutcomeResponse>(Outcome("climber", true, "2024-03-01"));

        Assert.Equal(StatusCode.FailedPrecondition, tooHigh.StatusCode);
        Assert.Contains("AM 第五条", tooHigh.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((ContractState.InPromotionTrial, Build.Date("2024-02-29")), (promoted.Employee.State, promoted.Employee.TrialEndsOn));
        Assert.Equal(DeputySectionChiefL7, promoted.Employee.PostLevel);
        Assert.Equal(version + 1, promoted.Employee.Version);
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains("AM 第十三条", early.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("the promotion trial runs until 2024-02-29", early.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(promoted.Employee.Version, afterEarly);
        Assert.Equal((ContractState.Appointed, DeputySectionChiefL7, (Google.Type.Date?)null),
            (passed.Employee.State, passed.Employee.PostLevel, passed.Employee.TrialEndsOn));
        var history = await hr.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = "climber" });
        Assert.Equal(["employee-named", "employee-appointed", "promoted-on-trial", "trial-passed"], history.Entries.Select(e => e.Type));
    }

    [Fact]
    public async Task AM13_a_failed_trial_returns_the_person_to_the_post_level_held_before_and_needs_a_reason()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("faller", "life", "2022-01-04", Post.Staff, level: 8));
        await hr.Call<PromoteRequest, PromoteResponse>(Promote("faller", DeputySectionChiefL7, "2023-03-01"));
        var version = await server.Store.GetStreamVersionAsync("employee:faller");

        var noReason = await hr.Refused<RecordTrialOutcomeRequest, RecordTrialOutcomeResponse>(Outcome("faller", false, "2024-03-01"));
        var failing = Outcome("faller", false, "2024-03-01");
        failing.Reason = "did not meet the trial's targets";
        var failed = await hr.Call<RecordTrialOutcomeRequest, RecordTrialOutcomeResponse>(failing);

        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Contains("reason is missing", noReason.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((ContractState.Appointed, Post.Staff, 8, 5), (failed.Employee.State, failed.Employee.PostLevel.Post, failed.Employee.PostLevel.GradeLevel, failed.Employee.PostLevel.Step));
        Assert.Equal(version + 1, failed.Employee.Version);
        var during = await hr.Call<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "faller", AsOf = Build.Date("2023-06-01") });
        var after = await hr.Call<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "faller", AsOf = Build.Date("2024-03-02") });
        Assert.Equal(DeputySectionChiefL7, during.PostLevel);
        Assert.Equal((Post.Staff, 8), (after.PostLevel.Post, after.PostLevel.GradeLevel));
    }

    [Fact]
    public async Task AM5_a_promotion_the_conditions_do_not_allow_stands_with_the_zone_committees_waiver()
    {
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("bold", "life", "2022-01-04"));
        var request = Promote("bold", new PostLevel { Post = Post.DeputyHead, GradeLevel = 5, Step = 5 }, "2023-03-01");
        request.EligibilityWaivedBy = "工委 2023-02-20";
        request.EligibilityWaiverReason = "工作特殊需要";

        var promoted = await party.Call<PromoteRequest, PromoteResponse>(request);

        Assert.Equal(ContractState.InPromotionTrial, promoted.Employee.State);
        var waiver = Assert.Single(promoted.Employee.EligibilityWaivers);
        Assert.Equal((Post.DeputyHead, "工委 2023-02-20", Build.Date("2023-03-01")), (waiver.Post, waiver.GrantedBy, waiver.GrantedOn));
        Assert.Equal(["RANK_AND_TENURE"], waiver.Conditions);
    }

    [Fact]
    public async Task AM9_a_renewal_is_decided_in_the_90_days_before_the_term_ends_and_starts_the_next_term()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("renewer", "life", "2021-01-04"));
        var version = await server.Store.GetStreamVersionAsync("employee:renewer");

        var early = await hr.Refused<RenewContractRequest, RenewContractResponse>(new RenewContractRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "renewer", DecidedOn = Build.Date("2023-06-01"),
        });
        var earlyVersion = await server.Store.GetStreamVersionAsync("employee:renewer");
        var renewed = await hr.Call<RenewContractRequest, RenewContractResponse>(new RenewContractRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "renewer", DecidedOn = Build.Date("2023-12-01"),
        });

        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains("AM 第九条", early.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("term 1 ends on 2024-01-03; renewal may be decided from 2023-10-05", early.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(version, earlyVersion);
        Assert.Equal((ContractState.Appointed, 2, Build.Date("2024-01-04"), Build.Date("2027-01-03")),
            (renewed.Employee.State, renewed.Employee.TermNumber, renewed.Employee.TermStartsOn, renewed.Employee.TermEndsOn));
        var history = await hr.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = "renewer" });
        Assert.Equal(["renewal-opened", "contract-renewed"], history.Entries.Skip(2).Select(e => e.Type));
    }

    [Fact]
    public async Task AM15_declining_the_renewal_ends_the_contract_with_the_term_and_a_renewal_after_it_is_refused()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("leaver", "life", "2021-01-04"));
        var version = await server.Store.GetStreamVersionAsync("employee:leaver");

        var noReason = await hr.Refused<DeclineRenewalRequest, DeclineRenewalResponse>(new DeclineRenewalRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "leaver", DecidedOn = Build.Date("2023-12-01"),
        });
        Assert.Equal(version, await server.Store.GetStreamVersionAsync("employee:leaver"));
        var declined = await hr.Call<DeclineRenewalRequest, DeclineRenewalResponse>(new DeclineRenewalRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "leaver", DecidedOn = Build.Date("2023-12-01"), Reason = "post abolished in the restructuring",
        });
        var renewal = await hr.Refused<RenewContractRequest, RenewContractResponse>(new RenewContractRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "leaver", DecidedOn = Build.Date("2023-12-02"),
        });

        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Equal((ContractState.NotRenewed, Build.Date("2024-01-03")), (declined.Employee.State, declined.Employee.TermEndsOn));
        Assert.Equal(StatusCode.FailedPrecondition, renewal.StatusCode);
        Assert.Equal(declined.Employee.Version, await server.Store.GetStreamVersionAsync("employee:leaver"));
        var history = await hr.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = "leaver" });
        Assert.Equal("renewal-declined", history.Entries[^1].Type);
    }

    [Fact]
    public async Task AS9_an_Excellent_waits_five_working_days_of_public_notice_and_needs_a_good_quarter_to_be_noticed()
    {
        await server.DepartmentAsync("notice");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        foreach (var id in new[] { "star", "plain", "third", "fourth" })
        {
            await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment(id, "notice", "2024-01-02"));
        }

        await party.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("star", 2024, 1, QuarterlyGrade.Good));
        await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(new RecordDepartmentAssessmentRequest
        {
            RequestId = Build.RequestId(), DepartmentId = "notice", Year = 2024, Tier = DepartmentTier._1, DecidedOn = Build.Date("2024-12-02"),
        });
        var plainVersion = await server.Store.GetStreamVersionAsync("employee:plain");

        var noGood = await party.Refused<StartExcellentNoticeRequest, StartExcellentNoticeResponse>(Notice("plain"));
        var notice = await party.Call<StartExcellentNoticeRequest, StartExcellentNoticeResponse>(Notice("star"));
        var starVersion = await server.Store.GetStreamVersionAsync("employee:star");
        var early = Build.Annual("star", 2024, AnnualGrade.Excellent);
        early.DecidedOn = Build.Date("2024-12-06");
        var tooEarly = await party.Refused<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(early);
        var afterEarly = await server.Store.GetStreamVersionAsync("employee:star");
        var onTime = Build.Annual("star", 2024, AnnualGrade.Excellent);
        onTime.DecidedOn = Build.Date("2024-12-09");
        var excellent = await party.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(onTime);

        Assert.Equal(StatusCode.FailedPrecondition, noGood.StatusCode);
        Assert.Contains("AS 第十三条", noGood.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(plainVersion, await server.Store.GetStreamVersionAsync("employee:plain"));
        // The notice runs 5 working days, Monday 2 to Friday 6 December; the decision may follow from Saturday 7 December.
        Assert.Equal(Build.Date("2024-12-07"), notice.EarliestDecisionOn);
        Assert.Equal(StatusCode.FailedPrecondition, tooEarly.StatusCode);
        Assert.Contains("AS 第九条", tooEarly.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("has run 4 working days by 2024-12-06; 5 are needed (earliest 2024-12-07)", tooEarly.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(starVersion, afterEarly);
        Assert.Equal(AnnualGrade.Excellent, excellent.Record.Grade);
        Assert.Contains(excellent.Consequences, c => c.Kind == "Commendation");
        Assert.Equal((1, 1, 4), (excellent.ExcellentQuota.Granted, excellent.ExcellentQuota.Cap, excellent.ExcellentQuota.Eligible));
    }

    [Fact]
    public async Task AM12_rotation_due_counts_the_terms_begun_in_the_role_which_a_rotation_restarts()
    {
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        var chief = Build.Appointment("mover-chief", "life-a", "2017-01-02", Post.SectionChief, level: 5);
        chief.AdministrativeRank = AdministrativeRank.SectionChief;
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(chief);
        await party.Call<RenewContractRequest, RenewContractResponse>(new RenewContractRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "mover-chief", DecidedOn = Build.Date("2019-12-01"),
        });
        await party.Call<RotateRequest, RotateResponse>(new RotateRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "mover-chief", ToDepartmentId = "life-b", StartsOn = Build.Date("2020-06-01"),
            PostLevel = new PostLevel { Post = Post.SectionChief, GradeLevel = 5, Step = 5 },
        });
        var third = await party.Call<RenewContractRequest, RenewContractResponse>(new RenewContractRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "mover-chief", DecidedOn = Build.Date("2022-12-01"),
        });

        var due = await party.Call<ListRotationDueRequest, ListRotationDueResponse>(new ListRotationDueRequest
        {
            AsOf = Build.Date("2023-06-01"), DepartmentId = "life-b", WindowDays = 3650,
        });

        // Term 3 (from 2023-01-02) is the first begun in the post in life-b; two full terms there end 2029-01-01.
        Assert.Equal(3, third.Employee.TermNumber);
        var entry = Assert.Single(due.Entries);
        Assert.Equal(("mover-chief", 1, Build.Date("2029-01-01"), RotationStrength.Advisory), (entry.EmployeeId, entry.ConsecutiveTerms, entry.DueOn, entry.Strength));
        Assert.Equal("AM 第十二条: 2 consecutive terms as section chief/deputy in the same post in life-b since 2020-06-01", entry.Reason);
    }

    private static PromoteRequest Promote(string id, PostLevel to, string on) => new()
    {
        RequestId = Build.RequestId(), EmployeeId = id, PostLevel = to, StartsOn = Build.Date(on),
    };

    private static RecordTrialOutcomeRequest Outcome(string id, bool passed, string on) => new()
    {
        RequestId = Build.RequestId(), EmployeeId = id, Passed = passed, DecidedOn = Build.Date(on),
    };

    private static StartExcellentNoticeRequest Notice(string id) => new()
    {
        RequestId = Build.RequestId(), EmployeeId = id, Year = 2024, StartedOn = Build.Date("2024-12-02"),
    };
}
