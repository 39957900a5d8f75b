using System.CommandLine;
using Google.Protobuf;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Personnel.Cli.Output;

/// <summary>Tables for people, JSON for scripts: every command answers through here.</summary>
internal static class Render
{
    /// <summary>Writes <paramref name="message"/> as JSON with --json, else draws it with <paramref name="table"/>.</summary>
    public static void Message(GlobalOptions globals, ParseResult parsed, IMessage message, Action<IAnsiConsole> table)
    {
        if (parsed.GetValue(globals.Json))
        {
            globals.Context.Out.Profile.Out.Writer.WriteLine(Values.Json(message));
            return;
        }

        table(globals.Context.Out);
    }

    /// <summary>A table whose headings are given in English and shown with their Chinese term (<see cref="Headings"/>).</summary>
    public static Table NewTable(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(Headings.Of(header))));
        }

        return table;
    }

    /// <summary>Cells as plain text: service messages may hold [brackets] that must not be read as markup.</summary>
    public static IRenderable[] Cells(params string[] values) => values.Select(v => (IRenderable)new Text(v)).ToArray();

    /// <summary>A two-column table of field names and values, for one record.</summary>
    public static Table Fields(params (string Name, string Value)[] fields)
    {
        var table = NewTable("field", "value");
        foreach (var (name, value) in fields)
        {
            table.AddRow(Cells(Headings.Of(name), value));
        }

        return table;
    }
}
