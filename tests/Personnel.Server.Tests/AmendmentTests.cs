using Google.Protobuf;
using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Server.Tests;

/// <summary>Amendments inside the term through real gRPC: opening the renewal (AM 第九条), a change of post (AM 第九条),
/// health incapacity (AM 第十六条), secondment (AS 第二十四条) and qualifications (AM 第五条). Each happy path shows its
/// consequence, a retry with the same request_id records nothing, and each domain refusal names its article and writes nothing.</summary>
public sealed class AmendmentTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AM9_OpenRenewal_opens_only_in_the_last_90_days_of_the_term_and_then_the_contract_can_be_renewed()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "shore"));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("ren-1", "shore", "2022-01-03"));

        // The term ends 2025-01-02: the renewal window opens 90 days before, on 2024-10-04.
        var early = await NothingWritten("ren-1", () => hr.Refused<OpenRenewalRequest, OpenRenewalResponse>(new OpenRenewalRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "ren-1", DecidedOn = Build.Date("2024-10-03"),
        }));
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains("AM 第九条", early.Status.Detail);
        Assert.Contains("2024-10-04", early.Status.Detail);

        var request = new OpenRenewalRequest { RequestId = Build.RequestId(), EmployeeId = "ren-1", DecidedOn = Build.Date("2024-10-04") };
        var opened = await hr.Call<OpenRenewalRequest, OpenRenewalResponse>(request);
        Assert.Equal((ContractState.AwaitingRenewal, 1, Build.Date("2025-01-02")), (opened.Employee.State, opened.Employee.TermNumber, opened.Employee.TermEndsOn));
        await RetryRecordsNothing<OpenRenewalRequest, OpenRenewalResponse>(hr, "ren-1", request, opened, r => r.DecidedOn = Build.Date("2024-10-05"));
        Assert.Single(await History("ren-1"), e => e.Type == "renewal-opened");

        var renewed = await hr.Call<RenewContractRequest, RenewContractResponse>(new RenewContractRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "ren-1", DecidedOn = Build.Date("2024-11-01"),
        });
        Assert.Equal((ContractState.Appointed, 2, Build.Date("2025-01-03")), (renewed.Employee.State, renewed.Employee.TermNumber, renewed.Employee.TermStartsOn));
    }

    [Fact]
    public async Task AM9_ChangePost_amends_the_post_with_its_reason_and_the_term_continues()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "shore"));
        var appointed = await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("post-1", "shore", "2022-01-03"));

        var request = new ChangePostRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "post-1", EffectiveOn = Build.Date("2023-05-02"), Reason = "section merged in the 2023 restructuring",
            PostLevel = new PostLevel { Post = Post.Staff, GradeLevel = 7, Step = 5 },
        };
        var changed = await hr.Call<ChangePostRequest, ChangePostResponse>(request);

        Assert.Equal(request.PostLevel, changed.Employee.PostLevel);
        Assert.Equal((appointed.Employee.TermNumber, appointed.Employee.TermStartsOn, appointed.Employee.TermEndsOn),
            (changed.Employee.TermNumber, changed.Employee.TermStartsOn, changed.Employee.TermEndsOn));
        var level = await hr.Call<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "post-1", AsOf = Build.Date("2023-06-01") });
        Assert.Equal((request.PostLevel, Build.Date("2023-05-02")), (level.PostLevel, level.Since));
        var before = await hr.Call<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "post-1", AsOf = Build.Date("2023-05-01") });
        Assert.Equal(appointed.Employee.PostLevel, before.PostLevel);
        Assert.Contains("2023 restructuring", Assert.Single(await History("post-1"), e => e.Type == "post-changed").PayloadJson);
        await RetryRecordsNothing<ChangePostRequest, ChangePostResponse>(hr, "post-1", request, changed, r => r.Reason = "another reason");
    }

    [Fact]
    public async Task AM13_ChangePost_is_refused_during_a_promotion_trial_and_writes_nothing()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "shore"));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("post-2", "shore", "2022-01-03"));
        await hr.Call<PromoteRequest, PromoteResponse>(new PromoteRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "post-2", StartsOn = Build.Date("2023-01-05"),
            PostLevel = new PostLevel { Post = Post.SectionChief, GradeLevel = 5, Step = 5 },
        });

        var refused = await NothingWritten("post-2", () => hr.Refused<ChangePostRequest, ChangePostResponse>(new ChangePostRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "post-2", EffectiveOn = Build.Date("2023-06-01"), Reason = "reorganisation",
            PostLevel = new PostLevel { Post = Post.Staff, GradeLevel = 7, Step = 5 },
        }));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("AM 第十三条", refused.Status.Detail);
        Assert.Contains("2024-01-04", refused.Status.Detail);
    }

    [Fact]
    public async Task AM16_health_incapacity_over_one_year_joined_across_adjacent_spells_makes_a_post_adjustment_due_once()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "shore"));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("sick-1", "shore", "2022-01-03"));

        var first = await hr.Call<RecordHealthIncapacityRequest, RecordHealthIncapacityResponse>(Incapacity("sick-1", "2023-01-01", "2023-06-30"));
        Assert.Empty(first.Consequences);

        var request = Incapacity("sick-1", "2023-07-01", "2024-01-15");
        var second = await hr.Call<RecordHealthIncapacityRequest, RecordHealthIncapacityResponse>(request);
        var adjustment = Assert.Single(second.Consequences);
        Assert.Equal(("PostAdjustmentDue", "AM 第十六条", Build.Date("2024-01-15")), (adjustment.Kind, adjustment.Article, adjustment.EffectiveOn));
        Assert.Contains("2023-01-01", adjustment.Description);
        await RetryRecordsNothing<RecordHealthIncapacityRequest, RecordHealthIncapacityResponse>(hr, "sick-1", request, second, r => r.EndsOn = Build.Date("2024-01-16"));

        // Extending the spell that already made the adjustment due does not make it due again.
        var third = await hr.Call<RecordHealthIncapacityRequest, RecordHealthIncapacityResponse>(Incapacity("sick-1", "2024-01-16", "2024-02-29"));
        Assert.Empty(third.Consequences);
        var history = await History("sick-1");
        Assert.Equal(3, history.Count(e => e.Type == "health-incapacity-recorded"));
        Assert.Contains("AM-16", Assert.Single(history, e => e.Type == "post-adjustment-due").PayloadJson);

        var overlap = await NothingWritten("sick-1", () => hr.Refused<RecordHealthIncapacityRequest, RecordHealthIncapacityResponse>(
            Incapacity("sick-1", "2023-03-01", "2023-03-10")));
        Assert.Equal(StatusCode.FailedPrecondition, overlap.StatusCode);
        Assert.Contains("PM 第六条", overlap.Status.Detail);
        Assert.Contains("2023-01-01", overlap.Status.Detail);
    }

    [Fact]
    public async Task AS24_a_seconded_person_is_graded_by_the_receiving_unit_for_the_quarters_ending_in_the_secondment()
    {
        await server.DepartmentAsync("home");
        await server.DepartmentAsync("host");
        var hr = server.As(await server.KeyAsync(Role.Hr, "home"));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("sec-1", "home", "2022-01-03"));

        var request = new RecordSecondmentRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "sec-1", ReceivingDepartmentId = "host", StartsOn = Build.Date("2024-04-01"), EndsOn = Build.Date("2024-09-30"),
        };
        var seconded = await hr.Call<RecordSecondmentRequest, RecordSecondmentResponse>(request);
        Assert.Equal(("host", "home"), (seconded.AssessingDepartmentId, seconded.Employee.DepartmentId));
        await RetryRecordsNothing<RecordSecondmentRequest, RecordSecondmentResponse>(hr, "sec-1", request, seconded, r => r.EndsOn = Build.Date("2024-10-31"));

        // The home unit's HR grades the quarters it assesses, the receiving unit's HR the quarter ending in the secondment,
        // and each answer names the assessing unit.
        var hostHr = server.As(await server.KeyAsync(Role.Hr, "host"));
        var graded = new List<string>();
        foreach (var (quarter, grader) in new[] { (1, hr), (2, hostHr), (4, hr) })
        {
            var answer = await grader.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("sec-1", 2024, quarter, QuarterlyGrade.FairlyGood));
            graded.Add($"{answer.Record.Quarter} {answer.Record.DepartmentId}");
        }

        Assert.Equal(["1 home", "2 host", "4 home"], graded);
        var grades = await hr.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = "sec-1", FromYear = 2024, ToYear = 2024 });
        Assert.Equal(["1 home", "2 host", "4 home"], grades.Quarterly.Select(q => $"{q.Quarter} {q.DepartmentId}"));

        // The receiving unit counts the person among those it may grade (N of its Good quota); the home unit does not.
        var host = await hr.Call<GetQuotasRequest, GetQuotasResponse>(new GetQuotasRequest { DepartmentId = "host", Year = 2024 });
        var home = await hr.Call<GetQuotasRequest, GetQuotasResponse>(new GetQuotasRequest { DepartmentId = "home", Year = 2024 });
        Assert.Equal((1, 0), (host.Good[1].Eligible, home.Good[1].Eligible));
        Assert.Equal((0, 1), (host.Good[0].Eligible, home.Good[0].Eligible));

        var overlap = await NothingWritten("sec-1", () => hr.Refused<RecordSecondmentRequest, RecordSecondmentResponse>(new RecordSecondmentRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "sec-1", ReceivingDepartmentId = "host", StartsOn = Build.Date("2024-09-01"), EndsOn = Build.Date("2024-12-31"),
        }));
        Assert.Equal(StatusCode.FailedPrecondition, overlap.StatusCode);
        Assert.Contains("2024-04-01", overlap.Status.Detail);
    }

    [Fact]
    public async Task AS24_the_home_units_hr_is_refused_a_quarter_the_receiving_unit_assesses_and_the_other_way_round()
    {
        await server.DepartmentAsync("home-q");
        await server.DepartmentAsync("host-q");
        var homeHr = server.As(await server.KeyAsync(Role.Hr, "home-q"));
        var hostHr = server.As(await server.KeyAsync(Role.Hr, "host-q"));
        await homeHr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("sec-2", "home-q", "2022-01-03"));
        await homeHr.Call<RecordSecondmentRequest, RecordSecondmentResponse>(new RecordSecondmentRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "sec-2", ReceivingDepartmentId = "host-q", StartsOn = Build.Date("2024-04-01"), EndsOn = Build.Date("2024-09-30"),
        });

        var byHome = await NothingWritten("sec-2", () => homeHr.Refused<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(
            Build.Quarterly("sec-2", 2024, 2, QuarterlyGrade.FairlyGood)));
        Assert.Equal(StatusCode.PermissionDenied, byHome.StatusCode);
        Assert.Contains("AS 第二十四条", byHome.Status.Detail);
        Assert.Contains("'host-q'", byHome.Status.Detail);
        Assert.Contains("2024-06-30", byHome.Status.Detail);

        // The receiving unit grades only the quarters ending in the secondment: the home unit keeps the first quarter.
        var byHost = await NothingWritten("sec-2", () => hostHr.Refused<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(
            Build.Quarterly("sec-2", 2024, 1, QuarterlyGrade.FairlyGood)));
        Assert.Equal(StatusCode.PermissionDenied, byHost.StatusCode);
        Assert.Contains("AS 第二十四条", byHost.Status.Detail);
        Assert.Contains("'home-q'", byHost.Status.Detail);

        // In an import the row the home unit may not grade is rejected alone; its other rows are recorded.
        var import = await homeHr.Import(
        [
            new ImportQuarterlyGradeRow { RowNumber = 1, Grade = Build.Quarterly("sec-2", 2024, 1, QuarterlyGrade.FairlyGood) },
            new ImportQuarterlyGradeRow { RowNumber = 2, Grade = Build.Quarterly("sec-2", 2024, 3, QuarterlyGrade.FairlyGood) },
        ]);
        Assert.Equal(["1 Recorded", "2 Rejected PERMISSION_DENIED"],
            import.Results.Select(r => $"{r.RowNumber} {r.Outcome}{(r.ErrorCode.Length > 0 ? " " + r.ErrorCode : "")}"));
        Assert.Contains("AS 第二十四条", import.Results[1].ErrorMessage);

        // Party-affairs grades anyone, and the record still names the assessing unit.
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        var byParty = await party.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("sec-2", 2024, 2, QuarterlyGrade.Average));
        Assert.Equal("host-q", byParty.Record.DepartmentId);
        var grades = await homeHr.Call<ListGradesRequest, ListGradesResponse>(new ListGradesRequest { EmployeeId = "sec-2", FromYear = 2024 });
        Assert.Equal(["1 home-q", "2 host-q"], grades.Quarterly.Select(q => $"{q.Quarter} {q.DepartmentId}"));
    }

    [Fact]
    public async Task AS24_the_year_is_graded_by_the_unit_that_assesses_it_at_the_year_end_and_its_hr_signs_the_feedback()
    {
        await server.DepartmentAsync("home-y");
        await server.DepartmentAsync("host-y");
        var homeHr = server.As(await server.KeyAsync(Role.Hr, "home-y"));
        var hostHr = server.As(await server.KeyAsync(Role.Hr, "host-y"));
        await homeHr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("sec-3", "home-y", "2022-01-03"));
        await homeHr.Call<RecordSecondmentRequest, RecordSecondmentResponse>(new RecordSecondmentRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "sec-3", ReceivingDepartmentId = "host-y", StartsOn = Build.Date("2024-10-01"), EndsOn = Build.Date("2025-03-31"),
        });

        var annual = Build.Annual("sec-3", 2024, AnnualGrade.Competent);
        annual.DecidedOn = Build.Date("2025-01-10");
        var byHome = await NothingWritten("sec-3", () => homeHr.Refused<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(annual));
        Assert.Equal(StatusCode.PermissionDenied, byHome.StatusCode);
        Assert.Contains("AS 第二十四条", byHome.Status.Detail);
        Assert.Contains("'host-y'", byHome.Status.Detail);

        var byHost = await hostHr.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(annual);
        Assert.Equal(("host-y", "home-y"), (byHost.Record.DepartmentId, (await homeHr.Call<GetEmployeeRequest, GetEmployeeResponse>(
            new GetEmployeeRequest { EmployeeId = "sec-3" })).Employee.DepartmentId));
        Assert.Equal(byHost, await hostHr.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(annual));

        // The written feedback of the year's result (AS 第九条) belongs to the same assessment, and so does an appeal of it.
        var appealRequest = new AppealAnnualGradeRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "sec-4", Year = 2024, Kind = AppealKind.Appeal, FiledOn = Build.Date("2025-01-20"), Reason = "the evaluation was wrong",
        };
        await homeHr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("sec-4", "home-y", "2022-01-03"));
        await homeHr.Call<RecordSecondmentRequest, RecordSecondmentResponse>(new RecordSecondmentRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "sec-4", ReceivingDepartmentId = "host-y", StartsOn = Build.Date("2024-10-01"), EndsOn = Build.Date("2025-03-31"),
        });
        var incompetent = Build.Annual("sec-4", 2024, AnnualGrade.Incompetent);
        incompetent.DecidedOn = Build.Date("2025-01-10");
        await hostHr.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(incompetent);
        var appealByHome = await NothingWritten("sec-4", () => homeHr.Refused<AppealAnnualGradeRequest, AppealAnnualGradeResponse>(appealRequest));
        Assert.Equal(StatusCode.PermissionDenied, appealByHome.StatusCode);
        Assert.Contains("AS 第二十四条", appealByHome.Status.Detail);
        var appealed = await hostHr.Call<AppealAnnualGradeRequest, AppealAnnualGradeResponse>(appealRequest);
        Assert.Equal(("host-y", true), (appealed.Record.DepartmentId, appealed.Record.UnderAppeal));
        var resolved = await hostHr.Call<ResolveAppealRequest, ResolveAppealResponse>(new ResolveAppealRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "sec-4", Year = 2024, ResolvedOn = Build.Date("2025-02-01"), ChangedTo = AnnualGrade.Competent, Explanation = "review found the grade wrong",
        });
        Assert.Equal(("host-y", AnnualGrade.Competent), (resolved.Record.DepartmentId, resolved.Record.Grade));

        var feedback = new SignAnnualFeedbackRequest { RequestId = Build.RequestId(), EmployeeId = "sec-3", Year = 2024, SignedOn = Build.Date("2025-01-15") };
        var refused = await NothingWritten("sec-3", () => homeHr.Refused<SignAnnualFeedbackRequest, SignAnnualFeedbackResponse>(feedback));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        await hostHr.Call<SignAnnualFeedbackRequest, SignAnnualFeedbackResponse>(feedback);
        Assert.Single(await History("sec-3"), e => e.Type == "annual-feedback-signed");
    }

    [Fact]
    public async Task AS24_a_person_transferred_in_during_the_year_is_graded_by_the_new_department_and_the_old_keeps_its_quarters()
    {
        await server.DepartmentAsync("old-t");
        await server.DepartmentAsync("new-t");
        var oldHr = server.As(await server.KeyAsync(Role.Hr, "old-t"));
        var newHr = server.As(await server.KeyAsync(Role.Hr, "new-t"));
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await oldHr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("moved-1", "old-t", "2022-01-03"));
        await party.Call<RotateRequest, RotateResponse>(new RotateRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "moved-1", ToDepartmentId = "new-t",
            PostLevel = new PostLevel { Post = Post.DeputySectionChief, GradeLevel = 6, Step = 5 }, StartsOn = Build.Date("2024-05-06"),
        });

        // The first quarter ended in the old department: its HR grades it though the person has left, the new one may not.
        var byNew = await NothingWritten("moved-1", () => newHr.Refused<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(
            Build.Quarterly("moved-1", 2024, 1, QuarterlyGrade.FairlyGood, "2024-05-20")));
        Assert.Equal(StatusCode.PermissionDenied, byNew.StatusCode);
        Assert.Contains("'old-t'", byNew.Status.Detail);
        var first = await oldHr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(Build.Quarterly("moved-1", 2024, 1, QuarterlyGrade.FairlyGood, "2024-05-20"));
        Assert.Equal("old-t", first.Record.DepartmentId);

        var byOld = await NothingWritten("moved-1", () => oldHr.Refused<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(
            Build.Quarterly("moved-1", 2024, 2, QuarterlyGrade.FairlyGood)));
        Assert.Equal(StatusCode.PermissionDenied, byOld.StatusCode);
        Assert.Contains("AS 第二十四条", byOld.Status.Detail);
        Assert.Equal("new-t", (await newHr.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(
            Build.Quarterly("moved-1", 2024, 2, QuarterlyGrade.FairlyGood))).Record.DepartmentId);
        Assert.Equal("new-t", (await newHr.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(
            Build.Annual("moved-1", 2024, AnnualGrade.Competent))).Record.DepartmentId);
    }

    [Fact]
    public async Task AM5_recorded_qualifications_move_the_earliest_eligibility_for_the_next_post()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "shore"));
        var appointment = Build.Appointment("qual-1", "shore", "2022-01-03", Post.Staff, level: 7);
        appointment.AdministrativeRank = AdministrativeRank.FirstGradeStaff;
        appointment.AdministrativeRankSince = Build.Date("2022-01-03");
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(appointment);
        var before = await hr.Call<GetTenureRequest, GetTenureResponse>(new GetTenureRequest { EmployeeId = "qual-1", AsOf = Build.Date("2024-03-01") });

        var request = new RecordQualificationsRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "qual-1", AdministrativeRank = AdministrativeRank.DeputySection,
            AdministrativeRankSince = Build.Date("2024-03-01"), Education = Education.Bachelor, RecordedOn = Build.Date("2024-03-01"),
        };
        var recorded = await hr.Call<RecordQualificationsRequest, RecordQualificationsResponse>(request);
        var after = await hr.Call<GetTenureRequest, GetTenureResponse>(new GetTenureRequest { EmployeeId = "qual-1", AsOf = Build.Date("2024-03-01") });

        // First-grade staff since 2022-01-03 needs 3 years for deputy section chief; deputy-section rank qualifies at once.
        Assert.Equal(Build.Date("2025-01-03"), before.NextPostEligibleOn);
        Assert.Equal(Build.Date("2024-03-01"), after.NextPostEligibleOn);
        Assert.Equal(after.NextPostEligibleOn, recorded.NextPostEligibleOn);
        Assert.Single(await History("qual-1"), e => e.Type == "qualifications-recorded");
        await RetryRecordsNothing<RecordQualificationsRequest, RecordQualificationsResponse>(hr, "qual-1", request, recorded, r => r.Education = Education.Postgraduate);

        await hr.Call<SeparateRequest, SeparateResponse>(new SeparateRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "qual-1", Kind = SeparationKind.Resignation, EffectiveOn = Build.Date("2024-04-01"),
        });
        var separated = await NothingWritten("qual-1", () => hr.Refused<RecordQualificationsRequest, RecordQualificationsResponse>(new RecordQualificationsRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "qual-1", AdministrativeRank = AdministrativeRank.SectionChief,
            AdministrativeRankSince = Build.Date("2024-05-01"), Education = Education.Bachelor, RecordedOn = Build.Date("2024-05-02"),
        }));
        Assert.Equal(StatusCode.FailedPrecondition, separated.StatusCode);
        Assert.Contains("while the contract is 辞职 resigned", separated.Status.Detail);
    }

    private static RecordHealthIncapacityRequest Incapacity(string employeeId, string from, string to) => new()
    {
        RequestId = Build.RequestId(), EmployeeId = employeeId, StartsOn = Build.Date(from), EndsOn = Build.Date(to),
    };

    private async Task<IReadOnlyList<HistoryEntry>> History(string employeeId) =>
        (await server.Admin.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = employeeId })).Entries;

    /// <summary>Runs a refused call and proves it wrote nothing: the store's position and the employee's stream stay put.</summary>
    private async Task<RpcException> NothingWritten(string employeeId, Func<Task<RpcException>> call)
    {
        var position = await server.Store.GetLastPositionAsync();
        var version = await server.Store.GetStreamVersionAsync("employee:" + employeeId);
        var refused = await call();
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
        Assert.Equal(version, await server.Store.GetStreamVersionAsync("employee:" + employeeId));
        return refused;
    }

    /// <summary>The same request again returns the first answer and records nothing; the same id with other content is INVALID_ARGUMENT.</summary>
    private async Task RetryRecordsNothing<TRequest, TResponse>(Client client, string employeeId, TRequest request, TResponse first, Action<TRequest> alter)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var position = await server.Store.GetLastPositionAsync();
        Assert.Equal(first, await client.Call<TRequest, TResponse>(request));
        var other = request.Clone();
        alter(other);
        var reused = await NothingWritten(employeeId, () => client.Refused<TRequest, TResponse>(other));
        Assert.Equal(StatusCode.InvalidArgument, reused.StatusCode);
        Assert.Contains("request_id", reused.Status.Detail);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
    }
}
