using Google.Protobuf;
using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Server.Tests;

/// <summary>Every RPC answers malformed input with INVALID_ARGUMENT (or a rule's FAILED_PRECONDITION) and a message
/// naming the field, and writes nothing: the store's last position, the stream, the history and the read model stay put.</summary>
public sealed class MalformedInputTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static AppointEmployeeRequest Appoint(Action<AppointEmployeeRequest> change)
    {
        var request = Build.Appointment("m-new", "mal", "2024-01-02");
        change(request);
        return request;
    }

    private static RecordQuarterlyGradeRequest Quarterly(Action<RecordQuarterlyGradeRequest> change)
    {
        var request = Build.Quarterly("m-1", 2024, 2, QuarterlyGrade.Average);
        change(request);
        return request;
    }

    public static IEnumerable<(string Case, Func<Client, Task<RpcException>> Call, StatusCode Code, string Fragment)> Cases() =>
    [
        ("appoint without employee id", c => Refuse(c, Appoint(r => r.EmployeeId = "")), StatusCode.InvalidArgument, "employee_id is missing"),
        ("appoint at grade level 9", c => Refuse(c, Appoint(r => r.PostLevel.GradeLevel = 9)), StatusCode.InvalidArgument, "grade_level 9"),
        ("appoint on 2023-02-30", c => Refuse(c, Appoint(r => r.StartsOn = new Google.Type.Date { Year = 2023, Month = 2, Day = 30 })), StatusCode.InvalidArgument, "2023-02-30"),
        ("appoint with method 99", c => Refuse(c, Appoint(r => r.Method = (AppointmentMethod)99)), StatusCode.InvalidArgument, "method 99"),
        ("appoint to post 99", c => Refuse(c, Appoint(r => r.PostLevel.Post = (Post)99)), StatusCode.InvalidArgument, "post_level.post 99"),
        ("appoint into a department never created", c => Refuse(c, Build.Appointment("m-nowhere", "nowhere", "2024-01-02")), StatusCode.NotFound,
            "(AM 第二条): m-nowhere would be appointed into department 'nowhere', which does not exist"),
        ("appoint starting after today", c => Refuse(c, Appoint(r => r.StartsOn = Build.Date("2026-03-02"))), StatusCode.FailedPrecondition,
            "starts_on 2026-03-02 is after today, 2026-03-01 (Asia/Shanghai)"),
        ("quarterly grade decided after today", c => Refuse(c, Build.Quarterly("m-1", 2026, 1, QuarterlyGrade.Good, "2026-04-06")), StatusCode.FailedPrecondition,
            "记录日期不得晚于当日): the decision date 2026-04-06 is after today, 2026-03-01"),
        ("quarterly grade imported for another department", c => Refuse(c, Quarterly(r => r.DepartmentId = "harbour")), StatusCode.FailedPrecondition,
            "(AS 第二十四条): m-1 is graded for 2024 Q2 by department 'mal', not by 'harbour' named for this import"),
        ("department assessed after today", c => Refuse(c, new RecordDepartmentAssessmentRequest
        {
            RequestId = Build.RequestId(), DepartmentId = "mal", Year = 2025, Tier = DepartmentTier._2, DecidedOn = Build.Date("2026-12-31"),
        }), StatusCode.FailedPrecondition, "decided_on 2026-12-31 is after today"),
        ("appoint without retirement date", c => Refuse(c, Appoint(r => r.RetirementOn = null)), StatusCode.InvalidArgument, "retirement_on is missing"),
        ("quarter 5", c => Refuse(c, Quarterly(r => r.Quarter = 5)), StatusCode.InvalidArgument, "quarter 5"),
        ("quarterly grade 42", c => Refuse(c, Quarterly(r => r.Grade = (QuarterlyGrade)42)), StatusCode.InvalidArgument, "grade 42"),
        ("quarterly grade without outcome", c => Refuse(c, Quarterly(r => r.ClearOutcome())), StatusCode.InvalidArgument, "outcome is missing"),
        ("quarterly grade without request id", c => Refuse(c, Quarterly(r => r.RequestId = "")), StatusCode.InvalidArgument, "request_id is missing"),
        ("no grade without reason", c => Refuse(c, Quarterly(r => r.NoGrade = new NoGrade())), StatusCode.InvalidArgument, "no_grade.reason"),
        ("quarterly grade decided before the quarter ends", c => Refuse(c, Quarterly(r => r.DecidedOn = Build.Date("2024-05-01"))), StatusCode.FailedPrecondition, "第"),
        ("annual grade for 1800", c => Refuse(c, new RecordAnnualGradeRequest { RequestId = Build.RequestId(), EmployeeId = "m-1", Year = 1800, Grade = AnnualGrade.Competent }), StatusCode.InvalidArgument, "year 1800"),
        ("more incompetent votes than votes", c => Refuse(c, new RecordAnnualGradeRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", Year = 2024, Grade = AnnualGrade.Incompetent,
            DemocraticEvaluation = new DemocraticEvaluation { VotesCast = 3, VotesIncompetent = 4 },
        }), StatusCode.InvalidArgument, "votes_incompetent 4"),
        ("post level as of 2023-13-01", c => Refuse(c, new GetPostLevelRequest { EmployeeId = "m-1", AsOf = new Google.Type.Date { Year = 2023, Month = 13, Day = 1 } }), StatusCode.InvalidArgument, "2023-13-01"),
        ("employee without id", c => Refuse(c, new GetEmployeeRequest()), StatusCode.InvalidArgument, "employee_id is missing"),
        ("unknown employee", c => Refuse(c, new GetEmployeeRequest { EmployeeId = "nobody" }), StatusCode.NotFound, "nobody"),
        ("separation without kind", c => Refuse(c, new SeparateRequest { RequestId = Build.RequestId(), EmployeeId = "m-1" }), StatusCode.InvalidArgument, "kind 0"),
        ("dismissal without cause", c => Refuse(c, new SeparateRequest { RequestId = Build.RequestId(), EmployeeId = "m-1", Kind = SeparationKind.Dismissal, Reason = "x" }), StatusCode.InvalidArgument, "第十八条"),
        ("leave ending before it starts", c => Refuse(c, new RecordLeaveRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", Kind = LeaveKind.Sick, StartsOn = Build.Date("2024-03-10"), EndsOn = Build.Date("2024-03-01"),
        }), StatusCode.InvalidArgument, "before starts_on"),
        ("sanction kind 77", c => Refuse(c, new RecordSanctionRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", Kind = (SanctionKind)77, Source = SanctionSource.Government, StartsOn = Build.Date("2024-03-01"), Reason = "x",
        }), StatusCode.InvalidArgument, "kind 77"),
        ("investigation without action", c => Refuse(c, new RecordInvestigationRequest { RequestId = Build.RequestId(), EmployeeId = "m-1" }), StatusCode.InvalidArgument, "action is missing"),
        ("history after version -1", c => Refuse(c, new ListHistoryRequest { EmployeeId = "m-1", AfterVersion = -1 }), StatusCode.InvalidArgument, "after_version -1"),
        ("department without kind", c => Refuse(c, new CreateDepartmentRequest { RequestId = Build.RequestId(), DepartmentId = "new", Name = "New" }), StatusCode.InvalidArgument, "kind 0"),
        ("assessment with tier 0", c => Refuse(c, new RecordDepartmentAssessmentRequest { RequestId = Build.RequestId(), DepartmentId = "mal", Year = 2024 }), StatusCode.InvalidArgument, "tier 0"),
        ("city rank 5 of 4", c => Refuse(c, new RecordDepartmentAssessmentRequest
        {
            RequestId = Build.RequestId(), DepartmentId = "mal", Year = 2024, Tier = DepartmentTier._2, CityRank = 5, CityGroupSize = 4,
        }), StatusCode.InvalidArgument, "city_rank 5"),
        ("quotas of year 0", c => Refuse(c, new GetQuotasRequest { DepartmentId = "mal" }), StatusCode.InvalidArgument, "year 0"),
        ("rotation page of 5000", c => Refuse(c, new ListRotationDueRequest { PageSize = 5000 }), StatusCode.InvalidArgument, "page_size 5000"),
        ("rotation strength 9", c => Refuse(c, new ListRotationDueRequest { Strength = (RotationStrength)9 }), StatusCode.InvalidArgument, "strength 9"),
        ("coefficients without employee", c => Refuse(c, new GetCoefficientsRequest { Year = 2024 }), StatusCode.InvalidArgument, "employee_id is missing"),
        ("pay pool of abc yuan", c => Refuse(c, new AllocateAnnualPerformancePayRequest { Year = 2024, TotalPay = new Money { Yuan = "abc" } }), StatusCode.InvalidArgument, "total_pay"),
        ("key without role", c => Refuse(c, new CreateApiKeyRequest { RequestId = Build.RequestId(), Name = "x" }), StatusCode.InvalidArgument, "role"),
        ("watch from position -5", c => RefuseWatch(c, new WatchEventsRequest { AfterPosition = -5 }), StatusCode.InvalidArgument, "after_position -5"),
        ("a request id reused for other content", c => Refuse(c, Quarterly(r => { r.RequestId = "m-1-q1"; r.Quarter = 1; r.Grade = QuarterlyGrade.FairlyGood; })), StatusCode.InvalidArgument, "request_id 'm-1-q1'"),
        ("open renewal without employee id", c => Refuse(c, new OpenRenewalRequest { RequestId = Build.RequestId() }), StatusCode.InvalidArgument, "employee_id is missing"),
        ("open renewal without request id", c => Refuse(c, new OpenRenewalRequest { EmployeeId = "m-1" }), StatusCode.InvalidArgument, "request_id is missing"),
        ("open renewal before the window", c => Refuse(c, new OpenRenewalRequest { RequestId = Build.RequestId(), EmployeeId = "m-1" }), StatusCode.FailedPrecondition, "AM 第九条"),
        ("change post without reason", c => Refuse(c, new ChangePostRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", PostLevel = new PostLevel { Post = Post.Staff, GradeLevel = 7, Step = 1 },
        }), StatusCode.InvalidArgument, "reason is missing"),
        ("change post to step 20", c => Refuse(c, new ChangePostRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", Reason = "x", PostLevel = new PostLevel { Post = Post.Staff, GradeLevel = 7, Step = 20 },
        }), StatusCode.InvalidArgument, "post_level.step 20"),
        ("change post to post 99", c => Refuse(c, new ChangePostRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", Reason = "x", PostLevel = new PostLevel { Post = (Post)99, GradeLevel = 7, Step = 1 },
        }), StatusCode.InvalidArgument, "post_level.post 99"),
        ("health incapacity on 2024-02-30", c => Refuse(c, new RecordHealthIncapacityRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", StartsOn = new Google.Type.Date { Year = 2024, Month = 2, Day = 30 }, EndsOn = Build.Date("2024-03-10"),
        }), StatusCode.InvalidArgument, "2024-02-30"),
        ("health incapacity ending before it starts", c => Refuse(c, new RecordHealthIncapacityRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", StartsOn = Build.Date("2024-03-10"), EndsOn = Build.Date("2024-03-01"),
        }), StatusCode.InvalidArgument, "before starts_on"),
        ("secondment without receiving department", c => Refuse(c, new RecordSecondmentRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", StartsOn = Build.Date("2024-04-01"), EndsOn = Build.Date("2024-06-30"),
        }), StatusCode.InvalidArgument, "receiving_department_id is missing"),
        ("secondment to its own department", c => Refuse(c, new RecordSecondmentRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", ReceivingDepartmentId = "mal", StartsOn = Build.Date("2024-04-01"), EndsOn = Build.Date("2024-06-30"),
        }), StatusCode.InvalidArgument, "AS 第二十四条"),
        ("secondment to an unknown department", c => Refuse(c, new RecordSecondmentRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", ReceivingDepartmentId = "nowhere", StartsOn = Build.Date("2024-04-01"), EndsOn = Build.Date("2024-06-30"),
        }), StatusCode.NotFound, "nowhere"),
        ("qualifications with rank 42", c => Refuse(c, new RecordQualificationsRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", AdministrativeRank = (AdministrativeRank)42, AdministrativeRankSince = Build.Date("2024-01-01"), Education = Education.Bachelor,
        }), StatusCode.InvalidArgument, "administrative_rank 42"),
        ("qualifications without education", c => Refuse(c, new RecordQualificationsRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", AdministrativeRank = AdministrativeRank.SectionChief, AdministrativeRankSince = Build.Date("2024-01-01"),
        }), StatusCode.InvalidArgument, "education is missing"),
        ("qualifications with a rank held from the future", c => Refuse(c, new RecordQualificationsRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", AdministrativeRank = AdministrativeRank.SectionChief, AdministrativeRankSince = Build.Date("2024-06-01"),
            Education = Education.Bachelor, RecordedOn = Build.Date("2024-05-01"),
        }), StatusCode.InvalidArgument, "administrative_rank_since 2024-06-01"),
        ("ranking place 0 of 10", c => Refuse(c, new RecordRankingPlaceRequest { RequestId = Build.RequestId(), EmployeeId = "m-1", Year = 2025, GroupSize = 10 }), StatusCode.InvalidArgument, "place 0"),
        ("ranking place 3 and 9 from the bottom of 10", c => Refuse(c, new RecordRankingPlaceRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", Year = 2025, Place = 3, GroupSize = 10, PlaceFromBottom = 9,
        }), StatusCode.InvalidArgument, "place_from_bottom 9"),
        ("ranking place under the grade-based weihai-2020 profile", c => Refuse(c, new RecordRankingPlaceRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", Year = 2025, Place = 10, GroupSize = 10, DecidedOn = Build.Date("2025-12-20"),
        }), StatusCode.FailedPrecondition, "洋沙湖 三(五)19): the running policy profile 'weihai-2020'"),
        ("feedback for year 0", c => Refuse(c, new SignAnnualFeedbackRequest { RequestId = Build.RequestId(), EmployeeId = "m-1" }), StatusCode.InvalidArgument, "year 0"),
        ("feedback on a year without a result", c => Refuse(c, new SignAnnualFeedbackRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "m-1", Year = 2025, SignedOn = Build.Date("2026-01-05"),
        }), StatusCode.FailedPrecondition, "AS 第九条"),
        ("correction without reason", c => Refuse(c, new CorrectDepartmentAssessmentRequest
        {
            RequestId = Build.RequestId(), DepartmentId = "mal", Year = 2024, Tier = DepartmentTier._2,
        }), StatusCode.InvalidArgument, "reason is missing"),
        ("correction with tier 7", c => Refuse(c, new CorrectDepartmentAssessmentRequest
        {
            RequestId = Build.RequestId(), DepartmentId = "mal", Year = 2024, Tier = (DepartmentTier)7, Reason = "x",
        }), StatusCode.InvalidArgument, "tier 7"),
        ("correction without department", c => Refuse(c, new CorrectDepartmentAssessmentRequest
        {
            RequestId = Build.RequestId(), Year = 2024, Tier = DepartmentTier._2, Reason = "x",
        }), StatusCode.InvalidArgument, "department_id is missing"),
        ("correction of a year never assessed", c => Refuse(c, new CorrectDepartmentAssessmentRequest
        {
            RequestId = Build.RequestId(), DepartmentId = "mal", Year = 2024, Tier = DepartmentTier._2, Reason = "x", DecidedOn = Build.Date("2025-02-01"),
        }), StatusCode.NotFound, "no assessment for 2024"),
    ];

    [Fact]
    public async Task Every_malformed_request_is_refused_with_an_actionable_message_and_writes_nothing()
    {
        await server.DepartmentAsync("mal");
        var admin = server.Admin;
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("m-1", "mal", "2024-01-02"));
        var q1 = Build.Quarterly("m-1", 2024, 1, QuarterlyGrade.Average);
        q1.RequestId = "m-1-q1";
        await party.Call<RecordQuarterlyGradeRequest, RecordQuarterlyGradeResponse>(q1);

        var position = await server.Store.GetLastPositionAsync();
        var version = await server.Store.GetStreamVersionAsync("employee:m-1");
        var view = await server.Store.ReadModels.GetEmployeeAsync("m-1");
        var history = await party.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = "m-1" });

        var failures = new List<string>();
        foreach (var (name, call, code, fragment) in Cases())
        {
            var refused = await call(name.StartsWith("key", StringComparison.Ordinal) ? admin : party);
            if (refused.StatusCode != code || !refused.Status.Detail.Contains(fragment, StringComparison.Ordinal))
            {
                failures.Add($"{name}: {refused.StatusCode} \"{refused.Status.Detail}\", expected {code} with \"{fragment}\"");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
        Assert.Equal(version, await server.Store.GetStreamVersionAsync("employee:m-1"));
        Assert.Equal(view, await server.Store.ReadModels.GetEmployeeAsync("m-1"));
        Assert.Equal(history, await party.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = "m-1" }));
    }

    private static Task<RpcException> Refuse<TRequest>(Client client, TRequest request)
        where TRequest : class, IMessage<TRequest> =>
        Assert.ThrowsAsync<RpcException>(() => Call(client, request));

    private static async Task Call<TRequest>(Client client, TRequest request)
        where TRequest : class, IMessage<TRequest>
    {
        var method = Client.MethodFor(typeof(TRequest));
        var invoke = typeof(Client).GetMethod(nameof(Client.Call))!.MakeGenericMethod(typeof(TRequest), method.OutputType.ClrType);
        await (Task)invoke.Invoke(client, [request])!;
    }

    private static async Task<RpcException> RefuseWatch(Client client, WatchEventsRequest request)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var call = client.Watch(request, cancel.Token);
        return await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(cancel.Token));
    }
}
