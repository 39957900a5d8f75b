using Personnel.Api.V1;
using Personnel.Domain.Profiles;
using DomainPost = Personnel.Domain.Posts.Post;

namespace Personnel.Server.Tests;

/// <summary>The server on a profile file whose post coefficients (岗位系数) are not all 1.0: staff 1.0, deputy section chief 1.2.</summary>
public sealed class PostCoefficientFixture : ServerFixture
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "personnel-profile-" + Guid.NewGuid().ToString("N") + ".json");

    public PostCoefficientFixture()
    {
        var weihai = PolicyProfiles.Default;
        var coefficients = weihai.Pay.PostCoefficient.ToDictionary(p => p.Key, p => p.Value);
        coefficients[DomainPost.DeputySectionChief] = 1.2m;
        File.WriteAllText(_file, PolicyProfiles.ToJson(weihai with { Name = "post-coefficients", Pay = weihai.Pay with { PostCoefficient = coefficients } }));
    }

    protected override IEnumerable<string> ExtraArguments => ["--Policy:ProfileFile", _file];
}

/// <summary>The post coefficient (PM 第五条) comes from the profile, for the post held at the end of the year, in
/// GetCoefficients and in the annual pool; figures worked by hand in the comments.</summary>
public sealed class PostCoefficientTests(PostCoefficientFixture server) : IClassFixture<PostCoefficientFixture>
{
    [Fact]
    public async Task PM5_the_post_coefficient_is_the_profiles_for_the_post_held_on_31_December_and_weighs_the_pool()
    {
        await server.DepartmentAsync("posts");
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await party.Call<RecordDepartmentAssessmentRequest, RecordDepartmentAssessmentResponse>(new RecordDepartmentAssessmentRequest
        {
            RequestId = Build.RequestId(), DepartmentId = "posts", Year = 2024, Tier = DepartmentTier._2, DecidedOn = Build.Date("2025-01-10"),
        });
        foreach (var id in new[] { "riser", "peer" })
        {
            await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment(id, "posts", "2023-01-03", Post.Staff, level: 8));
        }

        await party.Call<PromoteRequest, PromoteResponse>(new PromoteRequest
        {
            RequestId = Build.RequestId(), EmployeeId = "riser", StartsOn = Build.Date("2024-07-01"),
            PostLevel = new PostLevel { Post = Post.DeputySectionChief, GradeLevel = 7, Step = 5 },
        });
        foreach (var id in new[] { "riser", "peer" })
        {
            await party.Call<RecordAnnualGradeRequest, RecordAnnualGradeResponse>(Build.Annual(id, 2024, AnnualGrade.Competent));
        }

        var before = await party.Call<GetCoefficientsRequest, GetCoefficientsResponse>(new GetCoefficientsRequest { EmployeeId = "riser", Year = 2023 });
        var after = await party.Call<GetCoefficientsRequest, GetCoefficientsResponse>(new GetCoefficientsRequest { EmployeeId = "riser", Year = 2024 });
        var pool = Pool();
        var byProfile = await party.Call<AllocateAnnualPerformancePayRequest, AllocateAnnualPerformancePayResponse>(pool);
        pool.PostCoefficients.Add("POST_STAFF", "2.0");
        var overridden = await party.Call<AllocateAnnualPerformancePayRequest, AllocateAnnualPerformancePayResponse>(pool);

        // Staff on 31 December 2023, deputy section chief on 31 December 2024.
        Assert.Equal("1.0", before.PostCoefficient);
        Assert.Equal(("1.2", "1.0", "1.0"), (after.PostCoefficient, after.PersonalCoefficient, after.DepartmentCoefficient));
        // 10,000 shared 1.0 × 1.2 : 1.0 × 1.0 = 1.2 : 1.0, so 10,000 × 1.2 / 2.2 = 5,454.545… and 10,000 / 2.2 = 4,545.454…;
        // to the fen by largest remainder: 5,454.55 and 4,545.45.
        Assert.Equal([("peer", "4545.45", "1.0"), ("riser", "5454.55", "1.2")],
            Assert.Single(byProfile.Departments).People.OrderBy(p => p.EmployeeId).Select(p => (p.EmployeeId, p.Amount.Yuan, p.PostCoefficient)));
        // The request's own table wins: staff 2.0, so 1.2 : 2.0 gives 10,000 × 1.2 / 3.2 = 3,750 and 10,000 × 2.0 / 3.2 = 6,250.
        Assert.Equal([("peer", "6250.00"), ("riser", "3750.00")],
            Assert.Single(overridden.Departments).People.OrderBy(p => p.EmployeeId).Select(p => (p.EmployeeId, p.Amount.Yuan)));
    }

    private static AllocateAnnualPerformancePayRequest Pool() => new()
    {
        Year = 2024,
        TotalPay = new Money { Yuan = "10000.00" },
        PostPay = new Money { Yuan = "0.00" },
        MonthlyPerformance = new Money { Yuan = "0.00" },
        QuarterlyPerformance = new Money { Yuan = "0.00" },
    };
}
