using Personnel.Client;

namespace Personnel.Cli.Tests;

/// <summary>Runs `personnel` in-process with captured output and a chosen environment.</summary>
internal static class CliHarness
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Task<Result> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args) => RunAsync(environment, null, args);

    /// <summary>Runs with every call going through <paramref name="handler"/> (e.g. one that records the RPC called).</summary>
    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string>? environment, HttpMessageHandler? handler, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(
            CliContext.PlainConsole(output),
            error,
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            options =>
            {
                // No pauses between retries: a test that reaches a closed port should fail at once.
                options.RetryBackoff = TimeSpan.Zero;
                options.HttpHandler = handler ?? options.HttpHandler;
                return new PersonnelClient(options);
            },
            TimeProvider.System);
        var code = await PersonnelCli.RunAsync(args, context);
        return new Result(code, output.ToString(), error.ToString());
    }

    public static Task<Result> RunAsync(params string[] args) => RunAsync(null, args);
}
