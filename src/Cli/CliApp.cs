using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using KubeLint.Analyzer.Documents;

namespace KubeLint.Cli;

/// <summary>
/// The kubelint command line. Runs in-process with any streams (tests call <see cref="Run(string[], TextWriter, TextWriter, Stream?)"/>);
/// every failure becomes one line on standard error and exit code 2, never a stack trace.
/// </summary>
public static class CliApp
{
    /// <summary>Help is wrapped to this width when it is not shown on a terminal (files, pipes, tests).</summary>
    private const int RedirectedHelpWidth = 120;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Stream? stdin)
        => Run(args, new CliConsole(stdout, stderr, stdin));

    public static int Run(string[] args, CliConsole console)
    {
        try
        {
            if (ParseLintRun(args, console) is { } lintRun)
            {
                return Invoke(lintRun, console);
            }

            var root = CreateRootCommand(console);
            var parseResult = root.Parse(DefaultCommand.Apply(args, root));
            var errors = UnknownOptions.Check(parseResult) is { } unknown
                ? [unknown]
                : parseResult.Errors.Select(e => e.Message).ToList();
            if (errors.Count > 0 && parseResult.Action is not VersionAction and not HelpAction)
            {
                foreach (var error in errors)
                {
                    console.Error.Write($"kubelint: {error}\n");
                }

                console.Error.Write($"Run '{CommandPath(parseResult.CommandResult.Command)} --help' for usage.\n");
                return ExitCodes.Usage;
            }

            return Invoke(parseResult, console);
        }
        catch (UsageException ex)
        {
            foreach (var line in ex.Message.Split('\n'))
            {
                console.Error.Write($"kubelint: {Output.ControlCharacters.Escape(line)}\n");
            }

            return ExitCodes.Usage;
        }
        catch (InputChangedException ex)
        {
            console.Error.Write($"kubelint: {Output.ControlCharacters.Escape(ex.Message)}\n");
            return ExitCodes.Usage;
        }
        catch (Exception ex)
        {
            console.Error.Write($"kubelint: internal error: {ex.GetType().Name}: {ex.Message.Replace('\n', ' ')}\n");
            return ExitCodes.Usage;
        }
    }

    /// <summary>
    /// The parse of a plain lint run ("kubelint [lint] PATH... [lint options]") made with the lint command alone, or
    /// null when the arguments may mean anything else: a command or root option first, a directive, help anywhere, a
    /// parse error or an unknown option. Those are parsed again with the full command tree and answered exactly as
    /// before. Building the full tree was about a tenth of a one-file run in the native build, none of which such
    /// a run uses: the root command looks up the executable's name by reflection, and its help and version options
    /// read their descriptions through a ResourceManager.
    /// </summary>
    internal static ParseResult? ParseLintRun(string[] args, CliConsole console)
    {
        if (args.Length == 0 || DefaultCommand.IsDirective(args[0]) || (args[0] != DefaultCommand.Name && DefaultCommand.IsRootName(args[0])))
        {
            return null;
        }

        var lint = new Command(DefaultCommand.Name);
        new LintCommand().AttachTo(lint, console);
        var parseResult = new Command(ToolInfo.Name) { Subcommands = { lint } }.Parse(args[0] == DefaultCommand.Name ? args : [DefaultCommand.Name, .. args]);
        if (parseResult.Errors.Count > 0 || UnknownOptions.Check(parseResult) is not null)
        {
            return null;
        }

        // The lint command alone reads "/h" as a path and "-o -h" as a file name; with the root command, help is an
        // option of every command, so either shows help.
        foreach (var token in parseResult.Tokens)
        {
            if (token.Type != TokenType.Command && (DefaultCommand.IsRootName(token.Value) || DefaultCommand.IsDirective(token.Value)))
            {
                return null;
            }
        }

        return parseResult;
    }

    private static int Invoke(ParseResult parseResult, CliConsole console)
        => parseResult.Invoke(new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        });

    internal static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand(
            "Lints Kubernetes manifests: YAML problems, schema validation, cross-object rules and a cluster simulation. "
            + "'kubelint PATH...' is short for 'kubelint lint PATH...'.")
        {
            // Help names the tool, not the process (the test host when run in-process, 'dotnet' for kubelint.dll).
            HelpName = ToolInfo.Name,
        };
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case VersionOption version:
                    version.Action = new VersionAction(console);
                    break;
                case HelpOption { Action: HelpAction help } when !console.StdoutIsTerminal:
                    help.MaxWidth = RedirectedHelpWidth;
                    break;
            }
        }

        foreach (var suggest in root.Directives.OfType<SuggestDirective>())
        {
            suggest.Action = new SuggestAction(root, suggest, console);
        }

        var lint = new Command(DefaultCommand.Name, "Lint manifests: files, folders, glob patterns or - for standard input (the default command).");
        new LintCommand().AttachTo(lint, console);
        root.Subcommands.Add(lint);
        root.Subcommands.Add(RulesCommand.Create(console));
        root.Subcommands.Add(Simulation.SimulateCommand.Create());
        return root;
    }

    /// <summary>"kubelint lint", for the usage hint; the root's own name is the executable's.</summary>
    private static string CommandPath(Command command)
        => command is RootCommand ? ToolInfo.Name : $"{ToolInfo.Name} {command.Name}";
}
