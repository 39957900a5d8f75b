using Personnel.Api.V1;

namespace Personnel.Server.Tests;

/// <summary>
/// Where a leadership adjustment (AM 第十七条: 调整班子或主要负责人调离岗位) goes, through real gRPC and the department's outbox:
/// kept while the head post is empty; discharged, not delivered, by a head who takes the post after the order (the
/// appointment is the adjustment); fulfilled when the head it reached moves out of the post; and lifted from that head
/// when a correction rescinds it.
/// </summary>
public sealed class LeadershipAdjustmentSettlementTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AM17_an_adjustment_with_no_head_waits_and_a_head_appointed_after_it_discharges_it_instead_of_being_ordered_to_rotate()
    {
        await server.DepartmentAsync("vacant");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        var deputy = Build.Appointment("vac-deputy", "vacant", "2022-01-03", Post.DeputyHead, level: 5);
        deputy.AdministrativeRank = AdministrativeRank.DeputyDivision;
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(deputy);
        await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Assess("vacant", 2022, DepartmentTier._3));
        var second = await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Assess("vacant", 2023, DepartmentTier._4));
        Assert.True(second.LeadershipAdjustment);

        // Several outbox rounds (every 100 ms in tests) pass with no head: the adjustment stays, and the deputy is not ordered.
        await Task.Delay(1000);
        var waiting = await Department(party, "vacant");
        var pending = Assert.Single(waiting.PendingLeadershipAdjustments);
        Assert.Equal((2023, Build.Date("2024-01-20")), (pending.Year, pending.OrderedOn));
        Assert.Equal(("", ""), (waiting.Assessments.Single(a => a.Year == 2023).LeadershipAdjustmentDeliveredTo, waiting.Assessments.Single(a => a.Year == 2023).LeadershipAdjustmentDischargedBy));
        Assert.DoesNotContain((await History(party, "vac-deputy")).Entries, e => e.Type.StartsWith("leadership-adjustment", StringComparison.Ordinal));

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var watch = server.As(await server.KeyAsync(Role.Reader))
            .Watch(new WatchEventsRequest { Types_ = { "leadership-adjustment-discharged" }, DepartmentId = "vacant" }, cancel.Token);
        var head = Build.Appointment("vac-head", "vacant", "2024-03-01", Post.DepartmentHead, level: 4);
        head.AdministrativeRank = AdministrativeRank.DivisionHead;
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(head);

        // The appointment discharges the order: an event on the department naming the new head, on their first day.
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        var discharged = watch.ResponseStream.Current;
        Assert.Equal(("department:vacant", Build.Date("2024-03-01")), (discharged.StreamId, discharged.OccurredOn));
        Assert.Contains("\"vac-head\"", discharged.PayloadJson, StringComparison.Ordinal);
        var settled = await Department(party, "vacant");
        Assert.Empty(settled.PendingLeadershipAdjustments);
        var year = settled.Assessments.Single(a => a.Year == 2023);
        Assert.Equal((true, "", "vac-head", Build.Date("2024-03-01")),
            (year.LeadershipAdjustment, year.LeadershipAdjustmentDeliveredTo, year.LeadershipAdjustmentDischargedBy, year.LeadershipAdjustmentSettledOn));

        // The new head is not ordered to rotate on their first day: nothing in their history, no mandatory rotation due.
        await Task.Delay(500);
        Assert.DoesNotContain((await History(party, "vac-head")).Entries, e => e.Type.StartsWith("leadership-adjustment", StringComparison.Ordinal));
        var due = await party.Call<ListRotationDueRequest, ListRotationDueResponse>(
            new ListRotationDueRequest { AsOf = Build.Date("2024-03-10"), DepartmentId = "vacant", Strength = RotationStrength.Mandatory });
        Assert.Empty(due.Entries);
        var tenure = await party.Call<GetTenureRequest, GetTenureResponse>(new GetTenureRequest { EmployeeId = "vac-head", AsOf = Build.Date("2024-03-10") });
        Assert.NotEqual(RotationStrength.Mandatory, tenure.RotationDue?.Strength ?? RotationStrength.Unspecified);

        // The outbox keeps running: the discharge is recorded once, and nothing more is written.
        var position = await server.Store.GetLastPositionAsync();
        await Task.Delay(500);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
        Assert.Single(await server.Store.ReadStreamAsync("department:vacant"), e => e.Type == "leadership-adjustment-discharged");
    }

    [Fact]
    public async Task AM17_a_correction_that_rescinds_a_delivered_adjustment_lifts_the_heads_mandatory_rotation_once()
    {
        await server.DepartmentAsync("resc");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await AppointHeadAsync(party, "resc-boss", "resc");
        await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Assess("resc", 2023, DepartmentTier._3));
        await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Assess("resc", 2024, DepartmentTier._4));
        await Until(async () => (await Department(party, "resc")).Assessments.Single(a => a.Year == 2024).LeadershipAdjustmentDeliveredTo == "resc-boss");
        Assert.Equal(RotationStrength.Mandatory, (await Tenure(party, "resc-boss")).RotationDue.Strength);

        var correction = Correct("resc", 2024, DepartmentTier._2, "the township score was entered for the wrong department");
        var corrected = await party.Call<CorrectDepartmentAssessmentRequest, CorrectDepartmentAssessmentResponse>(correction);
        Assert.True(corrected.LeadershipAdjustmentRescinded);

        // The rescission reaches the head through the outbox: the rotation is due again only as the terms give it
        // (2 consecutive terms as head since 2022-01-03: advisory at the end of the 2nd term).
        await Until(async () => (await Tenure(party, "resc-boss")).RotationDue.Strength != RotationStrength.Mandatory);
        var tenure = await Tenure(party, "resc-boss");
        Assert.Equal((RotationStrength.Advisory, Build.Date("2028-01-02")), (tenure.RotationDue.Strength, tenure.RotationDue.DueOn));
        Assert.StartsWith("AM 第十二条", tenure.RotationDue.Reason, StringComparison.Ordinal);
        var mandatory = await party.Call<ListRotationDueRequest, ListRotationDueResponse>(
            new ListRotationDueRequest { AsOf = Build.Date("2025-03-01"), DepartmentId = "resc", Strength = RotationStrength.Mandatory });
        Assert.Empty(mandatory.Entries);
        var history = await History(party, "resc-boss");
        var rescinded = Assert.Single(history.Entries, e => e.Type == "leadership-adjustment-rescinded");
        Assert.Equal(Build.Date("2025-02-10"), rescinded.OccurredOn);
        var year = (await Department(party, "resc")).Assessments.Single(a => a.Year == 2024);
        Assert.Equal((false, "", ""), (year.LeadershipAdjustment, year.LeadershipAdjustmentDeliveredTo, year.LeadershipAdjustmentDischargedBy));

        // A retried correction is answered from the first and sends nothing again.
        await Task.Delay(300);
        var position = await server.Store.GetLastPositionAsync();
        Assert.Equal(corrected, await party.Call<CorrectDepartmentAssessmentRequest, CorrectDepartmentAssessmentResponse>(correction));
        await Task.Delay(500);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
        Assert.Single((await History(party, "resc-boss")).Entries, e => e.Type == "leadership-adjustment-rescinded");
    }

    [Fact]
    public async Task AM17_a_rescinded_adjustment_that_was_still_waiting_never_reaches_a_later_head()
    {
        await server.DepartmentAsync("resc-wait");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Assess("resc-wait", 2023, DepartmentTier._3));
        await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Assess("resc-wait", 2024, DepartmentTier._4));
        Assert.Single((await Department(party, "resc-wait")).PendingLeadershipAdjustments);

        await party.Call<CorrectDepartmentAssessmentRequest, CorrectDepartmentAssessmentResponse>(Correct("resc-wait", 2024, DepartmentTier._2, "recount"));
        Assert.Empty((await Department(party, "resc-wait")).PendingLeadershipAdjustments);

        await AppointHeadAsync(party, "resc-wait-head", "resc-wait", "2025-03-01");
        await Task.Delay(1000);
        Assert.DoesNotContain((await History(party, "resc-wait-head")).Entries, e => e.Type.StartsWith("leadership-adjustment", StringComparison.Ordinal));
        Assert.DoesNotContain(await server.Store.ReadStreamAsync("department:resc-wait"),
            e => e.Type is "leadership-adjustment-discharged" or "leadership-adjustment-delivered");
        Assert.NotEqual(RotationStrength.Mandatory, (await Tenure(party, "resc-wait-head", "2025-03-10")).RotationDue?.Strength ?? RotationStrength.Unspecified);
    }

    [Fact]
    public async Task AM17_a_head_who_moves_out_of_the_post_fulfils_the_adjustment_and_a_later_rescission_writes_nothing_to_them()
    {
        await server.DepartmentAsync("moved");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await AppointHeadAsync(party, "moved-boss", "moved");
        await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Assess("moved", 2023, DepartmentTier._3));
        await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Assess("moved", 2024, DepartmentTier._4));
        await Until(async () => (await Department(party, "moved")).Assessments.Single(a => a.Year == 2024).LeadershipAdjustmentDeliveredTo == "moved-boss");
        Assert.Equal(RotationStrength.Mandatory, (await Tenure(party, "moved-boss")).RotationDue.Strength);

        // 主要负责人调离岗位: the principal leader moves out of the head post; the order is fulfilled.
        await party.Call<ChangePostRequest, ChangePostResponse>(new ChangePostRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "moved-boss", EffectiveOn = Build.Date("2025-02-01"), Reason = "leadership adjusted (AM 第十七条)",
            PostLevel = new PostLevel { Post = Post.DeputyHead, GradeLevel = 4, Step = 1 },
        });
        Assert.NotEqual(RotationStrength.Mandatory, (await Tenure(party, "moved-boss")).RotationDue?.Strength ?? RotationStrength.Unspecified);
        var version = await server.Store.GetStreamVersionAsync("employee:moved-boss");

        // A rescission now finds no order held: the former head's grain refuses it and nothing is written to them.
        await party.Call<CorrectDepartmentAssessmentRequest, CorrectDepartmentAssessmentResponse>(Correct("moved", 2024, DepartmentTier._2, "recount"));
        await Until(async () => (await server.Store.ReadModels.ListDocumentsAsync("outbox:leadership-adjustment", null, 100)).All(d => !d.Key.StartsWith("moved:", StringComparison.Ordinal)));
        await Task.Delay(300);
        Assert.Equal(version, await server.Store.GetStreamVersionAsync("employee:moved-boss"));
        Assert.DoesNotContain((await History(party, "moved-boss")).Entries, e => e.Type == "leadership-adjustment-rescinded");
    }

    private static async Task AppointHeadAsync(Client party, string id, string department, string on = "2022-01-03")
    {
        var head = Build.Appointment(id, department, on, Post.DepartmentHead, level: 4);
        head.AdministrativeRank = AdministrativeRank.DivisionHead;
        head.AdministrativeRankSince = Build.Date("2010-01-01");
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(head);
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the outbox did not settle within 10 s");
    }

    private static async Task<Department> Department(Client party, string id) =>
        (await party.Call<GetDepartmentRequest, GetDepartmentResponse>(new GetDepartmentRequest { DepartmentId = id })).Department;

    private static Task<ListHistoryResponse> History(Client party, string id) =>
        party.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = id });

    private static Task<GetTenureResponse> Tenure(Client party, string id, string asOf = "2025-03-01") =>
        party.Call<GetTenureRequest, GetTenureResponse>(new GetTenureRequest { EmployeeId = id, AsOf = Build.Date(asOf) });

    private static RecordDepartmentAssessmentRequest Assess(string departmentId, int year, DepartmentTier tier) => new()
    {
        RequestId = Build.RequestId(), DepartmentId = departmentId, Year = year, Tier = tier, DecidedOn = Build.Date($"{year + 1}-01-20"),
    };

    private static CorrectDepartmentAssessmentRequest Correct(string departmentId, int year, DepartmentTier tier, string reason) => new()
    {
        RequestId = Build.RequestId(), DepartmentId = departmentId, Year = year, Tier = tier, Reason = reason, DecidedOn = Build.Date($"{year + 1}-02-10"),
    };
}
