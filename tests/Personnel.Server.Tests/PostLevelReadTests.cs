using Microsoft.Extensions.DependencyInjection;
using Personnel.Api.V1;
using Personnel.Grains.Views;

namespace Personnel.Server.Tests;

/// <summary>
/// GetPostLevel, the township apps' question, is answered from the post levels the live employee activation publishes
/// (no grain call), and a caller whose write was acknowledged reads it at once, even while others are reading.
/// </summary>
public sealed class PostLevelReadTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly PostLevel Staff = new() { Post = Post.Staff, GradeLevel = 7, Step = 5 };
    private static readonly PostLevel DeputySectionChief = new() { Post = Post.DeputySectionChief, GradeLevel = 6, Step = 5 };

    [Fact]
    public async Task GetPostLevel_of_a_live_employee_is_answered_without_a_grain_call()
    {
        var reader = server.As(await server.KeyAsync(Role.Reader));
        await server.Admin.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("view-1", "harbour", "2022-01-03"));
        var views = server.Services.GetRequiredService<PostLevelReader>();
        await reader.Call<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "view-1" });
        var before = views.Fetches;

        for (var i = 0; i < 20; i++)
        {
            var level = await reader.Call<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "view-1", AsOf = Build.Date("2023-01-01") });
            Assert.Equal((DeputySectionChief, Build.Date("2022-01-03")), (level.PostLevel, level.Since));
        }

        Assert.Equal(before, views.Fetches);
    }

    [Fact]
    public async Task An_unknown_employee_is_NOT_FOUND_from_the_first_read_through_the_grain_and_from_the_view_after_it()
    {
        var reader = server.As(await server.KeyAsync(Role.Reader));
        var views = server.Services.GetRequiredService<PostLevelReader>();
        var request = new GetPostLevelRequest { EmployeeId = "view-nobody", AsOf = Build.Date("2023-01-01") };

        var first = await reader.Refused<GetPostLevelRequest, GetPostLevelResponse>(request);
        var fetches = views.Fetches;
        var second = await reader.Refused<GetPostLevelRequest, GetPostLevelResponse>(request);

        Assert.Equal((Grpc.Core.StatusCode.NotFound, Grpc.Core.StatusCode.NotFound), (first.StatusCode, second.StatusCode));
        Assert.Equal(first.Status.Detail, second.Status.Detail);
        Assert.Contains("view-nobody has not been appointed", second.Status.Detail);
        Assert.Equal(fetches, views.Fetches);
    }

    [Fact]
    public async Task Each_acknowledged_change_of_post_is_read_back_at_once_while_other_callers_keep_reading()
    {
        const int changes = 30;
        var hr = server.As(await server.KeyAsync(Role.Hr, "harbour"));
        var reader = server.As(await server.KeyAsync(Role.Reader));
        await hr.Call<AppointEmployeeRequest, AppointEmployeeResponse>(Build.Appointment("view-2", "harbour", "2022-01-03"));
        var acknowledged = DateOnly.Parse("2022-01-03", System.Globalization.CultureInfo.InvariantCulture);
        var stale = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var reads = 0;
        using var done = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var floor = acknowledged;
                var level = await reader.Call<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "view-2", AsOf = Build.Date("2030-01-01") });
                var since = new DateOnly(level.Since.Year, level.Since.Month, level.Since.Day);
                Interlocked.Increment(ref reads);
                if (since < floor)
                {
                    stale.Enqueue($"read since {since:yyyy-MM-dd} after the change of {floor:yyyy-MM-dd} was acknowledged");
                }
            }
        })).ToArray();

        for (var i = 1; i <= changes; i++)
        {
            var on = new DateOnly(2022, 2, 1).AddDays(7 * i);
            var to = i % 2 == 1 ? Staff : DeputySectionChief;
            await hr.Call<ChangePostRequest, ChangePostResponse>(new ChangePostRequest
            {
                RequestId = Build.RequestId(), EmployeeId = "view-2", EffectiveOn = Build.Date(on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                Reason = $"change {i}", PostLevel = to,
            });
            acknowledged = on;
            var own = await hr.Call<GetPostLevelRequest, GetPostLevelResponse>(new GetPostLevelRequest { EmployeeId = "view-2", AsOf = Build.Date("2030-01-01") });
            Assert.Equal((to, on.Year, on.Month, on.Day), (own.PostLevel, own.Since.Year, own.Since.Month, own.Since.Day));
        }

        await done.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Empty(stale);
        Assert.True(reads >= changes, $"only {reads} reads ran beside {changes} changes");
    }
}
