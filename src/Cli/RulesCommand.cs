using System.CommandLine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Schema;

namespace KubeLint.Cli;

/// <summary>
/// <c>kubelint rules [ID|NAME]</c>: the rule catalog as a table or as the Markdown of rules.md, or one rule's full
/// documentation with its examples.
/// </summary>
public static class RulesCommand
{
    public static Command Create(CliConsole console)
    {
        var rule = new Argument<string?>("rule")
        {
            HelpName = "ID|NAME",
            Description = "A rule id (KL2001) or name (selector-template-mismatch): print its documentation and examples.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        rule.CompletionSources.Add(_ => RuleCatalog.All.SelectMany(r => new[] { r.Id, r.Name }).Select(n => new System.CommandLine.Completions.CompletionItem(n)));
        var format = new Option<string>("--format", "-f")
        {
            Description = "text or markdown (the content of rules.md).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "markdown");

        var command = new Command("rules", "List every rule, or show one rule's documentation: description, how to fix, parameters, examples.");
        command.Arguments.Add(rule);
        command.Options.Add(format);
        command.SetAction(parseResult =>
        {
            var markdown = parseResult.GetValue(format) == "markdown";
            string text;
            if (parseResult.GetValue(rule) is { } name)
            {
                var found = Find(name);
                text = markdown ? RulesFormatter.MarkdownSection(found) : RulesFormatter.Documentation(found);
            }
            else
            {
                text = markdown ? RulesFormatter.Markdown(RuleCatalog.All) : RulesFormatter.Text(RuleCatalog.All);
            }

            console.Out.Write(text);
            console.Out.Flush();
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The rule with this id or name (ignoring case); anything else is a usage error that names the nearest.</summary>
    internal static RuleDescriptor Find(string idOrName)
    {
        var rule = RuleCatalog.All.FirstOrDefault(r => string.Equals(r.Id, idOrName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r.Name, idOrName, StringComparison.OrdinalIgnoreCase));
        if (rule is not null)
        {
            return rule;
        }

        var near = Suggestions.Closest(idOrName, RuleCatalog.All.SelectMany(r => new[] { r.Id, r.Name }));
        throw new UsageException($"unknown rule '{idOrName}'" + (near is null ? "; 'kubelint rules' lists them" : $"; did you mean '{near}'?"));
    }
}
