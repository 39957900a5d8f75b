using Personnel.Api.V1;
using Grpc.Core;

namespace Personnel.Client.Tests;

public sealed class CallRunnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static PersonnelClient NewClient(RecordingInvoker invoker, int maxRetries = 3) =>
        new(invoker, new PersonnelClientOptions
        {
            ApiKey = "k-secret",
            DefaultDeadline = TimeSpan.FromSeconds(7),
            MaxRetries = maxRetries,
            RetryBackoff = TimeSpan.Zero,
            TimeProvider = new FixedClock(Now),
        });

    private static RecordQuarterlyGradeResponse Recorded() => new() { Record = new QuarterlyGradeRecord { EmployeeId = "e-1", PayPercent = 100 } };

    [Fact]
    public async Task Write_WithEmptyRequestId_GetsANewIdBeforeItIsSent()
    {
        var invoker = new RecordingInvoker().Answer(_ => Recorded());
        var request = new RecordQuarterlyGradeRequest { EmployeeId = "e-1", Year = 2026, Quarter = 1, Grade = QuarterlyGrade.Good };

        await NewClient(invoker).Grading.RecordQuarterlyGradeAsync(request);

        var sent = (RecordQuarterlyGradeRequest)invoker.Calls.Single().Request;
        Assert.Matches("^[0-9a-f]{32}$", sent.RequestId);
        Assert.Equal(sent.RequestId, request.RequestId);
    }

    [Fact]
    public async Task Write_WithCallersRequestId_KeepsIt()
    {
        var invoker = new RecordingInvoker().Answer(_ => Recorded());

        await NewClient(invoker).Grading.RecordQuarterlyGradeAsync(
            new RecordQuarterlyGradeRequest { RequestId = "mine-1", EmployeeId = "e-1", Year = 2026, Quarter = 1, Grade = QuarterlyGrade.Good });

        Assert.Equal("mine-1", ((RecordQuarterlyGradeRequest)invoker.Calls.Single().Request).RequestId);
    }

    [Fact]
    public async Task Write_RefusedAsUnavailableTwice_IsRetriedWithTheSameRequestIdAndSucceeds()
    {
        var invoker = new RecordingInvoker()
            .Fail(StatusCode.Unavailable, "connection refused")
            .Fail(StatusCode.Unavailable, "connection refused")
            .Answer(_ => Recorded());

        var response = await NewClient(invoker).Grading.RecordQuarterlyGradeAsync(
            new RecordQuarterlyGradeRequest { EmployeeId = "e-1", Year = 2026, Quarter = 1, Grade = QuarterlyGrade.Good });

        Assert.Equal(100, response.Record.PayPercent);
        Assert.Equal(3, invoker.Calls.Count);
        var ids = invoker.Calls.Select(c => ((RecordQuarterlyGradeRequest)c.Request).RequestId).Distinct().ToList();
        Assert.Single(ids);
        Assert.False(string.IsNullOrEmpty(ids[0]));
    }

    [Fact]
    public async Task Write_StillUnavailableAfterMaxRetries_ThrowsPersonnelExceptionWithTheStatus()
    {
        var invoker = new RecordingInvoker()
            .Fail(StatusCode.Unavailable, "down")
            .Fail(StatusCode.Unavailable, "down")
            .Fail(StatusCode.Unavailable, "still down");

        var ex = await Assert.ThrowsAsync<PersonnelException>(() => NewClient(invoker, maxRetries: 2).Grading.RecordQuarterlyGradeAsync(
            new RecordQuarterlyGradeRequest { EmployeeId = "e-1", Year = 2026, Quarter = 1, Grade = QuarterlyGrade.Good }));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal("still down", ex.Message);
        Assert.Equal("/personnel.v1.GradingService/RecordQuarterlyGrade", ex.Method);
        Assert.Equal(3, invoker.Calls.Count);
    }

    [Fact]
    public async Task RuleRefusal_IsNotRetried_AndCarriesTheRulesMessageAndCode()
    {
        const string Rule = "AS 第八条: the Good quota of d-1 2026 Q1 is 2 of 5 eligible and 2 are granted.";
        var invoker = new RecordingInvoker().Fail(StatusCode.FailedPrecondition, Rule);

        var ex = await Assert.ThrowsAsync<PersonnelException>(() => NewClient(invoker).Grading.RecordQuarterlyGradeAsync(
            new RecordQuarterlyGradeRequest { EmployeeId = "e-1", Year = 2026, Quarter = 1, Grade = QuarterlyGrade.Good }));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal(Rule, ex.Message);
        Assert.False(ex.IsTransient);
        Assert.Single(invoker.Calls);
    }

    [Fact]
    public async Task CallWithoutRequestIdThatIsNotARead_IsNotRetried()
    {
        var invoker = new RecordingInvoker().Fail(StatusCode.Unavailable, "down").Answer(_ => new AllocateAnnualPerformancePayResponse());

        var ex = await Assert.ThrowsAsync<PersonnelException>(() => NewClient(invoker).Pay.AllocateAnnualPerformancePayAsync(
            new AllocateAnnualPerformancePayRequest { Year = 2026 }));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Single(invoker.Calls);
    }

    [Fact]
    public async Task Read_IsRetriedOnUnavailable()
    {
        var invoker = new RecordingInvoker()
            .Fail(StatusCode.Unavailable, "down")
            .Answer(_ => new GetPostLevelResponse { EmployeeId = "e-1", PostLevel = new PostLevel { Post = Post.Staff, GradeLevel = 6, Step = 3 } });

        var response = await NewClient(invoker).Employees.GetPostLevelAsync(new GetPostLevelRequest { EmployeeId = "e-1" });

        Assert.Equal(6, response.PostLevel.GradeLevel);
        Assert.Equal(2, invoker.Calls.Count);
    }

    [Fact]
    public async Task EveryCall_CarriesTheBearerKeyAndADeadlineFromTheClock()
    {
        var invoker = new RecordingInvoker().Answer(_ => new GetEmployeeResponse());

        await NewClient(invoker).Employees.GetEmployeeAsync(new GetEmployeeRequest { EmployeeId = "e-1" });

        var options = invoker.Calls.Single().Options;
        Assert.Equal("Bearer k-secret", options.Headers!.GetValue("authorization"));
        Assert.Equal(Now.UtcDateTime.AddSeconds(7), options.Deadline);
        Assert.Equal("/personnel.v1.EmployeeService/GetEmployee", invoker.Calls.Single().Method);
    }

    [Fact]
    public async Task ClientWithoutKey_SendsNoAuthorizationHeader()
    {
        var invoker = new RecordingInvoker().Answer(_ => new GetEmployeeResponse());
        var client = new EmployeeServiceClient(invoker, new PersonnelClientOptions { DefaultDeadline = null });

        await client.GetEmployeeAsync(new GetEmployeeRequest { EmployeeId = "e-1" });

        Assert.Null(invoker.Calls.Single().Options.Headers);
        Assert.Null(invoker.Calls.Single().Options.Deadline);
    }

    [Fact]
    public async Task Import_GivesEveryRowWithoutRequestIdItsOwn_AndKeepsTheGivenOnes()
    {
        var invoker = new RecordingInvoker().Answer(_ => new ImportQuarterlyGradesResponse { Recorded = 3 });
        ImportQuarterlyGradeRow Row(int n, string id) => new()
        {
            RowNumber = n,
            Grade = new RecordQuarterlyGradeRequest { RequestId = id, EmployeeId = $"e-{n}", Year = 2026, Quarter = 1, Grade = QuarterlyGrade.Average },
        };

        var response = await NewClient(invoker).Grading.ImportQuarterlyGradesAsync([Row(2, ""), Row(3, "given"), Row(4, "")]);

        Assert.Equal(3, response.Recorded);
        var ids = invoker.StreamedRequests.Cast<ImportQuarterlyGradeRow>().Select(r => r.Grade.RequestId).ToList();
        Assert.Equal("given", ids[1]);
        Assert.Matches("^[0-9a-f]{32}$", ids[0]);
        Assert.Matches("^[0-9a-f]{32}$", ids[2]);
        Assert.NotEqual(ids[0], ids[2]);
    }

    [Theory]
    [InlineData(-1, 30)]
    [InlineData(3, 0)]
    public void InvalidOptions_AreRefusedNamingTheOption(int maxRetries, int deadlineSeconds)
    {
        var options = new PersonnelClientOptions { MaxRetries = maxRetries, DefaultDeadline = TimeSpan.FromSeconds(deadlineSeconds) };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PersonnelClient(new RecordingInvoker(), options));

        Assert.Equal(maxRetries < 0 ? "MaxRetries" : "DefaultDeadline", ex.ParamName);
    }
}
