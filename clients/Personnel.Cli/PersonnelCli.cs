using System.CommandLine;
using Personnel.Cli.Commands;
using Personnel.Client;

namespace Personnel.Cli;

/// <summary>The <c>personnel</c> command: its options, sub-commands, and how failures become messages and exit codes.</summary>
public static class PersonnelCli
{
    /// <summary>The server address when neither --server nor PERSONNEL_SERVER is given.</summary>
    public const string DefaultServer = "http://127.0.0.1:5000";

    /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = Build(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await context.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync("Run 'personnel --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var invocation = new InvocationConfiguration { Output = context.Out.Profile.Out.Writer, Error = context.Error, EnableDefaultExceptionHandler = false };
        return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds the command tree (exposed so tests can check parsing without running anything).</summary>
    public static RootCommand Build(CliContext context)
    {
        var globals = new GlobalOptions(context);
        var root = new RootCommand("personnel — contracts, grades, post levels and rotation of contracted staff, over the personnel gRPC API.");
        root.Options.Add(globals.Server);
        root.Options.Add(globals.Key);
        root.Options.Add(globals.Json);
        root.Options.Add(globals.CaFile);
        root.Subcommands.Add(KeysCommands.Build(globals));
        root.Subcommands.Add(DepartmentCommands.Build(globals));
        root.Subcommands.Add(EmployeeCommands.Build(globals));
        root.Subcommands.Add(EmployeeCommands.BuildPostLevel(globals));
        root.Subcommands.Add(RotationCommands.Build(globals));
        root.Subcommands.Add(GradesCommands.Build(globals));
        root.Subcommands.Add(PayCommands.Build(globals));
        root.Subcommands.Add(EventCommands.Build(globals));
        root.Subcommands.Add(CompletionCommands.Build(root));
        return root;
    }
}

/// <summary>The options every command takes, and the one place a command's failure is turned into output.</summary>
public sealed class GlobalOptions
{
    public GlobalOptions(CliContext context)
    {
        Context = context;
        Server = new Option<string>("--server")
        {
            Description = $"The server's address. Defaults to $PERSONNEL_SERVER, else {PersonnelCli.DefaultServer}.",
            Recursive = true,
            DefaultValueFactory = _ => NonEmpty(context.GetEnvironmentVariable("PERSONNEL_SERVER")) ?? PersonnelCli.DefaultServer,
        };
        Key = new Option<string?>("--key")
        {
            // No DefaultValueFactory: System.CommandLine prints a default in --help, and the key must never be shown.
            // $PERSONNEL_KEY is read when the command runs (ApiKeyOf).
            Description = "The API key. Defaults to $PERSONNEL_KEY (never shown).",
            Recursive = true,
        };
        CaFile = new Option<FileInfo?>("--ca-file")
        {
            Description = "A PEM file of the certificate authority that signed the server's certificate (https:// servers only). "
                + "Defaults to $PERSONNEL_CA_FILE, else the system's trusted roots.",
            Recursive = true,
        };
        Json = new Option<bool>("--json")
        {
            Description = "Print the answer as JSON instead of a table: proto3 JSON, field names as in the .proto, enum proto names, dates yyyy-MM-dd.",
            Recursive = true,
        };
    }

    public CliContext Context { get; }

    public Option<string> Server { get; }

    public Option<string?> Key { get; }

    public Option<bool> Json { get; }

    public Option<FileInfo?> CaFile { get; }

    /// <summary>
    /// Runs <paramref name="action"/> with a client for the parsed options; a refusal is printed as the service's
    /// message and mapped to an exit code.
    /// </summary>
    public async Task<int> RunAsync(ParseResult parsed, Func<PersonnelClient, Task<int>> action)
    {
        var server = parsed.GetValue(Server)!;
        if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || (address.Scheme != "http" && address.Scheme != "https"))
        {
            await Context.Error.WriteLineAsync($"error: --server \"{server}\" is not an http:// or https:// address.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            var caFile = parsed.GetValue(CaFile)?.FullName ?? NonEmpty(Context.GetEnvironmentVariable("PERSONNEL_CA_FILE"));
            if (caFile is not null && !File.Exists(caFile))
            {
                await Context.Error.WriteLineAsync($"error: --ca-file \"{caFile}\" does not exist.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            using var client = Context.CreateClient(new PersonnelClientOptions { Address = address, ApiKey = ApiKeyOf(parsed), CaFile = caFile });
            return await action(client).ConfigureAwait(false);
        }
        catch (PersonnelException ex)
        {
            await Context.Error.WriteLineAsync($"error: {ex.StatusCode}: {ex.Message}").ConfigureAwait(false);
            if (ex.StatusCode == Grpc.Core.StatusCode.Unavailable)
            {
                await Context.Error.WriteLineAsync($"(is the server running at {address}? set --server or PERSONNEL_SERVER)").ConfigureAwait(false);
            }

            return ExitCodes.For(ex.StatusCode);
        }
        catch (InputException ex)
        {
            await Context.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
    }

    /// <summary>The key from --key, else $PERSONNEL_KEY; read only when a call is made, so it never reaches help text.</summary>
    public string? ApiKeyOf(ParseResult parsed) =>
        NonEmpty(parsed.GetValue<string?>(Key.Name)) ?? NonEmpty(Context.GetEnvironmentVariable("PERSONNEL_KEY"));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>An argument or input file the CLI refuses before calling the service.</summary>
public sealed class InputException(string message) : Exception(message);
