using Personnel.Api.V1;
using Personnel.Cli.Output;

namespace Personnel.Cli.Tests;

public sealed class ParsingTests
{
    private static CliContext Context(Dictionary<string, string> environment) =>
        new(CliContext.PlainConsole(new StringWriter()), new StringWriter(), name => environment.GetValueOrDefault(name), _ => throw new InvalidOperationException("no calls in parsing tests"), TimeProvider.System);

    [Fact]
    public void ServerAndKey_DefaultToTheEnvironment()
    {
        var context = Context(new() { ["PERSONNEL_SERVER"] = "http://10.0.0.5:6000", ["PERSONNEL_KEY"] = "k-env" });
        var globals = new GlobalOptions(context);
        var root = PersonnelCli.Build(context);

        var parsed = root.Parse(["post-level", "e-1"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal("http://10.0.0.5:6000", parsed.GetValue<string>("--server"));
        Assert.Equal("k-env", globals.ApiKeyOf(parsed));
        Assert.Contains("--json", root.Options.Select(o => o.Name));
    }

    [Fact]
    public void Options_OverrideTheEnvironment_AndTheServerDefaultsToLoopback5000()
    {
        var withEnv = PersonnelCli.Build(Context(new() { ["PERSONNEL_KEY"] = "k-env" })).Parse(["post-level", "e-1", "--key", "k-flag"]);
        var bare = PersonnelCli.Build(Context([])).Parse(["rotation", "due"]);

        Assert.Equal("k-flag", new GlobalOptions(Context([])).ApiKeyOf(withEnv));
        Assert.Equal("http://127.0.0.1:5000", bare.GetValue<string>("--server"));
        Assert.Null(bare.GetValue<string?>("--key"));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("grades", "import", "--help")]
    [InlineData("keys", "create", "--help")]
    public async Task Help_NeverShowsTheKeyFromTheEnvironment(params string[] args)
    {
        const string Secret = "kdeadbeef.s3cr3t-token-value";

        var result = await CliHarness.RunAsync(new Dictionary<string, string> { ["PERSONNEL_KEY"] = Secret }, args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--key", result.Out + result.Error);
        Assert.DoesNotContain("s3cr3t", result.Out + result.Error);
    }

    [Fact]
    public async Task MissingRequiredOption_ExitsWithBadInput_NamingTheOption()
    {
        var result = await CliHarness.RunAsync("grades", "import", "file.csv");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--department", result.Error);
    }

    [Fact]
    public async Task UnknownCommand_ExitsWithBadInput()
    {
        var result = await CliHarness.RunAsync("employees", "list");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("employees", result.Error);
    }

    [Fact]
    public async Task BadEnumValue_IsRefusedBeforeAnyCall_ListingTheChoices()
    {
        var result = await CliHarness.RunAsync("--server", "http://127.0.0.1:9", "keys", "create", "--name", "x", "--role", "boss");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--role \"boss\" is not one of hr, party-affairs, reader, admin", result.Error);
    }

    [Fact]
    public async Task BadDate_IsRefusedNamingTheOption()
    {
        var result = await CliHarness.RunAsync("--server", "http://127.0.0.1:9", "post-level", "e-1", "--as-of", "03/02/2026");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--as-of \"03/02/2026\" is not a date (yyyy-MM-dd)", result.Error);
    }

    [Fact]
    public async Task ServerThatIsNotAnHttpAddress_IsRefused()
    {
        var result = await CliHarness.RunAsync("--server", "ftp://x", "rotation", "due");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("not an http:// or https:// address", result.Error);
    }

    [Fact]
    public async Task UnreachableServer_ExitsWithUnavailable_AndSaysWhereItLooked()
    {
        var result = await CliHarness.RunAsync("--server", "http://127.0.0.1:9", "post-level", "e-1");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Contains("error: Unavailable:", result.Error);
        Assert.Contains("http://127.0.0.1:9", result.Error);
    }

    [Theory]
    [InlineData("party-affairs", Role.PartyAffairs)]
    [InlineData("PARTY_AFFAIRS", Role.PartyAffairs)]
    [InlineData("ROLE_PARTY_AFFAIRS", Role.PartyAffairs)]
    [InlineData("hr", Role.Hr)]
    public void EnumWords_AreReadInEveryUsualSpelling(string text, Role expected)
    {
        Assert.True(Values.TryParseEnum<Role>(text, out var role));
        Assert.Equal(expected, role);
    }

    [Fact]
    public void UnspecifiedEnumValue_IsNeverAccepted()
    {
        Assert.False(Values.TryParseEnum<Role>("unspecified", out _));
        Assert.False(Values.TryParseEnum<Role>("ROLE_UNSPECIFIED", out _));
    }

    [Fact]
    public void EnumValues_AreShownInKebabCase()
    {
        Assert.Equal("fairly-good", Values.Show(QuarterlyGrade.FairlyGood));
        Assert.Equal("commissioner-1", Values.Show(Post.Commissioner1));
        Assert.Equal("in-promotion-trial", Values.Show(ContractState.InPromotionTrial));
        Assert.Equal(string.Empty, Values.Show(ContractState.Unspecified));
    }
}
