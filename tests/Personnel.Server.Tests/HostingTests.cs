using Microsoft.Extensions.DependencyInjection;
using Personnel.Domain.Profiles;
using Personnel.Server.Hosting;

namespace Personnel.Server.Tests;

/// <summary>Start-up configuration: the policy profile by name, the storage provider.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task An_unknown_policy_profile_stops_the_start_listing_the_known_profiles()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerHost.BuildAsync(["--Policy:Profile", "atlantis-1999"]));

        Assert.Contains("atlantis-1999", error.Message);
        Assert.Contains("yangshahu-2020", error.Message);
    }

    [Fact]
    public async Task A_profile_file_with_a_zero_post_coefficient_stops_the_start_naming_the_file_and_the_value()
    {
        var file = Path.Combine(Path.GetTempPath(), "personnel-bad-profile-" + Guid.NewGuid().ToString("N") + ".json");
        var weihai = PolicyProfiles.Default;
        var coefficients = weihai.Pay.PostCoefficient.ToDictionary(p => p.Key, p => p.Value);
        coefficients[Personnel.Domain.Posts.Post.Staff] = 0m;
        await File.WriteAllTextAsync(file, PolicyProfiles.ToJson(weihai with { Name = "bad", Pay = weihai.Pay with { PostCoefficient = coefficients } }));
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerHost.BuildAsync(["--Policy:ProfileFile", file]));

            Assert.Contains(file, error.Message, StringComparison.Ordinal);
            Assert.Contains("pay.postCoefficient[Staff] = 0", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_unknown_storage_provider_stops_the_start_naming_the_supported_ones()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerHost.BuildAsync(["--Storage:Provider", "oracle"]));

        Assert.Contains("'sqlite' (default) or 'postgres'", error.Message);
    }

    [Fact]
    public async Task The_profile_named_on_the_command_line_is_the_one_the_services_use()
    {
        var directory = Path.Combine(Path.GetTempPath(), "personnel-hosting-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var app = await ServerHost.BuildAsync(
                ["--Policy:Profile", "yangshahu-2020", "--Storage:ConnectionString", Path.Combine(directory, "p.db"), "--urls", "http://127.0.0.1:0", "--Web:Urls", "http://127.0.0.1:0"]);

            Assert.Equal("yangshahu-2020", app.Services.GetRequiredService<PolicyProfile>().Name);
            Assert.True(File.Exists(Path.Combine(directory, "p.db")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
