using System.CommandLine;

namespace KubeLint.Cli;

/// <summary><c>kubelint rules</c>: the rule catalog as a table, or as the Markdown of rules.md.</summary>
public static class RulesCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (a table) or markdown (the content of rules.md).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "markdown");

        var command = new Command("rules", "List every rule: id, name, default severity and description.");
        command.Options.Add(format);
        command.SetAction(parseResult =>
        {
            var text = parseResult.GetValue(format) == "markdown"
                ? RulesFormatter.Markdown(RuleCatalog.All)
                : RulesFormatter.Text(RuleCatalog.All);
            console.Out.Write(text);
            console.Out.Flush();
            return ExitCodes.Success;
        });
        return command;
    }
}
