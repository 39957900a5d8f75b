using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Server.Tests;

/// <summary>AM 第五条 at a competitive appointment (竞争上岗) through real gRPC: a candidate short of the conditions is refused
/// naming the article and the facts, and appointed when the zone committee waives them (工委研究同意); the waiver reads back.</summary>
public sealed class EligibilityWaiverTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    /// <summary>A department head candidate who has held deputy-division rank since 2023-03-01: under the 2 counted years of AM 第五条 on 2024-01-02.</summary>
    private static AppointEmployeeRequest ShortHead(string id)
    {
        var request = Build.Appointment(id, "elig", "2024-01-02", Post.DepartmentHead, level: 4);
        request.AdministrativeRank = AdministrativeRank.DeputyDivision;
        request.AdministrativeRankSince = Build.Date("2023-03-01");
        return request;
    }

    [Fact]
    public async Task AM5_a_head_short_of_two_years_at_deputy_division_is_refused_without_a_waiver_and_writes_nothing()
    {
        await server.DepartmentAsync("elig");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        var position = await server.Store.GetLastPositionAsync();

        var refused = await party.Refused<AppointEmployeeRequest, AppointEmployeeResponse>(ShortHead("short"));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("AM 第五条", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("部门正职", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("DeputyDivision or above since 2023-03-01 (0 counted years)", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("工委研究同意", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
        Assert.Equal(0, await server.Store.GetStreamVersionAsync("employee:short"));
        var missing = await party.Refused<GetEmployeeRequest, GetEmployeeResponse>(new GetEmployeeRequest { EmployeeId = "short" });
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task AM5_the_zone_committees_waiver_lets_the_appointment_stand_and_is_shown_by_GetEmployee_and_ListHistory()
    {
        await server.DepartmentAsync("elig");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        var request = ShortHead("waived");
        request.EligibilityWaivedBy = "工委 2023-12-28 会议";
        request.EligibilityWaiverReason = "表现特别优秀";

        var hired = await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(request);
        var read = await party.Call<GetEmployeeRequest, GetEmployeeResponse>(new GetEmployeeRequest { EmployeeId = "waived" });
        var history = await party.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = "waived" });

        Assert.Equal(hired.Employee, read.Employee);
        Assert.Equal((ContractState.Appointed, AppointmentMethod.Competitive), (read.Employee.State, read.Employee.Method));
        var waiver = Assert.Single(read.Employee.EligibilityWaivers);
        Assert.Equal((Post.DepartmentHead, "工委 2023-12-28 会议", "表现特别优秀", Build.Date("2024-01-02")),
            (waiver.Post, waiver.GrantedBy, waiver.Reason, waiver.GrantedOn));
        Assert.Equal(["RANK_AND_TENURE"], waiver.Conditions);
        Assert.Contains("0 counted years", waiver.Facts, StringComparison.Ordinal);
        Assert.Equal(["employee-named", "employee-appointed", "eligibility-waived"], history.Entries.Select(e => e.Type));
        using var payload = System.Text.Json.JsonDocument.Parse(history.Entries[^1].PayloadJson);
        Assert.Equal("工委 2023-12-28 会议", payload.RootElement.GetProperty("grantedBy").GetString());
    }

    [Fact]
    public async Task AM5_a_waiver_for_a_candidate_who_meets_the_conditions_or_without_its_reason_is_refused_and_writes_nothing()
    {
        await server.DepartmentAsync("elig");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        var position = await server.Store.GetLastPositionAsync();
        var eligible = Build.Appointment("eligible", "elig", "2024-01-02");
        eligible.EligibilityWaivedBy = "工委";
        eligible.EligibilityWaiverReason = "工作特殊需要";
        var noReason = ShortHead("no-reason");
        noReason.EligibilityWaivedBy = "工委";
        var recruited = ShortHead("recruited");
        recruited.Method = AppointmentMethod.DirectAppointment;
        recruited.EligibilityWaivedBy = "工委";
        recruited.EligibilityWaiverReason = "工作特殊需要";

        var nothingToWaive = await party.Refused<AppointEmployeeRequest, AppointEmployeeResponse>(eligible);
        var missingReason = await party.Refused<AppointEmployeeRequest, AppointEmployeeResponse>(noReason);
        var notCompetition = await party.Refused<AppointEmployeeRequest, AppointEmployeeResponse>(recruited);

        Assert.Equal(StatusCode.InvalidArgument, nothingToWaive.StatusCode);
        Assert.Contains("nothing for 工委 to waive", nothingToWaive.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, missingReason.StatusCode);
        Assert.Contains("eligibility_waiver_reason", missingReason.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, notCompetition.StatusCode);
        Assert.Contains("DirectAppointment is not a competition", notCompetition.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
    }

    [Fact]
    public async Task AM6_GetEmployee_returns_the_appointment_method()
    {
        await server.DepartmentAsync("elig");
        var hr = server.As(await server.KeyAsync(Role.Hr));
        var recruited = Build.Appointment("recruit", "elig", "2024-01-02", Post.Staff, level: 8);
        recruited.Method = AppointmentMethod.OpenRecruitment;
        var direct = Build.Appointment("direct", "elig", "2024-01-02", Post.Staff, level: 8);
        direct.Method = AppointmentMethod.DirectAppointment;
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(recruited);
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(direct);

        var first = await hr.Call<GetEmployeeRequest, GetEmployeeResponse>(new GetEmployeeRequest { EmployeeId = "recruit" });
        var second = await hr.Call<GetEmployeeRequest, GetEmployeeResponse>(new GetEmployeeRequest { EmployeeId = "direct" });

        Assert.Equal((AppointmentMethod.OpenRecruitment, ContractState.InProbation), (first.Employee.Method, first.Employee.State));
        Assert.Equal((AppointmentMethod.DirectAppointment, ContractState.Appointed), (second.Employee.Method, second.Employee.State));
    }
}
