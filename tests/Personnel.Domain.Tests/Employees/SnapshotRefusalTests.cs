using System.Text.Json;
using Personnel.Domain.Employees;
using Personnel.Domain.Posts;
using static Personnel.Domain.Tests.Employees.Hr;

namespace Personnel.Domain.Tests.Employees;

/// <summary>What a snapshot refuses: another format, a corrupt payload, another policy, uncommitted events; and the answers an
/// aggregate restored from one cannot give without the whole history.</summary>
public class SnapshotRefusalTests
{
    private static readonly SnapshotCareers.Career Head = SnapshotCareers.HeadWithAppealsAndCorrections();

    /// <summary>The head in service, before the transfer out, and its snapshot.</summary>
    private static (Employee Employee, string Json) InService()
    {
        var employee = Employee.FromHistory(Head.Events.Take(Head.Events.Count - 1), Head.Policy);
        return (employee, employee.ToSnapshotJson());
    }

    [Fact]
    public void ASnapshotOfAnotherFormat_IsRefusedNamingBoth()
    {
        var json = InService().Json.Replace($"{{\"format\":{Employee.SnapshotFormat},", "{\"format\":99,", StringComparison.Ordinal);

        var refused = Assert.Throws<JsonException>(() => Employee.FromSnapshotJson(json, [], Head.Policy));

        Assert.Contains($"format 99, this code reads format {Employee.SnapshotFormat}", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"version\":3,\"format\":1}")]
    [InlineData("{\"format\":\"1\"}")]
    [InlineData("{\"format\":1")]
    public void APayloadNotOpeningWithItsFormat_IsNotASnapshot(string json)
    {
        var refused = Assert.Throws<JsonException>(() => Employee.FromSnapshotJson(json, []));

        Assert.Contains("not an employee snapshot", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"format\"", null, "")]
    [InlineData("\"level\":8", "\"level\":9", "post grade level 9 is outside 1–8")]
    [InlineData("\"id\":\"zhang-san\"", "\"id\":\" \"", "the employee id is missing")]
    [InlineData("\"terminationYear\":2022,", "", "terminationYear")]
    [InlineData("\"terminationYear\":2022,", "\"terminationYear\":2022,\"bonus\":1,", "bonus")]
    [InlineData("\"merits\":[]", "\"merits\":null", "list of MeritAwarded is null")]
    [InlineData("\"state\":\"Appointed\"", "\"state\":\"Dormant\"", "$.state")]
    [InlineData("\"state\":\"Appointed\"", "\"state\":\"NotAppointed\"", "does not match its post level")]
    [InlineData("\"feedback\":[{", "\"feedback\":[{\"year\":2016,\"occurredOn\":\"2016-12-22\"},{", "AnnualFeedbackSigned of 2016 twice")]
    public void ACorruptPayload_IsRefusedAsJson_SayingWhy(string find, string? replace, string because)
    {
        var json = InService().Json;
        Assert.Contains(find, json, StringComparison.Ordinal);
        var corrupt = replace is null ? json[..(json.Length / 2)] : json.Replace(find, replace, StringComparison.Ordinal);

        var refused = Assert.ThrowsAny<JsonException>(() => Employee.FromSnapshotJson(corrupt, [], Head.Policy));

        Assert.Contains(because, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASnapshotTakenUnderAnotherPolicy_IsRefused()
    {
        var refused = Assert.Throws<JsonException>(() => Employee.FromSnapshotJson(InService().Json, [], SnapshotCareers.Yangshahu.Grading));

        Assert.Contains("another grading policy", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASnapshotOfUncommittedEvents_IsRefused_UntilTheyAreCommitted()
    {
        var employee = Employee.Appoint(D("2020-01-01"), Request());

        var refused = Assert.Throws<InvalidOperationException>(employee.ToSnapshotJson);
        employee.MarkCommitted();

        Assert.Contains("1 uncommitted event(s)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, Employee.FromSnapshotJson(employee.ToSnapshotJson(), []).Version);
    }

    [Fact]
    public void TheAnswersThatReplayTheHistory_AreRefusedOnARestoredEmployee_NamingTheWholeHistory()
    {
        var (replayed, json) = InService();
        var restored = Employee.FromSnapshotJson(json, [], Head.Policy);
        var asOf = D("2024-01-20");

        var tenure = Assert.Throws<InvalidOperationException>(() => restored.TenureOn(asOf));
        var eligibleTenure = Assert.Throws<InvalidOperationException>(() => restored.TenureOn(asOf, new EligibilityPolicy()));
        var candidate = Assert.Throws<InvalidOperationException>(() => restored.CandidateOn(asOf));

        Assert.All([tenure, eligibleTenure, candidate], refused => Assert.Contains("load the whole history", refused.Message, StringComparison.Ordinal));
        Assert.Equal(replayed.TenureOn(asOf).PostLevel, restored.PostLevel);
        Assert.True(replayed.HasWholeHistory);
        Assert.False(restored.HasWholeHistory);
    }

    [Fact]
    public void APromotionToANewPost_IsRefusedOnARestoredEmployee_AndNothingIsRaised_AGradeInThePostIsNot()
    {
        var employee = Employee.FromSnapshotJson(Employee.FromHistory(SnapshotCareers.Retired().Events.Take(2)).ToSnapshotJson(), []);
        var newPost = Level(Post.SectionChief, 4, 4);
        var sameLevelUp = employee.PostLevel with { Grade = new PostGrade(4, 4) };

        var refused = Assert.Throws<InvalidOperationException>(() => employee.Promote(D("2018-02-01"), newPost, new EligibilityPolicy(), waiver: null));
        Assert.Empty(employee.UncommittedEvents);
        employee.Promote(D("2018-02-01"), sameLevelUp, new EligibilityPolicy(), waiver: null);

        Assert.Contains("CandidateOn replays the whole history", refused.Message, StringComparison.Ordinal);
        Assert.Equal([typeof(PromotedOnTrial)], NewEventTypes(employee));
    }

    [Fact]
    public void TheDemotionFloorsReached_AreTheHistorysOnes_AndSurviveARestoreThatHasNoneOfThem()
    {
        var replayed = Employee.FromHistory(Head.Events, Head.Policy);

        var restored = Employee.FromSnapshotJson(replayed.ToSnapshotJson(), [], Head.Policy);

        Assert.Equal([D("2023-12-20")], replayed.DemotionFloorsReached);
        Assert.Equal(replayed.History.OfType<DemotionFloorReached>().Select(f => f.OccurredOn), replayed.DemotionFloorsReached);
        Assert.Empty(restored.History);
        Assert.Equal(replayed.DemotionFloorsReached, restored.DemotionFloorsReached);
    }
}
