using System.CommandLine;
using System.CommandLine.Parsing;
using KubeLint.Analyzer.Schema;

namespace KubeLint.Cli;

/// <summary>
/// Finds the first argument that looks like an option but is none of the command's. System.CommandLine would bind
/// it to the command's paths (or leave it unmatched), so that "--fromat json" became two missing files. Works from the
/// parsed command's options, so options added later need nothing here. Arguments after "--" are paths whatever they
/// look like, as in every POSIX tool.
/// </summary>
public static class UnknownOptions
{
    /// <summary>The error line for the first unknown option, or null when there is none.</summary>
    public static string? Check(ParseResult parseResult)
    {
        var optionValues = new HashSet<Token>(OptionValues(parseResult.CommandResult), ReferenceEqualityComparer.Instance);
        foreach (var token in parseResult.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash))
        {
            if (token.Type != TokenType.Argument || !LooksLikeOption(token.Value) || optionValues.Contains(token))
            {
                continue;
            }

            var name = token.Value.Split('=')[0];
            var near = name.Length > 2 ? Suggestions.Closest(name, OptionNames(parseResult.CommandResult.Command), MaxDistance(name)) : null;
            return near is not null
                ? $"unknown option '{name}'; did you mean '{near}'?"
                : $"unknown option '{name}' (a path that starts with '-' goes after '--')";
        }

        return null;
    }

    /// <summary>Tokens that are the values of options of the command or its parents ("-o -x": "-x" is the file name).</summary>
    private static IEnumerable<Token> OptionValues(CommandResult command)
    {
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            foreach (var option in result is CommandResult c ? c.Children.OfType<OptionResult>() : [])
            {
                foreach (var token in option.Tokens)
                {
                    yield return token;
                }
            }
        }
    }

    /// <summary>Long option names tolerate a wrong word ending ("--no-simulation" for "--no-simulate").</summary>
    private static int MaxDistance(string name) => name.Length >= 12 ? 3 : name.Length >= 6 ? 2 : 1;

    /// <summary>"-" alone is standard input; anything else starting with '-' is meant as an option.</summary>
    private static bool LooksLikeOption(string value) => value.Length > 1 && value[0] == '-';

    /// <summary>The command's options and the recursive ones of its parents (--help), long names only.</summary>
    private static IEnumerable<string> OptionNames(Command command)
    {
        var options = command.Options.ToList();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            options.AddRange(parent.Options.Where(o => o.Recursive));
        }

        return options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal);
    }
}
