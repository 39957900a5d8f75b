using Personnel.Domain.Common;
using Personnel.Domain.Employees;
using Personnel.Grains.Abstractions;

namespace Personnel.Grains.Tests.Integration;

public abstract partial class GrainSuite
{
    [Fact]
    public async Task A_retried_appointment_returns_the_first_answer_not_already_exists_and_records_nothing()
    {
        var first = await Run("chen", "2024-01-02", Appointment("chen", Planning), requestId: "hire-chen");
        var position = await Store.GetLastPositionAsync();

        var retry = await Run("chen", "2024-01-02", Appointment("chen", Planning), requestId: "hire-chen");
        await Cluster.DeactivateAsync(Employee("chen"));
        Assert.False(Cluster.IsActive(Employee("chen")));
        var coldRetry = await Run("chen", "2024-01-02", Appointment("chen", Planning), requestId: "hire-chen");

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first with { Replayed = true }, retry with { Events = first.Events });
        Assert.Equal(first.Events, retry.Events);
        Assert.Equal(retry.Snapshot, coldRetry.Snapshot);
        Assert.Equal(position, await Store.GetLastPositionAsync());
    }

    [Fact]
    public async Task A_request_id_reused_with_different_content_is_refused_and_records_nothing()
    {
        await Run("chen", "2024-01-02", Appointment("chen", Planning), requestId: "hire");
        var position = await Store.GetLastPositionAsync();

        var otherDate = await Refused(() => Run("chen", "2024-01-03", Appointment("chen", Planning), requestId: "hire"));
        var otherEmployee = await Refused(() => Run("lin", "2024-01-02", Appointment("lin", Planning), requestId: "hire"));
        var otherCommand = await Refused(() => Run("chen", "2024-03-31", new RecordQuarterlyGrade(new Quarter(2024, 1), Domain.Grading.QuarterlyGrade.Average), requestId: "hire"));

        Assert.All([otherDate, otherEmployee, otherCommand], e => Assert.Contains("reused with different content", Assert.IsType<RequestIdReusedException>(e).Message));
        Assert.Equal(position, await Store.GetLastPositionAsync());
        Assert.Null(await Store.ReadModels.GetEmployeeAsync("lin"));
    }

    [Fact]
    public async Task A_malformed_context_is_refused_as_invalid_before_anything_is_read()
    {
        await EnsureDepartmentAsync(Planning);
        var position = await Store.GetLastPositionAsync();
        var empty = await Refused(() => Employee("chen").ExecuteAsync(Appointment("chen", Planning), new CommandContext(" ", "key", D("2024-01-02")), CancellationToken.None));
        var wrongKey = await Refused(() => Run("chen", "2024-01-02", Appointment("lin", Planning)));

        Assert.Equal(ViolationKind.InvalidArgument, Assert.IsType<RuleRefusedException>(empty).ToViolation().Kind);
        Assert.Contains("this is employee chen", Assert.IsType<RuleRefusedException>(wrongKey).ToViolation().Message);
        Assert.Equal(position, await Store.GetLastPositionAsync());
    }
}
