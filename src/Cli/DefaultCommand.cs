using System.CommandLine;

namespace KubeLint.Cli;

/// <summary>
/// <c>kubelint PATH...</c> means <c>kubelint lint PATH...</c>. The arguments are rewritten before parsing instead of
/// giving the root command lint's argument and options: then every usage line and help page shows each command's
/// own arguments only, and lint's options exist once.
/// </summary>
internal static class DefaultCommand
{
    public const string Name = "lint";

    /// <summary>
    /// Inserts "lint" after the leading directives ([suggest], [diagram]) unless the first argument is a command, or
    /// an option of the root command itself (--help, --version).
    /// </summary>
    public static string[] Apply(IReadOnlyList<string> args, RootCommand root)
    {
        var start = 0;
        while (start < args.Count && IsDirective(args[start]))
        {
            start++;
        }

        if (start < args.Count && NamesSubcommandOrRootOption(args[start], root))
        {
            return [.. args];
        }

        return [.. args.Take(start), Name, .. args.Skip(start)];
    }

    /// <summary>
    /// The names of the root command's subcommands and options (System.CommandLine's help and version options), for
    /// <see cref="CliApp.ParseLintRun"/>, which parses without the root command; a test checks them against it.
    /// </summary>
    internal static readonly HashSet<string> RootNames = new(StringComparer.Ordinal)
    {
        Name, "rules", "simulate", "--help", "-h", "/h", "-?", "/?", "--version",
    };

    internal static bool IsDirective(string arg) => arg.Length > 2 && arg[0] == '[' && arg[^1] == ']';

    /// <summary>True for a name of a subcommand or option of the root command.</summary>
    internal static bool IsRootName(string arg) => RootNames.Contains(arg);

    private static bool NamesSubcommandOrRootOption(string arg, RootCommand root)
        => root.Subcommands.Any(c => c.Name == arg || c.Aliases.Contains(arg))
            || root.Options.Any(o => o.Name == arg || o.Aliases.Contains(arg));
}
