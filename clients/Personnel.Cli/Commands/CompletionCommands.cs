using System.CommandLine;
using System.Text;

namespace Personnel.Cli.Commands;

/// <summary>
/// <c>personnel completion bash|zsh</c>: a completion script for the shell, written from the command tree itself, so it
/// lists every command and option this build has and needs no call to the CLI on each Tab.
/// </summary>
internal static class CompletionCommands
{
    public static Command Build(RootCommand root)
    {
        var bash = new Command("bash", "Print the bash completion script: eval \"$(personnel completion bash)\", or save it under ~/.local/share/bash-completion/completions/personnel.");
        bash.SetAction(parsed => Print(parsed, Bash(root)));
        var zsh = new Command("zsh", "Print the zsh completion script: save it as _personnel in a directory on $fpath (or eval \"$(personnel completion zsh)\" after compinit).");
        zsh.SetAction(parsed => Print(parsed, Zsh(root)));
        return new Command("completion", "Print a shell completion script (bash or zsh) for personnel's commands and options.") { bash, zsh };
    }

    private static int Print(ParseResult parsed, string script)
    {
        parsed.InvocationConfiguration.Output.Write(script);
        return ExitCodes.Ok;
    }

    /// <summary>Each command path ("" for the root, "employee", "grades appeal") with the words that may follow it.</summary>
    internal static IReadOnlyList<(string Path, string Words)> Tree(RootCommand root)
    {
        var result = new List<(string, string)>();
        Walk(root, string.Empty, root.Options.Where(o => o.Recursive).ToList(), result);
        return result;
    }

    private static void Walk(Command command, string path, IReadOnlyList<Option> inherited, List<(string, string)> result)
    {
        var words = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)
            .Concat(command.Options.Concat(path.Length == 0 ? [] : inherited).Where(o => !o.Hidden).Select(o => o.Name).Distinct())
            .Append("--help");
        result.Add((path, string.Join(' ', words.Distinct())));
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            Walk(sub, path.Length == 0 ? sub.Name : $"{path} {sub.Name}", inherited, result);
        }
    }

    private static string Cases(RootCommand root, string indent) =>
        string.Join('\n', Tree(root).Select(t => $"{indent}\"{t.Path}\") echo \"{t.Words}\" ;;"));

    private static string Bash(RootCommand root) => new StringBuilder()
        .Append("# bash completion for personnel; written by `personnel completion bash`.\n")
        .Append("_personnel_words() {\n    case \"$1\" in\n").Append(Cases(root, "        ")).Append("\n    esac\n}\n\n")
        .Append("""
            _personnel() {
                local cur="${COMP_WORDS[COMP_CWORD]}" cmdpath="" next i
                # Follow the words typed so far down the command tree; option values and arguments are skipped.
                for ((i = 1; i < COMP_CWORD; i++)); do
                    next="${cmdpath:+$cmdpath }${COMP_WORDS[i]}"
                    if [[ "${COMP_WORDS[i]}" != -* && -n "$(_personnel_words "$next")" ]]; then
                        cmdpath="$next"
                    fi
                done
                COMPREPLY=($(compgen -W "$(_personnel_words "$cmdpath")" -- "$cur"))
            }
            complete -F _personnel personnel

            """)
        .ToString();

    private static string Zsh(RootCommand root) => new StringBuilder()
        .Append("#compdef personnel\n# zsh completion for personnel; written by `personnel completion zsh`.\n")
        .Append("_personnel_words() {\n    case \"$1\" in\n").Append(Cases(root, "        ")).Append("\n    esac\n}\n\n")
        .Append("""
            _personnel() {
                local cmdpath="" next i
                # Follow the words typed so far down the command tree; option values and arguments are skipped.
                for ((i = 2; i < CURRENT; i++)); do
                    next="${cmdpath:+$cmdpath }${words[i]}"
                    if [[ "${words[i]}" != -* && -n "$(_personnel_words "$next")" ]]; then
                        cmdpath="$next"
                    fi
                done
                compadd -- ${=$(_personnel_words "$cmdpath")}
            }
            if [[ "$funcstack[1]" == "_personnel" ]]; then
                _personnel "$@"
            else
                compdef _personnel personnel
            fi

            """)
        .ToString();
}
