using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Server.Tests;

/// <summary>The written feedback of the year's result, signed by the employee (AS 第九条), through real gRPC.</summary>
public sealed class AnnualFeedbackTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AS9_feedback_is_signed_once_after_the_result_is_decided_and_the_history_shows_it()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "bay"));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("fb-1", "bay", "2022-01-03"));
        await hr.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(Build.Annual("fb-1", 2024, AnnualGrade.Competent));

        var request = new SignAnnualFeedbackRequest { RequestId = Build.RequestId(), EmployeeId = "fb-1", Year = 2024, SignedOn = Build.Date("2025-01-06") };
        var signed = await hr.Call<SignAnnualFeedbackRequest, SignAnnualFeedbackResponse>(request);

        var history = await hr.Call<ListHistoryRequest, ListHistoryResponse>(new ListHistoryRequest { EmployeeId = "fb-1" });
        var entry = Assert.Single(history.Entries, e => e.Type == "annual-feedback-signed");
        Assert.Equal((Build.Date("2025-01-06"), signed.Employee.Version), (entry.OccurredOn, entry.Version));
        Assert.Contains("\"year\":2024", entry.PayloadJson);

        // The retry answers the first result; a second signature under a new request id is refused.
        var position = await server.Store.GetLastPositionAsync();
        Assert.Equal(signed, await hr.Call<SignAnnualFeedbackRequest, SignAnnualFeedbackResponse>(request));
        var reused = request.Clone();
        reused.SignedOn = Build.Date("2025-01-07");
        Assert.Equal(StatusCode.InvalidArgument, (await hr.Refused<SignAnnualFeedbackRequest, SignAnnualFeedbackResponse>(reused)).StatusCode);
        var twice = await hr.Refused<SignAnnualFeedbackRequest, SignAnnualFeedbackResponse>(new SignAnnualFeedbackRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "fb-1", Year = 2024, SignedOn = Build.Date("2025-01-08"),
        });
        Assert.Equal(StatusCode.AlreadyExists, twice.StatusCode);
        Assert.Contains("2025-01-06", twice.Status.Detail);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
    }

    [Fact]
    public async Task AS9_feedback_on_a_year_without_a_result_or_before_its_decision_is_refused_and_writes_nothing()
    {
        var hr = server.As(await server.KeyAsync(Role.Hr, "bay"));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("fb-2", "bay", "2022-01-03"));
        await hr.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(Build.Annual("fb-2", 2024, AnnualGrade.Competent));
        var position = await server.Store.GetLastPositionAsync();

        var noResult = await hr.Refused<SignAnnualFeedbackRequest, SignAnnualFeedbackResponse>(new SignAnnualFeedbackRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "fb-2", Year = 2023, SignedOn = Build.Date("2024-01-10"),
        });
        var beforeDecision = await hr.Refused<SignAnnualFeedbackRequest, SignAnnualFeedbackResponse>(new SignAnnualFeedbackRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "fb-2", Year = 2024, SignedOn = Build.Date("2024-12-17"),
        });

        Assert.Equal(StatusCode.FailedPrecondition, noResult.StatusCode);
        Assert.Contains("AS 第九条", noResult.Status.Detail);
        Assert.Contains("no 2023 result", noResult.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, beforeDecision.StatusCode);
        Assert.Contains("2024-12-18", beforeDecision.Status.Detail);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
    }
}
