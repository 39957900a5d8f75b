using System.CommandLine;
using Personnel.Api.V1;
using Personnel.Cli.Output;
using Spectre.Console;

namespace Personnel.Cli.Commands;

/// <summary><c>personnel keys create|revoke|list</c>: API keys (admin only).</summary>
internal static class KeysCommands
{
    public static Command Build(GlobalOptions globals)
    {
        var keys = new Command("keys", "Create, revoke and list API keys (needs an admin key).");
        keys.Subcommands.Add(Create(globals));
        keys.Subcommands.Add(Revoke(globals));
        keys.Subcommands.Add(List(globals));
        keys.Subcommands.Add(WhoAmI(globals));
        return keys;
    }

    private static Command Create(GlobalOptions globals)
    {
        var name = new Option<string>("--name") { Description = "Who or what the key is for.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {Values.Choices<Role>()}.", Required = true };
        var department = new Option<string?>("--department") { Description = "For an hr key: its one department. Omit for all departments." };
        var tokenOnly = new Option<bool>("--token-only") { Description = "Print only the token, e.g. for export PERSONNEL_KEY=$(personnel keys create … --token-only)." };
        var command = new Command("create", "Create a key; its token is shown once.") { name, role, department, tokenOnly };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Keys.CreateApiKeyAsync(new CreateApiKeyRequest
            {
                Name = parsed.GetValue(name)!,
                Role = Args.Enum<Role>(parsed.GetValue(role), "--role"),
                DepartmentId = parsed.GetValue(department) ?? string.Empty,
            }).ConfigureAwait(false);
            if (parsed.GetValue(tokenOnly))
            {
                globals.Context.Out.Profile.Out.Writer.WriteLine(response.Token);
                return ExitCodes.Ok;
            }

            Render.Message(globals, parsed, response, console =>
            {
                console.Write(KeyTable([response.Key]));
                console.WriteLine($"token: {response.Token}");
                console.WriteLine("Keep the token now: the server stores only its hash.");
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Revoke(GlobalOptions globals)
    {
        var keyId = new Argument<string>("key-id") { Description = "The key's id (not its token)." };
        var command = new Command("revoke", "Revoke a key: calls with it are refused from now on.") { keyId };
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Keys.RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = parsed.GetValue(keyId)! }).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(KeyTable([response.Key])));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List(GlobalOptions globals)
    {
        var command = new Command("list", "List the keys (never their tokens).");
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Keys.ListApiKeysAsync(new ListApiKeysRequest()).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console => console.Write(KeyTable(response.Keys.OrderBy(k => k.CreatedAt, StringComparer.Ordinal))));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command WhoAmI(GlobalOptions globals)
    {
        var command = new Command("whoami", "Show the key in use: its id, role and department (any key; never its token).");
        command.SetAction(parsed => globals.RunAsync(parsed, async client =>
        {
            var response = await client.Keys.GetCallerKeyAsync(new GetCallerKeyRequest()).ConfigureAwait(false);
            Render.Message(globals, parsed, response, console =>
            {
                var table = Render.NewTable("key id", "role", "department");
                table.AddRow(Render.Cells(response.KeyId, Values.Show(response.Role), response.DepartmentId));
                console.Write(table);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Table KeyTable(IEnumerable<ApiKey> keys)
    {
        var table = Render.NewTable("key id", "name", "role", "department", "revoked", "created at");
        foreach (var key in keys)
        {
            table.AddRow(Render.Cells(key.KeyId, key.Name, Values.Show(key.Role), key.DepartmentId, key.Revoked ? "yes" : "no", key.CreatedAt));
        }

        return table;
    }
}
