using Personnel.Api.V1;

namespace Personnel.Server.Tests;

/// <summary>A department with yellow cards two years running (AM 第十七条): the leadership adjustment reaches the head.</summary>
public sealed class YellowCardTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AM17_two_yellow_cards_running_adjust_the_leadership_and_make_the_heads_rotation_mandatory_now()
    {
        await server.DepartmentAsync("works");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        var head = Build.Appointment("boss", "works", "2022-01-03", Post.DepartmentHead, level: 4);
        head.AdministrativeRank = AdministrativeRank.DivisionHead;
        head.AdministrativeRankSince = Build.Date("2010-01-01");
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(head);

        var first = await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Assessment(2022, DepartmentTier._3, "2023-01-20"));
        var second = await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(Assessment(2023, DepartmentTier._4, "2024-01-20"));

        Assert.Equal((true, false), (first.YellowCard, first.LeadershipAdjustment));
        Assert.Equal((true, true), (second.YellowCard, second.LeadershipAdjustment));
        var department = await party.Call<GetDepartmentRequest, GetDepartmentResponse>(new GetDepartmentRequest { DepartmentId = "works" });
        Assert.Equal([(2022, true, false), (2023, true, true)],
            department.Department.Assessments.Select(a => (a.Year, a.YellowCard, a.LeadershipAdjustment)));
        Assert.Equal(1, department.Department.Headcount);

        // The adjustment reaches the head through the department's outbox, after the call: wait for it.
        var query = new ListRotationDueRequest { AsOf = Build.Date("2024-02-01"), DepartmentId = "works", Strength = RotationStrength.Mandatory };
        ListRotationDueResponse due = new();
        for (var attempt = 0; attempt < 100 && due.Entries.Count == 0; attempt++)
        {
            await Task.Delay(100);
            due = await party.Call<ListRotationDueRequest, ListRotationDueResponse>(query);
        }

        var entry = Assert.Single(due.Entries);
        Assert.Equal(("boss", RotationStrength.Mandatory, "Name of boss"), (entry.EmployeeId, entry.Strength, entry.Name));
        Assert.Equal("AM 第十七条: the yellow cards of works forced a leadership adjustment, ordered on 2024-01-20: the head's rotation is mandatory now", entry.Reason);
        var tenure = await party.Call<GetTenureRequest, GetTenureResponse>(new GetTenureRequest { EmployeeId = "boss", AsOf = Build.Date("2024-02-01") });
        Assert.Equal(RotationStrength.Mandatory, tenure.RotationDue.Strength);

        // The department records whom the order reached (the head in the post when it was ordered), once it settled.
        GetDepartmentResponse settled = new();
        for (var attempt = 0; attempt < 100 && settled.Department?.Assessments.Single(a => a.Year == 2023).LeadershipAdjustmentDeliveredTo is null or ""; attempt++)
        {
            await Task.Delay(100);
            settled = await party.Call<GetDepartmentRequest, GetDepartmentResponse>(new GetDepartmentRequest { DepartmentId = "works" });
        }

        var year = settled.Department.Assessments.Single(a => a.Year == 2023);
        Assert.Equal(("boss", "", Build.Date("2024-01-20")), (year.LeadershipAdjustmentDeliveredTo, year.LeadershipAdjustmentDischargedBy, year.LeadershipAdjustmentSettledOn));
        Assert.Empty(settled.Department.PendingLeadershipAdjustments);
    }

    [Fact]
    public async Task AM12_rotation_due_pages_with_an_opaque_token_and_refuses_a_forged_one()
    {
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await server.DepartmentAsync("mills");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var head = Build.Appointment($"chief-{i}", "mills", "2017-01-0" + (2 + i), Post.SectionChief, level: 5);
            head.AdministrativeRank = AdministrativeRank.SectionChief; // AM 第五条: a section chief competes from section-chief rank
            await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(head);
            ids.Add(head.EmployeeId);
        }

        var seen = new List<string>();
        var reasons = new List<string>();
        var request = new ListRotationDueRequest { AsOf = Build.Date("2024-06-01"), DepartmentId = "mills", PageSize = 2, WindowDays = 3650 };
        var pages = 0;
        do
        {
            var page = await party.Call<ListRotationDueRequest, ListRotationDueResponse>(request);
            seen.AddRange(page.Entries.Select(e => e.EmployeeId));
            reasons.AddRange(page.Entries.Select(e => $"{e.EmployeeId}: {e.Reason}"));
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken.Length > 0 && pages < 10);

        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(2, pages);
        Assert.Equal(
            Enumerable.Range(0, 3).Select(i => $"chief-{i}: AM 第十二条: 2 consecutive terms as section chief/deputy in the same post in mills since 2017-01-0{2 + i}"),
            reasons.Order());
        request.PageToken = "not-a-token";
        var refused = await party.Refused<ListRotationDueRequest, ListRotationDueResponse>(request);
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, refused.StatusCode);
    }

    private static RecordDepartmentAssessmentRequest Assessment(int year, DepartmentTier tier, string on) => new()
    {
        RequestId = Build.RequestId(), DepartmentId = "works", Year = year, Tier = tier, DecidedOn = Build.Date(on),
    };
}
