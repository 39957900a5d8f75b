using Personnel.Client;
using Spectre.Console;

namespace Personnel.Cli;

/// <summary>What a command reads and writes besides its arguments: kept apart so tests can run every command in-process.</summary>
/// <param name="Out">Tables and JSON go here.</param>
/// <param name="Error">Error messages go here.</param>
/// <param name="GetEnvironmentVariable">Reads PERSONNEL_SERVER and PERSONNEL_KEY.</param>
/// <param name="CreateClient">Opens a client for the resolved options.</param>
/// <param name="Clock">Today's date for defaults.</param>
public sealed record CliContext(
    IAnsiConsole Out,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable,
    Func<PersonnelClientOptions, PersonnelClient> CreateClient,
    TimeProvider Clock)
{
    /// <summary>The process's console, environment and a client over the network.</summary>
    public static CliContext FromProcess()
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // Piped into a file or another program there is no terminal width; 80 columns would wrap every
            // rule message across several rows, so tables are laid out for a wide page instead.
            console.Profile.Width = 240;
        }

        return new CliContext(console, Console.Error, Environment.GetEnvironmentVariable, options => new PersonnelClient(options), TimeProvider.System);
    }

    /// <summary>A plain console over <paramref name="writer"/>: no colours, no live widgets, wide enough for any table.</summary>
    public static IAnsiConsole PlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        return console;
    }
}
